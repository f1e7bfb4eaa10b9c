import Foundation
import MarqueeCore
import Testing

@testable import MarqueeUI

/// `s` orders the list by date, title, length and path (and relevance in a search),
/// keeping the selected article, and says so in the list's title.
@Suite("Sorting the list")
struct ListOrderTests {
  static let size = Size(columns: 120, rows: 20)

  /// Four articles whose path, date, title and length orders all differ.
  static let articles = [
    article("a", "Delta harbor", day: 2, words: 30),
    article("b", "alpha harbor", day: 4, words: 10),
    article("c", "Charlie", day: 1, words: 40),
    article("d", "bravo harbor harbor", day: 3, words: 20),
  ]

  static func article(_ name: String, _ title: String, day: Int, words: Int) -> Article {
    Article(
      path: "/corpus/\(name).txt", modified: Date(timeIntervalSince1970: Double(day) * 86_400),
      title: title, dek: "",
      body: [.paragraph(Array(repeating: "word", count: words).joined(separator: " "))],
      images: [])
  }

  private func names(_ state: ReaderState) -> [String] {
    state.listedArticles.map { String($0.path.dropFirst(8).prefix(1)) }
  }

  @Test func eachPressOfSTakesTheNextOrderAndKeepsTheSelection() {
    var state = updated(ReaderState(articles: Self.articles, size: Self.size), .resize(Self.size))
    state = updated(state, .key(.character("j")))  // b selected
    var seen: [String] = []
    for _ in 0..<4 {
      state = updated(state, .key(.character("s")))
      seen.append(names(state).joined())
      #expect(state.selectedArticle?.path == "/corpus/b.txt", "\(seen)")
    }
    // Newest first, A to Z (case aside), longest first, then back to the natural order.
    #expect(seen == ["bdac", "bdca", "cadb", "abcd"])
    let title = render(updated(state, .key(.character("s")))).lines[0]
    #expect(title.hasPrefix("┌─ Articles (4) · 4 unread · by date "))
  }

  @Test func inASearchTheNaturalOrderIsRelevanceAndPathIsOneMore() {
    var state = updated(ReaderState(articles: Self.articles, size: Self.size), .resize(Self.size))
    for key in keys("/harbor") + [.enter] { state = updated(state, .key(key)) }
    #expect(names(state) == ["d", "a", "b"], "by relevance: twice in d's title")
    var seen: [String] = []
    for _ in 0..<5 {
      state = updated(state, .key(.character("s")))
      seen.append(names(state).joined())
    }
    #expect(seen == ["bda", "bda", "adb", "abd", "dab"])
    #expect(state.order == .natural)
  }

  /// `F` shows the unread, then the flagged, then all again; with a sort and a search.
  @Test func capitalFShowsOnlyTheUnreadThenTheFlagged() {
    var book = MarkBook()
    book.apply(MarkBook.record(.read, for: Self.articles[0]))
    book.apply(MarkBook.record(.flagged, for: Self.articles[1]))
    var state = updated(
      ReaderState(store: ArticleStore(articles: Self.articles), size: Self.size, markBook: book),
      .resize(Self.size))
    var seen: [String] = []
    for _ in 0..<4 {
      state = updated(state, .key(.character("F")))
      seen.append(names(state).joined())
    }
    #expect(seen == ["bcd", "b", "abcd", "abcd"], "all four are in the selected one's folder")
    state = updated(state, .key(.character("F")))
    state = updated(state, .key(.character("s")))
    #expect(names(state) == ["b", "d", "c"], "unread, newest first")
    #expect(state.listArrangement == "by date · unread only")
    #expect(render(state).lines[0].hasPrefix("┌─ Articles (3 of 4) · 3 unread · by date"))
    for key in keys("/harbor") + [.enter] { state = updated(state, .key(key)) }
    #expect(names(state) == ["b", "d"], "unread hits, newest first")
  }

  /// The third `F` keeps the selected article's folder, named relative to the folder
  /// the reader was opened on.
  @Test func capitalFThenShowsOnlyTheSelectedArticlesFolder() {
    let articles = ["x/1", "y/2", "x/3", "y/sub/4", "y/5"].map {
      Article(path: "/corpus/\($0).txt", title: $0, dek: "", body: [], images: [])
    }
    var state = updated(ReaderState(articles: articles, size: Self.size), .resize(Self.size))
    state.openedPaths = ["/corpus"]
    state = updated(state, .key(.character("j")))
    for _ in 0..<3 { state = updated(state, .key(.character("F"))) }
    #expect(state.listedArticles.map(\.title) == ["y/2", "y/5"], "not y/sub")
    #expect(state.selectedArticle?.title == "y/2")
    #expect(state.listArrangement == "in y/")
    #expect(render(state).lines[0].hasPrefix("┌─ Articles (2 of 5) · 5 unread · in y/ "))
    state = updated(state, .key(.character("F")))
    #expect(state.rowCount == 5)
    #expect(state.selectedArticle?.title == "y/2")
  }

  @Test func articlesArrivingTakeTheirPlaceInTheChosenOrder() {
    var state = updated(
      ReaderState(store: ArticleStore(), size: Self.size, loading: LoadingStatus()),
      .resize(Self.size))
    state = updated(
      state,
      .articlesArrived(SearchIndex.prepare(Array(Self.articles[..<2]), after: 0), filesRead: 2))
    state = updated(state, .key(.character("s")))
    #expect(names(state) == ["b", "a"])
    #expect(state.selectedArticle?.path == "/corpus/a.txt", "the selection follows its article")
    state = updated(
      state,
      .articlesArrived(SearchIndex.prepare(Array(Self.articles[2...]), after: 2), filesRead: 4))
    #expect(names(state) == ["b", "d", "a", "c"])
    #expect(state.selectedArticle?.path == "/corpus/a.txt")
  }
}
