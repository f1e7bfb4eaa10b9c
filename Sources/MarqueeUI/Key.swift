/// A key press, decoded by the terminal layer from whatever the terminal sent.
public enum Key: Sendable, Hashable, CustomStringConvertible {
  case character(Character)
  /// Ctrl plus a letter, e.g. `.control("c")` for Ctrl-C (lowercase letter).
  case control(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace
  case function(Int)

  public var description: String {
    switch self {
    case .character(" "): "Space"
    case .character(let character): String(character)
    case .control(let letter): "Ctrl-\(letter.uppercased())"
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .home: "Home"
    case .end: "End"
    case .enter: "Enter"
    case .escape: "Esc"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .backspace: "Backspace"
    case .function(let number): "F\(number)"
    }
  }
}
