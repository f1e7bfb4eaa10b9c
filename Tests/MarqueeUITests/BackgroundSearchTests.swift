import MarqueeCore
import Testing

@testable import MarqueeSynthetic
@testable import MarqueeUI

/// The terminal reader runs queries on another thread: a key only asks for a search,
/// and the hits arrive later as an action. Answered at once, that must give exactly the
/// screens of the inline search; answered late, only the newest request counts.
@Suite("Searching in the background")
struct BackgroundSearchTests {
  private let size = Size(columns: 120, rows: 30)

  private func reader(_ articles: [Article] = Sample.trio) -> ReaderState {
    var state = ReaderState(articles: articles, size: size)
    state.searchesInBackground = true
    return updated(state, .resize(size))
  }

  /// What the session does with a request: runs it over the index it was made with,
  /// and with no hits asks what the query may have meant.
  private func answer(_ state: ReaderState) -> Action? {
    state.awaitedSearch.map { request in
      let hits = state.index.search(request.query)
      return .searchFinished(
        id: request.id, hits: hits,
        suggestion: hits.isEmpty ? state.index.suggestion(for: request.query) : nil)
    }
  }

  @Test func aKeyAsksForTheSearchAndItsHitsFillTheList() throws {
    var state = reader()
    var asked: [SearchRequest] = []
    for key in [Key.character("/")] + keys("quiet") {
      let (next, effects) = update(state, .key(key))
      state = next
      asked += effects.compactMap(\.searchRequest)
    }
    // Each key of the query asks the loop for a search, the newest last.
    #expect(asked.map(\.id) == Array(1...5))
    #expect(asked.last?.id == state.awaitedSearch?.id)
    // The key redraws the query line; the list waits for the hits.
    #expect(state.search?.query == "quiet")
    #expect(state.rowCount == 3)
    let request = try #require(state.awaitedSearch)
    // The word being typed runs as a prefix.
    #expect(request.query == (try SearchQuery("quiet*")))
    state = updated(state, try #require(answer(state)))
    #expect(state.awaitedSearch == nil)
    #expect(state.listedArticles.map(\.title) == ["A Quiet Week In Streaming"])
    #expect(render(state, size: size).lines.last!.contains("/quiet▏  1 matches"))
  }

  /// Enter before the last key's hits arrive: the status never claims a count for the
  /// query that was not counted yet, and the answer then decides (here: no matches).
  @Test func enterBeforeTheHitsArriveWaitsForThemToSayHowMany() throws {
    var state = reader()
    for key in [Key.character("/")] + keys("quiet") {
      state = updated(state, .key(key))
      if let answer = answer(state) { state = updated(state, answer) }
    }
    for key in keys("zz") + [.enter] { state = updated(state, .key(key)) }
    #expect(state.awaitedSearch != nil, "the last key's search is still running")
    let waiting = render(state, size: size).lines.last!
    #expect(waiting.contains("/quietzz▏"), "\(waiting)")
    #expect(!waiting.contains("for “quietzz”"), "\(waiting)")
    state = updated(state, try #require(answer(state)))
    #expect(render(state, size: size).lines.last!.contains("No matches for “quietzz”"))
    #expect(state.search == nil)
  }

  /// Typing must not lay the selected article out again at every key (250 ms a key for
  /// a 1 MiB article), nor must the hits: they only mark words on the lines drawn.
  @Test func typingKeepsTheArticlesLayoutAndTheHitsMarkItsWords() throws {
    var state = reader()
    let layout = try #require(state.detailDocument).lines
    func marksShown() -> Bool {
      let screen = render(state, size: size)
      return (0..<size.rows).contains { row in
        (0..<size.columns).contains { screen[$0, row].style.color == .match }
      }
    }
    for key in [Key.character("/")] + keys("paragraph") {
      state = updated(state, .key(key))
      #expect(state.highlightTerms.isEmpty, "new highlights at \(key)")
      #expect(!marksShown(), "marks at \(key)")
    }
    state = updated(state, try #require(answer(state)))
    #expect(state.highlightTerms.map(\.token) == ["paragraph"])
    #expect(marksShown())
    #expect(state.detailDocument?.lines == layout)
  }

  @Test func onlyTheNewestRequestsHitsAreShown() throws {
    var state = reader()
    for key in [Key.character("/")] + keys("premiere") { state = updated(state, .key(key)) }
    let older = try #require(answer(state))
    state = updated(state, .key(.control("u")))
    for key in keys("quiet") { state = updated(state, .key(key)) }
    let newer = try #require(answer(state))
    state = updated(state, older)
    #expect(state.rowCount == 3, "a stale answer changes nothing")
    #expect(state.awaitedSearch != nil)
    state = updated(state, newer)
    #expect(state.listedArticles.map(\.title) == ["A Quiet Week In Streaming"])
    state = updated(state, newer)
    #expect(state.listedArticles.map(\.title) == ["A Quiet Week In Streaming"])
  }

  @Test func escapeDropsTheSearchStillRunning() throws {
    var state = reader()
    for key in keys("j/quiet") { state = updated(state, .key(key)) }
    let late = try #require(answer(state))
    let (next, effects) = update(state, .key(.escape))
    state = next
    #expect(state.awaitedSearch == nil)
    // The loop hears that the search is not wanted any more.
    #expect(effects.contains { if case .cancelSearch = $0 { true } else { false } })
    state = updated(state, late)
    #expect(state.search == nil)
    #expect(state.rowCount == 3)
    #expect(state.selection == 1)
  }

  @Test func aBatchArrivingKeepsTheSelectedHitSelected() throws {
    let stories = Sample.many(6)
    var state = updated(ReaderState(articles: [], size: size), .resize(size))
    state.searchesInBackground = true
    state = updated(
      state, .articlesArrived(SearchIndex.prepare(Array(stories[..<4]), after: 0), filesRead: 4))
    for key in keys("/story") + [.enter] { state = updated(state, .key(key)) }
    state = updated(state, try #require(answer(state)))
    state = updated(state, .key(.character("j")))
    state = updated(state, .key(.character("j")))
    let selected = state.selectedArticle?.title
    state = updated(
      state, .articlesArrived(SearchIndex.prepare(Array(stories[4...]), after: 4), filesRead: 6))
    state = updated(state, try #require(answer(state)))
    #expect(state.rowCount == 6)
    #expect(state.selectedArticle?.title == selected)
  }

  @Test func aCreditSearchNamesTheCreditWhenItsHitsArrive() throws {
    var state = reader()
    for key in keys("cjC") { state = updated(state, .key(key)) }
    #expect(state.message == nil)
    state = updated(state, try #require(answer(state)))
    #expect(state.message == "1 article with images from Nordpix")
    #expect(state.listedArticles.map(\.title) == ["Glass Harbor Premiere Dazzles"])
  }

  /// Random keys, resizes and batches arriving, each search answered at once: every
  /// frame equals the inline search's.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func answeredAtOnceItDrawsWhatTheInlineSearchDraws(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let articles = RandomInputTests.articles
    var inline = updated(ReaderState(articles: [], size: size), .resize(size))
    var background = inline
    background.searchesInBackground = true
    var loaded = 0
    for step in 0..<600 {
      let action: Action
      if loaded < articles.count, random.chance(0.04) {
        let more = Array(articles[loaded..<min(articles.count, loaded + 2)])
        action = .articlesArrived(
          SearchIndex.prepare(more, after: loaded), filesRead: loaded + more.count)
        loaded += more.count
      } else if random.chance(0.03) {
        action = .resize(RandomInputTests.randomSize(&random))
      } else {
        action = .key(random.pick(RandomInputTests.keys))
      }
      inline = updated(inline, action)
      background = updated(background, action)
      if let answer = answer(background) { background = updated(background, answer) }
      #expect(
        render(background, size: background.size) == render(inline, size: inline.size),
        "step \(step): \(action)")
      if render(background, size: background.size) != render(inline, size: inline.size) {
        return
      }
    }
  }
}
