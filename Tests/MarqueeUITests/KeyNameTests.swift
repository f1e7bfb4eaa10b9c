import MarqueeUI
import Testing

/// Keys and commands as a config file writes them.
@Suite("key and command names")
struct KeyNameTests {
  @Test(arguments: [
    (Key.character("j"), "j"), (.character("G"), "G"), (.character(" "), "space"),
    (.character("/"), "/"), (.control("d"), "ctrl-d"), (.pageDown, "pgdn"), (.pageUp, "pgup"),
    (.enter, "enter"), (.escape, "esc"), (.tab, "tab"), (.backTab, "shift-tab"),
    (.backspace, "backspace"), (.up, "up"), (.home, "home"), (.end, "end"),
    (.function(5), "f5"),
  ])
  func aKeyPrintsItsNameAndReadsItBack(key: Key, name: String) {
    #expect(key.name == name)
    #expect(Key(name: name) == key)
  }

  @Test func everyKeyOfTheStandardKeymapReadsBackFromItsName() {
    for key in Keymap.standard.bindings.flatMap(\.keys) {
      #expect(Key(name: key.name) == key, "\(key)")
    }
  }

  @Test(arguments: [
    ("C-d", Key.control("d")), ("Ctrl-D", .control("d")), ("ctrl+f", .control("f")),
    ("^l", .control("l")), ("PageDown", .pageDown), ("pgdown", .pageDown),
    ("Return", .enter), ("Escape", .escape), ("SPACE", .character(" ")), ("F12", .function(12)),
  ])
  func habitualSpellingsAreRead(name: String, key: Key) {
    #expect(Key(name: name) == key)
  }

  @Test(arguments: ["", " ", "ctrl-", "ctrl-dd", "ctrl-1", "f0", "f25", "hyper-x", "jj"])
  func aNameThatIsNoKeyIsRefused(name: String) {
    #expect(Key(name: name) == nil)
  }

  @Test func commandsHaveKebabCaseNames() {
    let names = Command.allCases.map(\.name)
    #expect(
      names == [
        "next", "previous", "first", "last", "page-down", "page-up", "half-page-down",
        "half-page-up", "open", "back", "next-pane", "toggle-gallery", "search", "next-match",
        "previous-match", "search-credit", "toggle-read", "toggle-flag", "next-unread",
        "cycle-order", "cycle-filter", "open-url",
        "view-in-pager", "edit", "pipe",
        "copy-path", "copy-url", "reload", "help",
        "redraw", "quit", "quit-all", "force-quit",
      ])
    for command in Command.allCases { #expect(Command(name: command.name) == command) }
    #expect(Command(name: "Page-Down") == .pageDown)
    #expect(Command(name: "next-article") == nil)
  }

  /// A hint names the keys its binding has now: rebinding a command changes its hint.
  @Test func hintsNameTheKeysBoundNow() {
    let bindings = Keymap.standard.bindings.map { binding in
      switch binding.command {
      case .quit:
        Binding([.character("x")], .quit, binding.help, group: binding.group, hint: binding.hint)
      case .previous:
        Binding([.character("p"), .up], .previous, binding.help, group: binding.group)
      default: binding
      }
    }
    let hints = Keymap(bindings).hints(for: .list).map { "\($0.keys) \($0.label)" }
    #expect(hints == ["j/p move", "Enter open", "c credits", "/ search", "? help", "x quit"])
  }
}
