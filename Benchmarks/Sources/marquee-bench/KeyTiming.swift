import MarqueeCore
import MarqueeUI

/// Times what the reader does for one key: `update` then `render` of the whole screen,
/// the work between a key arriving and the terminal flush (curses' own diffing is not
/// included). Navigation keys must cost the same whatever the corpus size; search keys
/// include the query itself.
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
  }

  static func measure(_ index: SearchIndex, rounds: Int) -> Result {
    var state = update(ReaderState(index: index, size: size), .resize(size))
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
        }
      }
    }
    return result
  }
}
