/// What a key asks the reader to do. Which pane has focus decides what it means:
/// `next` moves the list selection, scrolls the article, or steps through images.
public enum Command: Sendable, Hashable, CaseIterable {
  case next, previous, first, last
  case pageDown, pageUp, halfPageDown, halfPageUp
  case open, back, nextPane, toggleGallery
  case search, nextMatch, previousMatch, searchCredit
  case toggleRead, toggleFlag, nextUnread, cycleOrder, cycleFilter
  case openURL, viewInPager, edit, pipe, copyPath, copyURL
  case reload, help, redraw, quit, quitAll, forceQuit
}

/// One row of the keymap: keys, what they do, and the words that describe them.
public struct Binding: Sendable, Hashable {
  public enum Group: String, Sendable, CaseIterable {
    case moving = "Moving"
    case panes = "Panes"
    case search = "Search"
    case marks = "Marks"
    case programs = "Other programs"
    case other = "Other"
  }

  /// A short hint for the status bar, shown while one of `panes` has focus. Its keys
  /// are not written here: the keymap names the binding's first key (and, with
  /// `pairedWith`, the first key of that command's binding: `j/k move`), so a binding
  /// changed in a config file changes its hint too.
  public struct Hint: Sendable, Hashable {
    public let label: String
    public let panes: Set<Pane>
    public let pairedWith: Command?

    public init(label: String, panes: Set<Pane>, pairedWith: Command? = nil) {
      self.label = label
      self.panes = panes
      self.pairedWith = pairedWith
    }
  }

  /// A hint as the status bar shows it: `j/k move`.
  public struct ShownHint: Sendable, Hashable {
    public let keys: String
    public let label: String
  }

  public let keys: [Key]
  public let command: Command
  public let help: String
  public let group: Group
  public let hint: Hint?

  public init(
    _ keys: [Key], _ command: Command, _ help: String, group: Group, hint: Hint? = nil
  ) {
    self.keys = keys
    self.command = command
    self.help = help
    self.group = group
    self.hint = hint
  }
}

/// The key bindings as data. The same table decides what a key does, draws the `?`
/// overlay and writes the status-bar hints, so the three can never disagree.
public struct Keymap: Sendable {
  public let bindings: [Binding]
  private let commands: [Key: Command]
  /// What keys do on the query line while a search is typed; any other character is
  /// typed into the query, and any other key does nothing there.
  public let queryLine: [Key: QueryEdit]

  public init(_ bindings: [Binding], queryLine: [Key: QueryEdit] = Keymap.standardQueryLine) {
    self.bindings = bindings
    self.queryLine = queryLine
    var commands: [Key: Command] = [:]
    for binding in bindings {
      for key in binding.keys where commands[key] == nil { commands[key] = binding.command }
    }
    self.commands = commands
  }

  public func command(for key: Key) -> Command? { commands[key] }

  /// The first key bound to `command` as help text names it (`j`, `Esc`), or nil.
  public func keyName(for command: Command) -> String? {
    bindings.first { $0.command == command && !$0.keys.isEmpty }?.keys.first?.description
  }

  /// The key that does `edit` on the query line as help text names it, or nil (the
  /// first by name where several do).
  public func keyName(for edit: QueryEdit) -> String? {
    queryLine.filter { $0.value == edit }.keys.map(\.description).sorted().first
  }

  /// Every status-bar hint once, in table order: the keys a short help names.
  public var allHints: [Binding.ShownHint] {
    bindings.compactMap { binding in binding.hint.map { shown($0, of: binding) } }
  }

  /// The hints as one line: `j/k move, Enter open, …`.
  public var hintLine: String {
    allHints.map { "\($0.keys) \($0.label)" }.joined(separator: ", ")
  }

  /// The status-bar hints for the focused pane, in table order.
  public func hints(for pane: Pane) -> [Binding.ShownHint] {
    bindings.compactMap { binding in
      guard let hint = binding.hint, hint.panes.contains(pane) else { return nil }
      return shown(hint, of: binding)
    }
  }

  /// The hint with the keys that do it now.
  private func shown(_ hint: Binding.Hint, of binding: Binding) -> Binding.ShownHint {
    var keys = binding.keys.first?.description ?? ""
    if let paired = hint.pairedWith,
      let key = bindings.first(where: { $0.command == paired })?.keys.first
    {
      keys += "/\(key)"
    }
    return Binding.ShownHint(keys: keys, label: hint.label)
  }

