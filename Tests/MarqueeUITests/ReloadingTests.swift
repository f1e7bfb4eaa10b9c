import MarqueeCore
import Testing

@testable import MarqueeUI

/// Files that come, change, go or are renamed under the open reader: the list follows,
/// keeping the selection, the scroll and the search, and the status bar says what
/// changed.
@Suite("Reloading the folders")
struct ReloadingTests {
  private func changed(_ state: ReaderState, _ change: LibraryChange) -> ReaderState {
    updated(state, .libraryChanged(change))
  }

  private func titles(_ state: ReaderState) -> [String] { state.listedArticles.map(\.title) }

  @Test func aNewFileJoinsTheListAndTheSelectionStays() {
    let state = screenAfter(keys("j")).0
    let fresh = Sample.article("fresh", title: "Fresh Arrival")
    let next = changed(state, LibraryChange(added: [fresh]))
    #expect(titles(next) == Sample.trio.map(\.title) + ["Fresh Arrival"])
    #expect(next.selectedArticle?.title == Sample.noImages.title)
    #expect(next.message == "+1 new")
    #expect(next.unreadCount == 4)
    #expect(render(next).lines[0].hasPrefix("┌─ Articles (4) · 4 unread "))
  }

  @Test func aChangedFileIsReadAgainInPlaceAndSearchedAsItIsNow() {
    var state = screenAfter(keys("j") + [.enter]).0
    let edited = Sample.article(
      "quiet", title: "A Loud Week In Streaming", paragraphs: ["Everything happened."])
    state = changed(state, LibraryChange(changed: [edited]))
    #expect(state.selection == 1)
    #expect(state.focus == .detail)
    #expect(state.selectedArticle?.title == "A Loud Week In Streaming")
    #expect(render(state).lines.contains { $0.contains("Everything happened.") })
    #expect(state.message == "1 changed")
    #expect(state.marks[1] == .read, "its marks stay")
    for key in [.escape] + keys("/loud") + [.enter] { state = updated(state, .key(key)) }
    #expect(titles(state) == ["A Loud Week In Streaming"])
  }

  /// A file edited into text read before (its marks kept under another path): the
  /// article is read now, and the unread count says so.
  @Test func aChangedFileWhoseNewTextWasReadCountsAsRead() {
    let edited = Sample.article("quiet", title: "A Loud Week In Streaming")
    let book = MarkBook([
      MarkRecord(contentHash: edited.contentHash, path: "/elsewhere/quiet.txt", marks: .read)
    ])
    var state = ReaderState(
      store: ArticleStore(articles: Sample.trio), size: Size(columns: 120, rows: 30),
      markBook: book)
    #expect(state.unreadCount == 3)
    state = changed(state, LibraryChange(changed: [edited]))
    #expect(state.marks[1] == .read)
    #expect(state.unreadCount == 2)
    #expect(render(state).lines[0].hasPrefix("┌─ Articles (3) · 2 unread "))
  }

  @Test func aDeletedSelectedArticleGoesAndTheNextTakesItsRow() {
    var state = screenAfter(keys("j")).0
    state = changed(state, LibraryChange(removed: [Sample.noImages.path]))
    #expect(titles(state) == [Sample.premiere.title, Sample.cjk.title])
    #expect(state.selection == 1)
    #expect(state.selectedArticle?.title == Sample.cjk.title)
    #expect(state.unreadCount == 2)
    #expect(state.message == "1 removed")
    #expect(render(state).lines[0].hasPrefix("┌─ Articles (2) · 2 unread "))
    for key in keys("/nothing ") + [.enter] { state = updated(state, .key(key)) }
    #expect(state.message == "No matches for “nothing ”", "a removed article is never a hit")
    #expect(render(state).lines[0].hasPrefix("┌─ Articles (2) "))
  }

