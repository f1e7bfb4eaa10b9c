import MarqueeCore
import Testing

@testable import MarqueeUI

/// Read and flagged marks: an article is read once opened, `m` and `f` toggle, `U` goes
/// to the next unread one, and every change asks to be saved.
@Suite("Read and flagged marks")
struct MarksTests {
  static let size = Size(columns: 120, rows: 30)

  private func reader(_ book: MarkBook = MarkBook()) -> ReaderState {
    updated(
      ReaderState(store: ArticleStore(articles: Sample.trio), size: Self.size, markBook: book),
      .resize(Self.size))
  }

  /// The records the keys ask to save, in order.
  private func saved(after keys: [Key], from state: ReaderState) -> (ReaderState, [MarkRecord]) {
    var state = state
    var records: [MarkRecord] = []
    for key in keys {
      let (next, effects) = update(state, .key(key))
      state = next
      for case .saveMarks(let changed) in effects { records += changed }
    }
    return (state, records)
  }

  @Test func openingAnArticleMarksItReadOnceAndAPreviewDoesNot() {
    // On a wide screen the selected article shows beside the list: not opened yet.
    let (previewed, none) = saved(after: keys("j"), from: reader())
    #expect(none.isEmpty)
    #expect(previewed.unreadCount == 3)
    let (opened, records) = saved(after: [.enter, .character("j"), .escape], from: previewed)
    #expect(records == [MarkBook.record(.read, for: Sample.noImages)])
    #expect(opened.marks == [[], .read, []])
    #expect(opened.unreadCount == 2)
    let screen = render(opened)
    #expect(screen.lines[0].hasPrefix("┌─ Articles (3) · 2 unread ─"))
    #expect(screen.lines[3].hasPrefix("│ A Quiet Week In Streaming"))
    #expect(!screen[2, 3].style.bold, "a read title is not bold")
    #expect(screen[2, 2].style.bold, "an unread one is")
  }

  @Test func mTogglesReadAndTheOpenArticleStaysUnreadWhenMarkedSo() {
    let (state, records) = saved(after: [.enter, .character("m")], from: reader())
    #expect(state.focus == .detail)
    #expect(state.marks[0] == [])
    #expect(state.message == "Marked unread")
    #expect(records.map(\.marks) == [.read, []])
    // Moving on and back opens it again: read again.
    let (back, _) = saved(after: [.escape, .character("j"), .character("k"), .enter], from: state)
    #expect(back.marks[0] == .read)
  }

  @Test func fFlagsAndTheListShowsIt() {
    let (state, records) = saved(after: keys("jf"), from: reader())
    #expect(state.marks[1] == .flagged)
    #expect(state.message == "Flagged")
    #expect(records == [MarkBook.record(.flagged, for: Sample.noImages)])
    #expect(render(state).lines[3].hasPrefix("│!A Quiet Week In Streaming"))
    #expect(saved(after: keys("f"), from: state).0.marks[1] == [])
  }

  @Test func capitalUGoesToTheNextUnreadAndWrapsAround() {
    var book = MarkBook()
    book.apply(MarkBook.record(.read, for: Sample.noImages))
    var state = reader(book)
    #expect(state.marks == [[], .read, []])
    state = updated(state, .key(.character("U")))
    #expect(state.selection == 2, "the read one is skipped")
    state = updated(state, .key(.character("U")))
    #expect(state.selection == 0, "past the end it wraps")
    // From the article it opens the next unread there, which makes it read.
    state = updated(updated(state, .key(.enter)), .key(.character("U")))
    #expect(state.focus == .detail && state.selection == 2)
    #expect(state.marks == [.read, .read, .read])
    state = updated(state, .key(.character("U")))
    #expect(state.message == "No unread articles")
  }

  /// Marks kept from an earlier run reach articles as they arrive, even from a file
  /// that moved since (found by its text).
  @Test func keptMarksReachArticlesAsTheyArrive() {
    var book = MarkBook()
    let moved = Sample.article(
      "moved-away", title: Sample.premiere.title, dek: Sample.premiere.dek,
      paragraphs: Sample.premiere.paragraphs, images: Sample.premiere.images,
      imagePositions: [0, 6])
    #expect(moved.contentHash == Sample.premiere.contentHash)
    book.apply(MarkBook.record([.read, .flagged], for: moved))
    var state = updated(
      ReaderState(store: ArticleStore(), size: Self.size, loading: LoadingStatus(), markBook: book),
      .resize(Self.size))
    state = updated(
      state, .articlesArrived(SearchIndex.prepare(Sample.trio, after: 0), filesRead: 3))
    #expect(state.marks == [[.read, .flagged], [], []])
    #expect(state.unreadCount == 2)
  }
}
