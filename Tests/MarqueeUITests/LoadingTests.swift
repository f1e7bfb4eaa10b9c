import MarqueeCore
import Testing

@testable import MarqueeUI

/// The reader opens before any article is loaded; batches arrive as actions.
@Suite("Reading while loading")
struct LoadingTests {
  static let size = Size(columns: 120, rows: 30)

  /// A reader that has found `found` files and received the given batches.
  private func reader(found: Int, batches: [[Article]], keys: [Key] = []) -> ReaderState {
    var state = updated(
      ReaderState(store: ArticleStore(), size: Self.size, loading: LoadingStatus()),
      .resize(Self.size))
    state = updated(state, .filesFound(found))
    for batch in batches {
      let prepared = SearchIndex.prepare(batch, after: state.store.count)
      state = updated(
        state, .articlesArrived(prepared, filesRead: state.store.count + batch.count))
    }
    for key in keys { state = updated(state, .key(key)) }
    return state
  }

  @Test func theFirstFrameComesBeforeAnyArticle() {
    let state = updated(
      ReaderState(store: ArticleStore(), size: Self.size, loading: LoadingStatus()),
      .resize(Self.size))
    let screen = render(state, size: Self.size)
    #expect(screen.lines[1].contains("No articles."))
    #expect(screen.lines.last!.contains("Loading… looking for articles"))
    let found = render(updated(state, .filesFound(100_000)), size: Self.size)
    #expect(found.lines.last!.contains("Loading 0 / 100,000"))
  }

  @Test func theListFillsAsBatchesArriveAndKeysWorkMeanwhile() {
    let articles = Sample.many(60)
    var state = reader(found: 60, batches: [Array(articles[0..<20])], keys: keys("jjj"))
    #expect(state.rowCount == 20)
    #expect(state.selection == 3)
    #expect(render(state, size: Self.size).lines.last!.contains("Loading 20 / 60"))
    state = updated(state, .key(.enter))
    state = updated(state, .key(.character("j")))
    let detailTop = state.detailTop
    let next = SearchIndex.prepare(Array(articles[20..<60]), after: 20)
    state = updated(state, .articlesArrived(next, filesRead: 60))
    #expect(state.rowCount == 60)
    #expect(state.selectedArticle?.path == articles[3].path)
    #expect(state.detailTop == detailTop)
    #expect(render(state, size: Self.size).lines.last!.contains("Loading 60 / 60"))
    state = updated(state, .loadingFinished(LoadReport(filesSeen: 60, loaded: 60)))
    #expect(state.loading == nil)
    #expect(!render(state, size: Self.size).lines.last!.contains("Loading"))
  }

