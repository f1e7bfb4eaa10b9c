import MarqueeCore

/// The `?` help while it is open: how far it is scrolled, and the words it is narrowed
/// to (`/` in the help, matched against each key's description and names).
public struct HelpState: Sendable, Equatable {
  /// The first line of the help on screen.
  public var top = 0
  public var filter = ""
  /// Whether keys are going to the filter line rather than scrolling.
  public var isTypingFilter = false
}

extension ReaderState {
  public var helpVisible: Bool { help != nil }

  mutating func openHelp() {
    // The help cannot be drawn on a screen too small for the reader.
    if layout.isTooSmall { message = "Terminal too small for help" } else { help = HelpState() }
  }

  /// A key while the help is open, as less takes keys in its help: the moving keys
  /// scroll it, `/` narrows it, `Q` quits, Esc drops a filter, and any other key closes it.
  mutating func helpKey(_ key: Key, keymap: Keymap) {
    guard var current = help else { return }
    if current.isTypingFilter {
      switch keymap.queryLine[key] {
      case nil:
        guard case .character(let character) = key else { return }
        current.filter.append(character)
      case .deleteBackward:
        if current.filter.isEmpty {
          current.isTypingFilter = false
        } else {
          current.filter.removeLast()
        }
      case .clear: current.filter = ""
      case .accept: current.isTypingFilter = false
      case .cancel:
        current.filter = ""
        current.isTypingFilter = false
      case .passOn, .previousSearch, .nextSearch, .takeSuggestion:
        help = current
        scrollHelp(keymap.command(for: key), keymap: keymap)
        return
      }
      current.top = 0
      help = current
      return
    }
    let command = keymap.command(for: key)
    switch command {
    case .search:
      current.isTypingFilter = true
      current.filter = ""
      current.top = 0
      help = current
    case .quitAll:
      effects.append(.quit)
    case .back where !current.filter.isEmpty:
      help = HelpState()
    default:
      if !scrollHelp(command, keymap: keymap) { help = nil }
    }
  }

  /// Scrolls the help for a moving command; false for any other command.
  @discardableResult
  private mutating func scrollHelp(_ command: Command?, keymap: Keymap) -> Bool {
    guard var current = help else { return false }
    let (rows, end) = HelpOverlay(keymap: keymap, state: current).scrolling(on: size)
    let page = max(1, rows)
    switch command {
    case .next: current.top += 1
    case .previous: current.top -= 1
    case .pageDown: current.top += page
    case .pageUp: current.top -= page
    case .halfPageDown: current.top += max(1, page / 2)
    case .halfPageUp: current.top -= max(1, page / 2)
    case .first: current.top = 0
    case .last: current.top = end
    default: return false
    }
    current.top = min(max(0, current.top), end)
    help = current
    return true
  }
}