  /// Less, vim and newsboat conventions.
  public static let standard: Keymap = {
    let all: Set<Pane> = [.list, .detail, .gallery]
    func hint(_ label: String, _ panes: Set<Pane>, pairedWith: Command? = nil) -> Binding.Hint {
      Binding.Hint(label: label, panes: panes, pairedWith: pairedWith)
    }
    return Keymap([
      Binding(
        [.character("j"), .down], .next, "Next article · scroll down · next image",
        group: .moving, hint: hint("move", all, pairedWith: .previous)),
      Binding(
        [.character("k"), .up], .previous, "Previous article · scroll up · previous image",
        group: .moving),
      Binding([.character("g"), .home], .first, "First article · top", group: .moving),
      Binding([.character("G"), .end], .last, "Last article · bottom", group: .moving),
      Binding(
        [.character(" "), .pageDown, .control("f")], .pageDown, "Page down", group: .moving,
        hint: hint("page", [.detail])),
      Binding([.character("b"), .pageUp, .control("b")], .pageUp, "Page up", group: .moving),
      Binding([.character("d")], .halfPageDown, "Half page down", group: .moving),
      Binding([.character("u")], .halfPageUp, "Half page up", group: .moving),
      Binding(
        [.enter, .character("l"), .right], .open,
        "Open the article · show the image in the article", group: .panes,
        hint: hint("open", [.list, .gallery])),
      Binding(
        [.escape, .character("h"), .left, .backspace], .back, "Back", group: .panes,
        hint: hint("back", [.detail, .gallery])),
      Binding([.tab], .nextPane, "Next pane", group: .panes),
      Binding(
        [.character("c")], .toggleGallery, "Open or close the image credits pane",
        group: .panes, hint: hint("credits", all)),
      Binding(
        [.character("/")], .search,
        "Search (Enter keeps the results, Esc restores the list; empty Enter clears)",
        group: .search, hint: hint("search", [.list, .detail])),
      Binding(
        [.character("n")], .nextMatch, "Next match in the article", group: .search,
        hint: hint("match", [.detail], pairedWith: .previousMatch)),
      Binding([.character("N")], .previousMatch, "Previous match in the article", group: .search),
      Binding(
        [.character("C")], .searchCredit, "Articles with images from this credit",
        group: .search, hint: hint("same credit", [.gallery])),
      Binding([.character("m")], .toggleRead, "Mark read or unread", group: .marks),
      Binding([.character("f")], .toggleFlag, "Flag or unflag", group: .marks),
      Binding(
        [.character("U")], .nextUnread, "Next unread article (opens it from the article)",
        group: .marks),
      Binding(
        [.character("s")], .cycleOrder,
        "Sort the list: by date, title, length, path (and relevance in a search)",
        group: .marks),
      Binding(
        [.character("F")], .cycleFilter,
        "Show only unread, only flagged, only this folder's, or all articles",
        group: .marks),
      Binding([.character("o")], .openURL, "Open the source URL in $BROWSER", group: .programs),
      Binding(
        [.character("v")], .viewInPager, "Show the article in $PAGER (else less)",
        group: .programs),
      Binding(
        [.character("e")], .edit, "Edit the file in $EDITOR (else vi), then read it again",
        group: .programs),
      Binding(
        [.character("|")], .pipe, "Pipe the article's text to a shell command",
        group: .programs),
      Binding(
        [.character("y")], .copyPath, "Copy the file's path (OSC 52, with MARQUEE_OSC52=1)",
        group: .programs),
      Binding(
        [.character("Y")], .copyURL, "Copy the source URL (OSC 52, with MARQUEE_OSC52=1)",
        group: .programs),
      Binding(
        [.character("?")], .help, "Show this help", group: .other, hint: hint("help", all)),
      Binding(
        [.character("R")], .reload,
        "Look for new, changed and deleted files now (they are also watched)", group: .other),
      Binding([.control("l")], .redraw, "Redraw the screen", group: .other),
      Binding(
        [.character("q")], .quit,
        "Back out: close the help, the credits pane, the article; quit from the list",
        group: .other, hint: hint("quit", [.list])),
      Binding([.character("Q")], .quitAll, "Quit from anywhere", group: .other),
      Binding([.control("c")], .forceQuit, "Quit at once", group: .other),
    ])
  }()
}

/// What a key does on the query line.
public enum QueryEdit: Sendable, Hashable, CaseIterable {
  /// Delete the character before the cursor; on an empty line, close the search.
  case deleteBackward
  /// Empty the line.
  case clear
  /// Keep the results and leave the line (an empty query clears the search).
  case accept
  /// Close the search and put back the list and selection from before it.
  case cancel
  /// Put an earlier search on the line (again: one before it).
  case previousSearch
  /// Put a later search on the line; past the last, what was being typed.
  case nextSearch
  /// Put the suggested query (`did you mean`) on the line.
  case takeSuggestion
  /// Leave the key to the keymap (moving in the list while typing).
  case passOn
}

extension Keymap {
  /// Readline's habits: Backspace, Ctrl-U, Enter, Esc, and ↑/↓ (Ctrl-P/Ctrl-N) for
  /// earlier searches.
  public static let standardQueryLine: [Key: QueryEdit] = [
    .backspace: .deleteBackward, .control("u"): .clear, .enter: .accept, .escape: .cancel,
    .up: .previousSearch, .down: .nextSearch, .control("p"): .previousSearch,
    .control("n"): .nextSearch, .tab: .takeSuggestion,
  ]
}

/// Commands as a config file names them: the case name in kebab case (`page-down`,
/// `toggle-gallery`, `search-credit`).
extension Command {
  public var name: String {
    // A capital after a small letter starts a word; an acronym stays one (`openURL` is
    // `open-url`).
    var previousWasLower = false
    return String(describing: self).reduce(into: "") { name, character in
      if character.isUppercase {
        name += (previousWasLower ? "-" : "") + character.lowercased()
      } else {
        name.append(character)
      }
      previousWasLower = character.isLowercase
    }
  }

  /// The command a config file names; nil for a name that is none.
  public init?(name: String) {
    guard let command = Self.allCases.first(where: { $0.name == name.lowercased() }) else {
      return nil
    }
    self = command
  }
}