  @Test func aSearchCoversWhatHasArrivedAndSaysSoUntilTheEnd() {
    let first = [Sample.premiere, Sample.noImages]
    let later = [
      Sample.article("zz-premiere", title: "Another Premiere Night"),
      Sample.article("zz-quiet", title: "Nothing To See"),
    ]
    var state = reader(
      found: 4, batches: [first], keys: [.character("/")] + keys("premiere") + [.enter])
    #expect(state.listedArticles.map(\.title) == ["Glass Harbor Premiere Dazzles"])
    #expect(render(state, size: Self.size).lines.last!.contains("1 match for “premiere” so far"))
    state = updated(
      state, .articlesArrived(SearchIndex.prepare(later, after: 2), filesRead: 4))
    #expect(
      Set(state.listedArticles.map(\.title)) == [
        "Glass Harbor Premiere Dazzles", "Another Premiere Night",
      ])
    #expect(state.selectedArticle?.title == "Glass Harbor Premiere Dazzles")
    state = updated(state, .loadingFinished(LoadReport(filesSeen: 4, loaded: 4)))
    let status = render(state, size: Self.size).lines.last!
    #expect(status.contains("2 matches for “premiere”"))
    #expect(!status.contains("so far"))
  }

  @Test func skippedFilesAreMentionedWhenLoadingEnds() {
    var state = reader(found: 3, batches: [Sample.trio])
    let report = LoadReport(
      filesSeen: 4, loaded: 3, skipped: [SkippedFile(path: "/x/bin.txt", reason: .binary)])
    state = updated(state, .loadingFinished(report))
    #expect(
      render(state, size: Self.size).lines.last!.contains(
        "1 file was skipped; marquee check says why"))
  }

  /// Files in the folders that no include glob matched are said when nothing or next
  /// to nothing loaded (ten times as many ignored as loaded), before the skipped files;
  /// an empty reader says it even over a note already shown.
  @Test func filesNoGlobMatchedAreMentionedWhenFewOrNoArticlesLoaded() throws {
    let ignored = "219 files without .txt ignored; use --include '*'"
    let skipped = "1 file was skipped; marquee check says why"
    func status(_ state: ReaderState, _ report: LoadReport) -> String {
      render(updated(state, .loadingFinished(report)), size: Self.size).lines.last!
    }
    let empty = reader(found: 0, batches: [])
    #expect(status(empty, LoadReport(ignoredFiles: 219)).contains(ignored))
    #expect(!status(empty, LoadReport()).contains("ignored"))
    // A key's note does not hide why the reader is empty.
    let noted = updated(empty, .key(.character("x")))
    try #require(render(noted, size: Self.size).lines.last!.contains("does nothing here"))
    #expect(status(noted, LoadReport(ignoredFiles: 219)).contains(ignored))

    let few = reader(found: 3, batches: [Sample.trio])
    let bin = SkippedFile(path: "/x/bin.txt", reason: .binary)
    let both = status(
      few, LoadReport(filesSeen: 4, loaded: 3, skipped: [bin], ignoredFiles: 219))
    #expect(both.contains(ignored + " · " + skipped))
    let several = status(
      few,
      LoadReport(filesSeen: 3, loaded: 3, ignoredFiles: 30, includeGlobs: ["*.txt", "*.text"]))
    #expect(several.contains("30 files without .txt or .text ignored; use --include '*'"))
    // Beside a few pictures or a README, only the skipped files are said.
    let quiet = status(
      few, LoadReport(filesSeen: 4, loaded: 3, skipped: [bin], ignoredFiles: 29))
    #expect(quiet.contains(skipped) && !quiet.contains("ignored"))
    #expect(!status(few, LoadReport(filesSeen: 3, loaded: 3, ignoredFiles: 29)).contains("ignored"))
  }

  @Test func largeCountsAreGrouped() {
    #expect(ReaderState.grouped(0) == "0")
    #expect(ReaderState.grouped(999) == "999")
    #expect(ReaderState.grouped(41_230) == "41,230")
    #expect(ReaderState.grouped(1_000_000) == "1,000,000")
  }
}

/// The selected article is laid out once and kept while it stays selected at the same
/// width and search; the kept layout must always be the one a fresh layout would give.
@Suite("Detail layout cache")
struct DetailCacheTests {
  private func fresh(_ state: ReaderState) -> [String] {
    guard let article = state.selectedArticle else { return [] }
    return DetailDocument(
      article: article, width: ReaderLayout.textWidth(state.detailRectForLayout)
    ).lines.map(\.text)
  }

  @Test func theKeptLayoutFollowsSelectionWidthAndSearch() {
    var state = screenAfter([]).0
    let actions: [Action] =
      [.key(.enter), .key(.character("j")), .resize(Size(columns: 160, rows: 40))]
      + ([.key(.escape), .key(.character("/"))] + keys("premiere").map(Action.key))
      + [.key(.enter), .key(.enter), .resize(Size(columns: 70, rows: 20)), .key(.escape)]
      + [.key(.escape), .key(.character("j")), .key(.character("j"))]
    for action in actions {
      state = updated(state, action)
      let cache = state.detailCache
      guard state.selectedDocument != nil else {
        #expect(cache == nil, "nothing selected after \(action)")
        continue
      }
      #expect(cache?.document == state.selectedDocument, "\(action)")
      #expect(cache?.width == ReaderLayout.textWidth(state.detailRectForLayout), "\(action)")
      #expect(cache?.matches.terms == state.highlightTerms, "\(action)")
      #expect(state.detailDocument?.lines.map(\.text) == fresh(state), "\(action)")
    }
  }
}
