import MarqueeCore
import MarqueeSynthetic
import Testing

@testable import MarqueeUI

@Suite("Help, status, sizes and quitting")
struct ScreenStateTests {
  @Test func helpOverlayListsEveryBindingFromTheKeymap() {
    let (state, screen) = screenAfter(keys("?"), size: Size(columns: 120, rows: 50))
    #expect(state.helpVisible)
    let text = screen.lines.joined(separator: "\n")
    // Written out here rather than read from the keymap, so that a binding dropped from
    // the table, or from the overlay, fails the test.
    let helps = [
      "Next article · scroll down · next image", "Previous article · scroll up · previous image",
      "First article · top", "Last article · bottom", "Page down", "Page up", "Half page down",
      "Half page up", "Open the article · show the image in the article", "Back", "Next pane",
      "Open or close the image credits pane",
      "Search (Enter keeps the results, Esc restores the list; empty Enter clears)",
      "Next match in the article", "Previous match in the article",
      "Articles with images from this credit", "Mark read or unread", "Flag or unflag",
      "Next unread article (opens it from the article)",
      "Sort the list: by date, title, length, path (and relevance in a search)",
      "Show only unread, only flagged, only this folder's, or all articles",
      "Open the source URL in $BROWSER",
      "Show the article in $PAGER (else less)",
      "Edit the file in $EDITOR (else vi), then read it again",
      "Pipe the article's text to a shell command",
      "Copy the file's path (OSC 52, with MARQUEE_OSC52=1)",
      "Copy the source URL (OSC 52, with MARQUEE_OSC52=1)", "Show this help",
      "Look for new, changed and deleted files now (they are also watched)", "Redraw the screen",
      "Back out: close the help, the credits pane, the article; quit from the list",
      "Quit from anywhere", "Quit at once",
    ]
    #expect(Keymap.standard.bindings.map(\.help) == helps)
    for help in helps { #expect(text.contains(String(help.prefix(30))), "\(help)") }
    for group in ["Moving", "Panes", "Search", "Marks", "Other programs", "Other"] {
      #expect(text.contains(group))
    }
  }

  @Test func anyKeyClosesHelpAndQClosesItBeforeQuitting() {
    let (afterKey, screen) = screenAfter(keys("?x"))
    #expect(!afterKey.helpVisible)
    #expect(!screen.lines.joined().contains("q close"))
    let (afterQ, _) = screenAfter(keys("?q"))
    #expect(!afterQ.helpVisible)
    #expect(!quits(after: keys("?q")))
    #expect(quits(after: keys("?qq")))
  }

  @Test func helpIsNotOpenedOnATinyTerminal() {
    let tiny = Size(columns: 30, rows: 8)
    let (state, _) = screenAfter(keys("?"), size: tiny)
    #expect(!state.helpVisible)
    #expect(quits(after: keys("?q"), size: tiny))
    var shrunk = updated(
      ReaderState(articles: Sample.trio, size: Size(columns: 120, rows: 30)), .key(.character("?")))
    shrunk = updated(shrunk, .resize(tiny))
    #expect(!shrunk.helpVisible)
  }

  @Test func quitKeys() {
    #expect(quits(after: keys("q")))
    #expect(quits(after: [.control("c")]))
    #expect(quits(after: [.character("?"), .control("c")]))
  }

  @Test func statusHintsComeFromTheKeymap() {
    // Written out here rather than read from the keymap, so that a hint dropped from the
    // table, or from the status bar, fails the test.
    let expected: [(keys: [Key], pane: Pane, hints: [String])] = [
      ([], .list, ["j/k move", "Enter open", "c credits", "/ search", "? help", "q quit"]),
      (
        [.enter], .detail,
        ["j/k move", "Space page", "Esc back", "c credits", "/ search", "n/N match", "? help"]
      ),
      (
        [.character("c")], .gallery,
        ["j/k move", "Enter open", "Esc back", "c credits", "C same credit", "? help"]
      ),
    ]
    for (keys, pane, hints) in expected {
      #expect(Keymap.standard.hints(for: pane).map { "\($0.keys) \($0.label)" } == hints)
      let status = screenAfter(keys).1.lines.last!
      for hint in hints { #expect(status.contains(hint), "\(pane): \(status)") }
    }
  }

  @Test func unboundKeyExplainsItself() {
    let (state, screen) = screenAfter(keys("z"))
    #expect(state.message == "z does nothing here; press ? for help")
    #expect(screen.lines.last!.contains("press ? for help"))
    #expect(screenAfter(keys("zj")).0.message == nil)
  }

  @Test func ctrlLAsksForARedraw() {
    #expect(effectsAfter([.control("l")]).last!.contains { $0.isRedraw })
    #expect(!effectsAfter([.control("l"), .down]).last!.contains { $0.isRedraw })
  }

  @Test func narrowScreensShowOnePaneAndEscGoesBack() {
    let size = Size(columns: 70, rows: 20)
    let (_, list) = screenAfter([], size: size)
    #expect(list.lines[0].hasPrefix("┌─ Articles (3) "))
    #expect(list.lines[0].hasSuffix("┐"))
    let (_, detail) = screenAfter([.enter], size: size)
    #expect(detail.lines[0].hasPrefix("┌─ Article · "))
    #expect(detail.lines[1].hasPrefix("│ Glass Harbor Premiere Dazzles"))
    let (_, gallery) = screenAfter([.enter, .character("c")], size: size)
    #expect(gallery.lines[0].hasPrefix("┌─ Image credits (2) "))
    let (back, backScreen) = screenAfter([.enter, .character("c"), .escape], size: size)
    #expect(back.focus == .detail)
    #expect(backScreen.lines[0].hasPrefix("┌─ Article · "))
    #expect(screenAfter([.enter, .character("c"), .escape, .escape], size: size).0.focus == .list)
  }

  @Test func tinyTerminalShowsOneLineAndRecovers() {
    let tiny = Size(columns: 39, rows: 10)
    var state = updated(ReaderState(articles: Sample.trio, size: tiny), .key(.down))
    let small = render(state, size: tiny)
    #expect(small.lines[0].hasPrefix("Terminal too small (39×10)"))
    #expect(small.lines.dropFirst().allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty })
    #expect(
      render(state, size: Size(columns: 80, rows: 9)).lines[0].hasPrefix("Terminal too small"))
    #expect(
      render(state, size: Size(columns: 30, rows: 8)).lines[0] == "Too small: need 40×10         ")
    #expect(render(state, size: Size(columns: 1, rows: 1)).lines == ["N"])
    let big = Size(columns: 120, rows: 30)
    state = updated(state, .resize(big))
    let restored = render(state, size: big)
    #expect(restored.lines.last!.hasPrefix(" 2/3 "))
    #expect(restored.lines[1].contains("A Quiet Week In Streaming"))
  }