  @Test func aRenamedFileKeepsItsPlaceItsIdAndItsMarks() {
    var state = screenAfter(keys("f")).0
    #expect(state.marks[0] == .flagged)
    let moved = Sample.article(
      "moved-premiere", title: Sample.premiere.title,
      paragraphs: (1...12).map {
        "Paragraph \($0) of the premiere story, with a few more words to wrap."
      },
      images: Sample.premiere.images, imagePositions: [0, 6])
    #expect(moved.contentHash == Sample.premiere.contentHash, "the same text")
    state = changed(state, LibraryChange(added: [moved], removed: [Sample.premiere.path]))
    #expect(state.rowCount == 3)
    #expect(state.selection == 0)
    #expect(state.selectedArticle?.path == "/articles/moved-premiere.txt")
    #expect(state.marks[0] == .flagged)
    #expect(state.message == "1 renamed")
    // A later change to the renamed file finds it under its new path.
    let edited = Sample.article("moved-premiere", title: "Premiere, Edited")
    state = changed(state, LibraryChange(changed: [edited]))
    #expect(titles(state).first == "Premiere, Edited")
  }

  /// A folder of a thousand files moved at once: each keeps its id and its row.
  @Test func aFolderMovedAtOnceKeepsEveryArticlesPlace() {
    let articles = Sample.many(1_000)
    var state = screenAfter(keys("jjj"), articles: articles).0
    let moved = articles.map {
      Sample.article(
        "moved/" + String($0.path.dropFirst("/articles/".count).dropLast(4)), title: $0.title,
        paragraphs: [String($0.title.split(separator: " ").last!)].map { "Body \($0)." })
    }
    #expect(moved[5].contentHash == articles[5].contentHash)
    state = changed(state, LibraryChange(added: moved.reversed(), removed: articles.map(\.path)))
    #expect(state.rowCount == 1_000)
    #expect(state.message == "1000 renamed")
    #expect(state.selectedArticle?.path == "/articles/moved/003.txt")
    #expect(state.listedArticles.map(\.title) == articles.map(\.title))
  }

  @Test func anActiveSearchIsRunAgainOverWhatChanged() {
    var state = screenAfter(keys("/harbor") + [.enter]).0
    #expect(titles(state) == [Sample.premiere.title])
    let fresh = Sample.article("harbor-two", title: "Another Harbor Story")
    state = changed(state, LibraryChange(added: [fresh]))
    #expect(Set(titles(state)) == [Sample.premiere.title, "Another Harbor Story"])
    #expect(state.selectedArticle?.title == Sample.premiere.title)
    #expect(state.search?.matchCount == 2)
  }

  @Test func theScrollStaysWhenFilesArriveAndGo() {
    let size = Size(columns: 120, rows: 20)
    var state = screenAfter(keys("jjjjjjjjjjjjjjjjjjjj"), articles: Sample.many(40), size: size).0
    let top = state.listTop
    #expect(top > 0)
    state = changed(
      state,
      LibraryChange(added: [Sample.article("zzz", title: "Late")], removed: ["/articles/039.txt"]))
    #expect(state.listTop == top)
    #expect(state.selectedArticle?.title == "Story number 20")
  }

  /// Ten thousand new files come in parts the loop takes between frames; the status bar
  /// counts them once, when the last part is in.
  @Test func aBurstComesInPartsAndIsCountedOnce() {
    let burst = (0..<10_000).map {
      Sample.article(String(format: "burst-%05d", $0), title: "Burst \($0)")
    }
    let parts = LibraryChange(added: burst).parts(of: 256)
    #expect(parts.count == 40)
    #expect(parts.dropLast().allSatisfy { !$0.isLast && $0.articleCount == 256 })
    var state = screenAfter(keys("j")).0
    for part in parts.dropLast() {
      state = changed(state, part)
      #expect(state.message == nil)
    }
    state = changed(state, parts.last!)
    #expect(state.rowCount == 10_003)
    #expect(state.message == "+10000 new")
    #expect(state.selectedArticle?.title == Sample.noImages.title)
  }

  @Test func capitalRLooksAgainAndSaysWhenNothingChanged() {
    let (state, effects) = update(screenAfter([]).0, .key(.character("R")))
    #expect(effects.contains { if case .reload = $0 { true } else { false } })
    #expect(state.message == "Looking for changes…")
    let answered = changed(state, LibraryChange(requested: true))
    #expect(answered.message == "No changes")
    let loading = ReaderState(store: ArticleStore(), size: state.size, loading: LoadingStatus())
    let (early, none) = update(loading, .key(.character("R")))
    #expect(none.isEmpty)
    #expect(early.message?.hasPrefix("Still loading") == true)
  }
}
