import MarqueeCore
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
  }

  static func measure(_ index: SearchIndex, rounds: Int) -> Result {
    var reader = ReaderState(index: index, size: size)
    reader.searchesInBackground = true
    var state = update(reader, .resize(size))
    _ = render(state, size: size)
    var result = Result()
    for round in 0..<rounds {
      for (keys, isSearch) in [(navigation, false), (search, true)] {
        for key in keys {
          let ((), seconds) = Measure.time {
            state = update(state, .key(key))
            _ = render(state, size: size)
          }
          if round > 0 {
            if isSearch { result.search.append(seconds) } else { result.navigation.append(seconds) }
          }
          guard let request = state.pendingSearch else { continue }
          let ((), answer) = Measure.time {
            let hits = state.index.search(request.query)
            state = update(state, .searchFinished(id: request.id, hits: hits))
            _ = render(state, size: size)
          }
          if round > 0 { result.answers.append(answer) }
        }
      }
    }
    return result
  }
}