  @Test func resizeKeepsTheSelectionAndReadingPosition() {
    let wide = Size(columns: 120, rows: 20)
    var state = updated(ReaderState(articles: Sample.trio, size: wide), .resize(wide))
    for key in [
      Key.enter, .character("j"), .character("j"), .character("j"), .character("j"),
      .character("j"), .character("j"),
    ] {
      state = updated(state, .key(key))
    }
    let before = render(state, size: wide).lines[1]
    #expect(before.contains("Paragraph 1 of the premiere"))
    for size in [Size(columns: 60, rows: 20), Size(columns: 45, rows: 12), wide] {
      state = updated(state, .resize(size))
      let firstText = render(state, size: size).lines[1]
      #expect(firstText.contains("Paragraph 1 of the"), "\(size): \(firstText)")
      #expect(state.selection == 0)
      #expect(state.focus == .detail)
    }
  }

  @Test func renderNeverWritesOutsideTheScreenAtAnySize() {
    var state = ReaderState(articles: Sample.trio, size: Size(columns: 120, rows: 30))
    var generator = SplitMix64(seed: 9)
    let keys: [Key] = [
      .down, .up, .enter, .escape, .tab, .character("c"), .character("?"), .pageDown, .end,
    ]
    for _ in 0..<300 {
      let size = Size(
        columns: Int.random(in: 0...140, using: &generator),
        rows: Int.random(in: 0...50, using: &generator))
      state = updated(state, .resize(size))
      state = updated(state, .key(keys.randomElement(using: &generator)!))
      let screen = render(state, size: size)
      #expect(screen.lines.count == size.rows)
      for line in screen.lines { #expect(DisplayWidth.of(line) == size.columns) }
    }
  }
}
