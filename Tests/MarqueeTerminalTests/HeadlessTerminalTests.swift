import CNcursesw
import MarqueeCore
import MarqueeUI
import Testing

@testable import MarqueeTerminal

#if canImport(Glibc)
  import Glibc
#endif

/// `draw` and `nextEvent` against a real curses screen that writes to /dev/null. Serialized:
/// curses keeps one current screen per process and is not thread-safe.
@Suite(.serialized) struct HeadlessTerminalTests {
  /// A headless xterm-256color of the given size; the test fails if terminfo lacks it.
  private func terminal(columns: Int = 20, rows: Int = 5, colors: Bool = false) throws
    -> Terminal
  {
    _ = TestLocale.utf8
    return try #require(
      Terminal.openHeadless(
        type: "xterm-256color", size: Size(columns: columns, rows: rows), colors: colors))
  }

  /// The window's row as the text of its cells, "" for right halves, like `Screen.lines`.
  private func text(_ terminal: Terminal, row: Int) -> String {
    terminal.windowRow(row).map(\.text).joined()
  }

  @Test func opensAtTheRequestedSizeAndClosesTwice() throws {
    let terminal = try terminal(columns: 33, rows: 7)
    #expect(terminal.size == Size(columns: 33, rows: 7))
    terminal.close()
    terminal.close()
    #expect(terminal.size == Size(columns: 0, rows: 0))
    // Drawing and waiting after close do nothing.
    terminal.draw(Screen(size: Size(columns: 3, rows: 1)))
    #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
  }

  @Test func aSuspendedTerminalIsHandedBackAndRepaintedWhole() throws {
    let terminal = try terminal(columns: 20, rows: 3)
    defer { terminal.close() }
    var screen = Screen(size: terminal.size)
    screen.put("Harbor Lights", column: 0, row: 1)
    terminal.draw(screen)
    let answer = terminal.handedOver {
      #expect(isendwin(), "the terminal is the other program's while handed over")
      // What another program leaves on the screen: the reader's window no longer
      // matches what it drew last.
      mvaddstr(1, 0, "pager junk")
      return 42
    }
    #expect(answer == 42)
    #expect(!isendwin(), "taken back")
    // The same frame again: a diff against the last frame would draw nothing and leave
    // the other program's text; a whole repaint puts the frame back.
    terminal.draw(screen)
    #expect(text(terminal, row: 1) == screen.lines[1])
  }

  @Test func unknownTerminalTypeGivesNoTerminal() {
    _ = TestLocale.utf8
    #expect(
      Terminal.openHeadless(type: "nonsense-term", size: Size(columns: 5, rows: 5), colors: false)
        == nil)
  }

  @Test func drawsTextAtTheScreensColumns() throws {
    let terminal = try terminal()
    defer { terminal.close() }
    var screen = Screen(size: terminal.size)
    screen.put("Hello", column: 0, row: 0)
    screen.put("日本語!", column: 2, row: 1)
    screen.put("a😀b", column: 0, row: 2)
    screen.put("Beyonce\u{301} x", column: 1, row: 3)
    terminal.draw(screen)
    for row in 0..<screen.size.rows {
      #expect(text(terminal, row: row) == screen.lines[row], "row \(row)")
    }
    // Column by column, not just joined: the wide characters sit where the Screen says.
    let cells = terminal.windowRow(1).map(\.text)
    #expect(Array(cells[2...8]) == ["日", "", "本", "", "語", "", "!"])
  }

  @Test func aCellGlibcCannotPrintBecomesAPlaceholder() throws {
    let terminal = try terminal()
    defer { terminal.close() }
    var screen = Screen(size: terminal.size)
    // Unassigned: one column for layout, unprintable (-1) for glibc and ncurses.
    screen.put("x\u{378}y", column: 0, row: 0)
    try #require(screen.lines[0].hasPrefix("x\u{378}y"))
    terminal.draw(screen)
    #expect(Array(terminal.windowRow(0).map(\.text)[0...2]) == ["x", "?", "y"])
  }

  @Test func aWideCellGlibcMeasuresNarrowBecomesTwoPlaceholders() throws {
    _ = TestLocale.utf8
    // Any emoji layout calls wide and glibc narrow; none left once the tables agree.
    let disagreeing = (UInt32(0x1F300)...0x1F6FF).lazy.compactMap(Unicode.Scalar.init)
      .first { DisplayWidth.of(Character($0)) == 2 && TerminalWidth.of($0) == 1 }
    guard let scalar = disagreeing else { return }
    let terminal = try terminal()
    defer { terminal.close() }
    var screen = Screen(size: terminal.size)
    screen.put("x\(Character(scalar))y", column: 0, row: 0)
    terminal.draw(screen)
    #expect(Array(terminal.windowRow(0).map(\.text)[0...3]) == ["x", "?", "?", "y"])
  }

  /// The words after a ZWJ sequence reach the screen: wrapped as 2 columns, 👨‍👩‍👧‍👦 was
  /// drawn in 8, and "at" fell off the edge of the row.
  @Test func wordsAfterAZWJSequenceAreDrawn() throws {
    let terminal = try terminal(columns: 12, rows: 4)
    defer { terminal.close() }
    var screen = Screen(size: terminal.size)
    let lines = TextWrapper.wrap("the 👨‍👩‍👧‍👦 at home", width: 12)
    for (row, line) in lines.enumerated() {
      screen.put(line, column: 0, row: row)
    }
    terminal.draw(screen)
    let rows = (0..<terminal.size.rows).map { text(terminal, row: $0) }
    #expect(rows.joined(separator: " ").split(separator: " ") == ["the", "👨👩👧👦", "at", "home"])
  }

  @Test func bottomRightCellIsDrawnWithoutScrolling() throws {
    let terminal = try terminal(columns: 6, rows: 3)
    defer { terminal.close() }
    var screen = Screen(size: terminal.size)
    screen.put("top", column: 0, row: 0)
    screen.put("corneR", column: 0, row: 2)
    terminal.draw(screen)
    #expect(text(terminal, row: 0) == "top   ")
    #expect(text(terminal, row: 2) == "corneR")
    // A wide character ending in the corner too.
    screen.put("abcd日", column: 0, row: 2)
    terminal.draw(screen)
    #expect(text(terminal, row: 0) == "top   ")
    #expect(terminal.windowRow(2).map(\.text) == ["a", "b", "c", "d", "日", ""])
  }

  @Test func onlyChangedCellsAreRewritten() throws {
    let terminal = try terminal()
    defer { terminal.close() }
    var screen = Screen(size: terminal.size)
    screen.put("first row", column: 0, row: 0)
    screen.put("second row", column: 0, row: 1)
    terminal.draw(screen)
    // Scribble on the window behind draw's back: a row draw leaves alone keeps it.
    let mark = "#".unicodeScalars.map { wchar_t(truncatingIfNeeded: $0.value) }
    mvwaddnwstr(cn_stdscr(), 0, 15, mark, 1)
    mvwaddnwstr(cn_stdscr(), 1, 15, mark, 1)
    screen.put("SECOND", column: 0, row: 1)
    terminal.draw(screen)
    #expect(text(terminal, row: 0) == "first row      #    ")
    // Row 1 changed in columns 0...5 only, so column 15 was not rewritten either.
    #expect(text(terminal, row: 1) == "SECOND row     #    ")
    // force repaints everything.
    terminal.draw(screen, force: true)
    #expect(text(terminal, row: 0) == "first row           ")
    #expect(text(terminal, row: 1) == "SECOND row          ")
  }

  @Test func aNewScreenSizeRepaintsAndClips() throws {
    let terminal = try terminal(columns: 10, rows: 3)
    defer { terminal.close() }
    var small = Screen(size: Size(columns: 4, rows: 2))
    small.put("abcd", column: 0, row: 0)
    terminal.draw(small)
    #expect(text(terminal, row: 0) == "abcd      ")
    var large = Screen(size: Size(columns: 14, rows: 5))
    large.put("0123456789ABCD", column: 0, row: 0)
    large.put("日本語日本語日本", column: 0, row: 1)  // 16 columns, cut at 14
    large.put("bottom", column: 0, row: 4)
    terminal.draw(large)
    #expect(text(terminal, row: 0) == "0123456789")
    #expect(text(terminal, row: 1) == "日本語日本")
    #expect(text(terminal, row: 2) == String(repeating: " ", count: 10))
    // Shrinking back erases what the larger screen left outside the smaller one.
    terminal.draw(small)
    #expect(text(terminal, row: 0) == "abcd      ")
    #expect(text(terminal, row: 1) == String(repeating: " ", count: 10))
  }

  @Test func wideCharacterCutByTheWindowEdgeBecomesPlaceholder() throws {
    let terminal = try terminal(columns: 5, rows: 1)
    defer { terminal.close() }
    var screen = Screen(size: Size(columns: 6, rows: 1))
    screen.put("abcd日", column: 0, row: 0)
    terminal.draw(screen)
    #expect(text(terminal, row: 0) == "abcd?")
  }

  @Test func stylesBecomeAttributesInMonochrome() throws {
    let terminal = try terminal(colors: false)
    defer { terminal.close() }
    var screen = Screen(size: terminal.size)
    screen.put("B", column: 0, row: 0, style: Style(bold: true))
    screen.put("S", column: 1, row: 0, style: Style(color: .selection))
    screen.put("C", column: 2, row: 0, style: Style(color: .credit))
    screen.put("P", column: 3, row: 0)
    terminal.draw(screen)
    let cells = terminal.windowRow(0)
    #expect(cells[0].attributes == cn_a_bold() && cells[0].pair == 0)
    #expect(cells[1].attributes == cn_a_reverse() && cells[1].pair == 0)
    #expect(cells[2].attributes == cn_a_underline() && cells[2].pair == 0)
    #expect(cells[3].attributes == cn_a_normal() && cells[3].pair == 0)
  }

  /// The palette a terminal is opened with (a config file's `[colors]`) sets the pairs.
  @Test func aPaletteSetsThePairs() throws {
    _ = TestLocale.utf8
    let terminal = try #require(
      Terminal.openHeadless(
        type: "xterm-256color", size: Size(columns: 20, rows: 4), colors: true, palette: .light))
    defer { terminal.close() }
    try #require(terminal.colorsOn)
    for role in ColorRole.allCases {
      var foreground: Int16 = 0
      var background: Int16 = 0
      pair_content(StyleMapping.pair(for: role), &foreground, &background)
      let expected = StyleMapping.colors(for: role, in: .light)
      #expect(foreground == expected.foreground && background == expected.background, "\(role)")
    }
    var title: Int16 = 0
    var behind: Int16 = 0
    pair_content(StyleMapping.pair(for: .title), &title, &behind)
    #expect(title == Int16(COLOR_BLUE), "the light theme's titles are blue")
  }

  @Test func rolesGetTheirColourPairs() throws {
    let terminal = try terminal(colors: true)
    defer { terminal.close() }
    try #require(terminal.colorsOn)
    var screen = Screen(size: terminal.size)
    for (index, role) in ColorRole.allCases.enumerated() {
      screen.put("x", column: index, row: 0, style: Style(underline: true, color: role))
    }
    terminal.draw(screen)
    let cells = terminal.windowRow(0)
    for (index, role) in ColorRole.allCases.enumerated() {
      #expect(cells[index].pair == StyleMapping.pair(for: role), "\(role)")
      let expected = Terminal.cursesAttributes(
        StyleMapping.look(of: Style(underline: true, color: role), colors: true).attributes)
      #expect(cells[index].attributes == expected, "\(role)")
      var foreground: Int16 = 0
      var background: Int16 = 0
      pair_content(StyleMapping.pair(for: role), &foreground, &background)
      let colors = StyleMapping.colors(for: role)
      #expect(foreground == colors.foreground && background == colors.background, "\(role)")
    }
  }

  @Test func queuedInputIsDecoded() throws {
    let terminal = try terminal()
    defer { terminal.close() }
    #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
    unget_wch(wchar_t(0x03))
    #expect(terminal.nextEvent(timeoutMilliseconds: 100) == .key(.control("c")))
    unget_wch(wchar_t(0x65E5))
    #expect(terminal.nextEvent(timeoutMilliseconds: 100) == .key(.character("日")))
    ungetch(KEY_UP)
    #expect(terminal.nextEvent(timeoutMilliseconds: 100) == .key(.up))
    // ungetch pushes onto the front: F5 is read after KEY_DC, which is skipped.
    ungetch(cn_key_f(5))
    ungetch(KEY_DC)
    #expect(terminal.nextEvent(timeoutMilliseconds: 100) == .key(.function(5)))
    ungetch(KEY_RESIZE)
    #expect(terminal.nextEvent(timeoutMilliseconds: 100) == .resize(terminal.size))
    #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
  }

  @Test func timeoutReturnsNilAfterRoughlyTheTimeout() throws {
    let terminal = try terminal()
    defer { terminal.close() }
    let clock = ContinuousClock()
    let start = clock.now
    #expect(terminal.nextEvent(timeoutMilliseconds: 120) == nil)
    let elapsed = start.duration(to: clock.now)
    #expect(elapsed >= .milliseconds(120) && elapsed < .seconds(2), "\(elapsed)")
    #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
  }

  @Test func caughtSignalsAreRecordedAndHandlersRestored() throws {
    var before = sigaction()
    sigaction(SIGHUP, nil, &before)
    let trap = SignalTrap.saveCurrent()
    trap.catchSignals()
    var during = sigaction()
    sigaction(SIGHUP, nil, &during)
    #expect(during.__sigaction_handler.sa_handler != nil)
    // kill, not raise: the test runs on a thread that blocks these signals, and raise
    // would leave them pending on it. Another thread takes them, a moment later.
    kill(getpid(), SIGHUP)
    kill(getpid(), SIGTERM)
    var taken: [Int32] = []
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: .seconds(2))
    while taken.count < 2 && clock.now < deadline {
      if let number = SignalTrap.takePending() {
        taken.append(number)
      } else {
        usleep(1000)
      }
    }
    #expect(Set(taken) == [SIGHUP, SIGTERM])
    #expect(SignalTrap.takePending() == nil)
    trap.restore()
    var after = sigaction()
    sigaction(SIGHUP, nil, &after)
    #expect(
      unsafeBitCast(after.__sigaction_handler.sa_handler, to: Int.self)
        == unsafeBitCast(before.__sigaction_handler.sa_handler, to: Int.self))
  }

  @Test(
    .enabled(if: isatty(0) == 0 || isatty(1) == 0, "runs only when tests are not on a terminal")
  )
  func openRefusesWhenNotOnATerminal() {
    do {
      _ = try Terminal.open(colors: false)
    } catch {
      guard case .notATerminal = error else {
        Issue.record("expected notATerminal, got \(error)")
        return
      }
      return
    }
    Issue.record("open succeeded without a terminal")
  }
}
