import MarqueeCore
import MarqueeSynthetic
import MarqueeUI

/// Times what the reader does for one key: `update` then `render` of the whole screen,
/// the work between a key arriving and the terminal flush (curses' own diffing is not
/// included). Keys must cost the same whatever the corpus size. As in the terminal
/// reader, a search key only asks for the query, which runs off the key's path; its
/// answer (the query, then `update` and `render` with the hits) is timed on its own.
enum KeyTiming {
  static let size = Size(columns: 160, rows: 48)

  /// A session's worth of keys: browse, open, scroll, the credits pane, help.
  static let navigation: [Key] =
    Array(repeating: .character("j"), count: 40) + Array(repeating: .character("k"), count: 10)
    + [.character("G"), .character("g"), .pageDown, .pageDown, .pageUp, .enter]
    + Array(repeating: .character(" "), count: 8)
    + [.character("b"), .character("d"), .character("u"), .tab, .character("c")]
    + Array(repeating: .character("j"), count: 3)
    + [.escape, .escape, .character("?"), .character("x"), .character("j"), .character("k")]

  /// Typing a query, keeping it, jumping between matches, and clearing it.
  static let search: [Key] =
    [.character("/")] + "premiere".map { Key.character($0) }
    + [.enter, .enter, .character("n"), .character("n"), .character("N"), .escape, .escape]

  struct Result {
    var navigation: [Double] = []
    var search: [Double] = []
    var answers: [Double] = []

    /// Each key's fastest time over the rounds (`samples` holds round after round of
    /// `keys` keys): what the key itself costs. A p99 over a few hundred keys is mostly
    /// the machine's doing on a shared host (see `hostJitter`); the slowest key at its
    /// fastest is the code's.
    static func fastest(_ samples: [Double], keys: Int) -> [Double] {
      (0..<keys).map { key in
        stride(from: key, to: samples.count, by: keys).map { samples[$0] }.min() ?? 0
      }.sorted()
    }
  }

  /// The same fixed work (about a millisecond of multiplying) timed as many times as
  /// the keys are, sorted: how far this machine alone spreads times that should not
  /// vary. A host that preempts the process now and then shows here as in the keys.
  static func hostJitter(samples: Int) -> [Double] {
    var value = UInt64(samples)
    let times = (0..<samples).map { _ in
      Measure.time {
        for step in 0..<5_000_000 { value = value &* 6_364_136_223_846_793_005 &+ UInt64(step) }
      }.1
    }
    // Used, so the loop is not optimised away.
    if value == 42 { print("") }
    return times.sorted()
  }

  static func measure(_ store: ArticleStore, _ index: SearchIndex, rounds: Int) -> Result {
    var reader = ReaderState(store: store, index: index, size: size)
    reader.searchesInBackground = true
    var state = update(reader, .resize(size)).state
    _ = render(state)
    var result = Result()
    for round in 0..<rounds {
      for (keys, isSearch) in [(navigation, false), (search, true)] {
        for key in keys {
          let ((), seconds) = Measure.time {
            state = update(state, .key(key)).state
            _ = render(state)
          }
          if round > 0 {
            if isSearch { result.search.append(seconds) } else { result.navigation.append(seconds) }
          }
          guard let request = state.awaitedSearch else { continue }
          let ((), answer) = Measure.time {
            let hits = state.index.search(request.query)
            state = update(state, .searchFinished(id: request.id, hits: hits)).state
            _ = render(state)
          }
          if round > 0 { result.answers.append(answer) }
        }
      }
    }
    return result
  }
}

/// Keys on one long article (8 MiB of normal articles' paragraphs, with their images):
/// the reader lays out a screen or two of it per key and the rest a step at a time
/// between keys, so no key waits for the whole of it. Each row is the slowest of three.
enum LongArticleKeys {
  static let bytes = 8 << 20

  static func report() throws -> String {
    let corpus = SyntheticCorpus(seed: 1)
    var text = corpus.articleText(0)
    var next = 1
    while text.utf8.count < bytes {
      // Each article after its title: its dek, image blocks and paragraphs.
      text += "\n\n" + corpus.articleText(next).split(separator: "\n\n", maxSplits: 1).last!
      next += 1
    }
    let long = try ArticleParser.parse(text: text, path: "long.txt").get()
    let short = Article(path: "short.txt", title: "Short", dek: "A dek.", body: [], images: [])
    let size = KeyTiming.size
    var rows: [(String, Double)] = []
    func timed(_ name: String, _ body: () -> Void) {
      let ((), seconds) = Measure.time(body)
      if let index = rows.firstIndex(where: { $0.0 == name }) {
        rows[index].1 = max(rows[index].1, seconds)
      } else {
        rows.append((name, seconds))
      }
    }
    for _ in 0..<3 {
      var state = update(ReaderState(articles: [short, long], size: size), .resize(size)).state
      state.searchesInBackground = true
      func press(_ key: Key) {
        state = update(state, .key(key)).state
        _ = render(state)
      }
      timed("j: select the long article") { press(.character("j")) }
      timed("a layout step between keys (slowest)") {
        state = update(state, .layoutStep).state
        _ = render(state)
      }
      timed("Enter, then Space: open it and page down") {
        press(.enter)
        press(.character(" "))
      }
      timed("G: to the end (the rest laid out step by step after)") { press(.character("G")) }
      for key in [Key.character("/")] + "premiere".map(Key.character) + [.enter] { press(key) }
      let request = state.awaitedSearch!
      let hits = state.index.search(request.query)
      timed("a search's hits arrive") {
        state = update(state, .searchFinished(id: request.id, hits: hits)).state
        _ = render(state)
      }
      timed("n: the next match") { press(.character("n")) }
      while state.isLayingOut {
        timed("a step between keys, looking for matches (slowest)") {
          state = update(state, .layoutStep).state
          _ = render(state)
        }
      }
      timed("c: the gallery of its \(long.imageCount) images") { press(.character("c")) }
      timed("j in the gallery") { press(.character("j")) }
    }
    return
      (["| key on an 8 MiB article | slowest of 3 |", "|---|---:|"]
      + rows.map { String(format: "| %@ | %.1f ms |", $0.0, $0.1 * 1_000) })
      .joined(separator: "\n")
  }
}
