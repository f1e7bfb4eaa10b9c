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

/// Keys as a config file writes them: `ctrl-d`, `pgdn`, `G`, `space`, `shift-tab`, `f5`.
/// `name` prints the one spelling `init?(name:)` reads back; reading also takes the
/// spellings people type from habit (`C-d`, `Ctrl-D`, `pagedown`, `return`, `escape`).
extension Key {
  /// How a config file writes the key.
  public var name: String {
    switch self {
    case .character(" "): "space"
    case .character(let character): String(character)
    case .control(let letter): "ctrl-\(letter)"
    case .up: "up"
    case .down: "down"
    case .left: "left"
    case .right: "right"
    case .pageUp: "pgup"
    case .pageDown: "pgdn"
    case .home: "home"
    case .end: "end"
    case .enter: "enter"
    case .escape: "esc"
    case .tab: "tab"
    case .backTab: "shift-tab"
    case .backspace: "backspace"
    case .function(let number): "f\(number)"
    }
  }

  /// The key a config file names; nil for a name that is no key.
  public init?(name: String) {
    let lower = name.lowercased()
    if let key = Self.named[lower] {
      self = key
    } else if name.count == 1, let character = name.first, character != " " {
      // One character stands for itself, case and all (`G` is not `g`).
      self = .character(character)
    } else if let letter = Self.controlLetter(lower) {
      self = .control(letter)
    } else if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) {
      self = .function(number)
    } else {
      return nil
    }
  }

  /// `ctrl-d`, `ctrl+d`, `c-d`: the lowercase letter.
  private static func controlLetter(_ lower: String) -> Character? {
    for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
      let rest = lower.dropFirst(prefix.count)
      guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else {
        return nil
      }
      return letter
    }
    return nil
  }

  /// Every spelling of the keys with a name of their own, the printed one among them.
  private static let named: [String: Key] = {
    let keys: [Key] = [
      .character(" "), .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter,
      .escape, .tab, .backTab, .backspace,
    ]
    var table = Dictionary(uniqueKeysWithValues: keys.map { ($0.name, $0) })
    let aliases: [String: Key] = [
      "pageup": .pageUp, "pagedown": .pageDown, "pgdown": .pageDown, "return": .enter,
      "escape": .escape, "backtab": .backTab, "s-tab": .backTab, "bs": .backspace,
    ]
    table.merge(aliases) { first, _ in first }
    return table
  }()
}
