import CNcursesw
import Foundation
import MarqueeUI

#if canImport(Glibc)
  import Glibc
#endif

/// Why the reader cannot start. Each message says what to do instead, because the user
/// who sees it typed `marquee` and got no reader.
public enum TerminalError: Error, CustomStringConvertible {
  /// Standard input or output is not a terminal (a pipe, a file, a CI job).
  case notATerminal
  /// TERM is unset (nil) or names a type that terminfo does not know or curses cannot
  /// drive.
  case unknownTerminal(String?)

  public var description: String {
    switch self {
    case .notATerminal:
      return "the reader needs a terminal; try 'marquee list' or 'marquee show FILE'"
    case .unknownTerminal(let name?):
      return "unknown terminal type '\(name)' (TERM); set TERM to one your system knows, "
        + "such as xterm-256color, or try 'marquee list' or 'marquee show FILE'"
    case .unknownTerminal(nil):
      return "TERM is not set; set it to your terminal type, such as xterm-256color, "
        + "or try 'marquee list' or 'marquee show FILE'"
    }
  }
}

/// The curses screen. One at a time: curses keeps global state, so a second open
/// `Terminal` would fight the first for the screen and the signal handlers.
///
/// Not `Sendable`: curses is not thread-safe, so the terminal belongs to the thread that
/// runs the event loop.
public final class Terminal: TerminalBackend {
  /// The curses SCREEN, nil until `newterm` succeeded and again after `close()`.
  private var handle: OpaquePointer?
  private var window: UnsafeMutablePointer<WINDOW>?
  /// The streams a headless test terminal was opened on; closed by `close()`.
  private var ownedFiles: [UnsafeMutablePointer<FILE>] = []
  private var signals: SignalTrap?
  /// Whether cells get colour pairs (colours requested, and the terminal has enough).
  private(set) var colorsOn = false
  /// What the last `draw` showed and the window size it showed it in, to draw only the
  /// difference next time.
  private var previous: Screen?
  /// The colour of each role, from the config file.
  var palette = Palette.dark
  private var previousBounds: Size?
  private var mouse = MouseInput()

  private init() {}

  deinit {
    close()
  }

  /// Puts the terminal in full-screen mode. Checks that both standard input and output
  /// are terminals before anything else (so a pipe gets an error, not escape codes), and
  /// uses `newterm` rather than `initscr`, which exits the process when TERM is unknown.
  /// On failure the terminal is left as it was. Switches the process to a UTF-8 locale
  /// first (see `TerminalWidth.ensureUTF8Locale()`): ncurses drops every non-ASCII
  /// character without one.
  ///
  /// `colors` is false when the user asked for none (NO_COLOR); colours are also off on
  /// a terminal without them, and roles then fall back to bold, underline and reverse.
  /// With `mouse`, clicks and the wheel are reported where the terminal can (the
  /// terminal then selects text with Shift held, as usual).
  public static func open(
    colors: Bool, palette: Palette = .dark, mouse: Bool = false
  ) throws(TerminalError) -> Terminal {
    guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
    guard let type = getenv("TERM").map({ String(cString: $0) }), !type.isEmpty else {
      throw .unknownTerminal(nil)
    }
    TerminalWidth.ensureUTF8Locale()
    let terminal = Terminal()
    terminal.palette = palette
    terminal.signals = SignalTrap.saveCurrent()
    // Anything printed before must reach the screen before curses takes it over.
    fflush(cn_stdout())
    // The window's real size, never $LINES and $COLUMNS: exported by a shell for some
    // other size, they garbled every frame for good. (`use_env(false)` would also stop
    // ncurses from following resizes.) No other thread runs yet to read the environment.
    unsetenv("LINES")
    unsetenv("COLUMNS")
    guard let handle = newterm(nil, cn_stdout(), cn_stdin()) else {
      terminal.close()
      throw .unknownTerminal(type)
    }
    terminal.handle = handle
    // terminfo knows "dumb" and printing terminals, but a full-screen reader on one is a
    // stream of blanks; for the reader, a type it cannot drive is as good as unknown.
    guard cn_has_cursor_addressing() != 0 else {
      terminal.close()
      throw .unknownTerminal(type)
    }
    terminal.start(handle, colors: colors)
    if mouse { _ = cn_enable_mouse(1) }
    terminal.signals?.catchSignals()
    return terminal
  }

  /// A terminal that draws into /dev/null, for tests: same setup as `open`, no signal
  /// handlers, and its window contents can be read back with `windowRow(_:)`. Nil if
  /// terminfo lacks `type`.
  static func openHeadless(type: String, size: Size, colors: Bool, palette: Palette = .dark)
    -> Terminal?
  {
    TerminalWidth.ensureUTF8Locale()
    guard let output = fopen("/dev/null", "w") else { return nil }
    guard let input = fopen("/dev/null", "r") else {
      fclose(output)
      return nil
    }
    let terminal = Terminal()
    terminal.palette = palette
    terminal.ownedFiles = [output, input]
    terminal.signals = SignalTrap.saveCurrent()
    guard let handle = newterm(type, output, input) else {
      terminal.close()
      return nil
    }
    terminal.start(handle, colors: colors)
    resizeterm(Int32(size.rows), Int32(size.columns))
    // resizeterm queues a KEY_RESIZE; a test opening a terminal hasn't resized anything.
    flushinp()
    return terminal
  }

  /// The settings both kinds of terminal share.
  private func start(_ handle: OpaquePointer, colors: Bool) {
    self.handle = handle
    set_term(handle)
    let window = cn_stdscr()
    self.window = window
    // raw, not cbreak: under cbreak Ctrl-C makes ncurses exit the process itself, with
    // no chance to restore anything. Under raw it is a key like any other.
    raw()
    noecho()
    nonl()
    keypad(window, true)
    // The cursor is hidden, so where curses leaves it does not matter; saves output.
    leaveok(window, true)
    cn_set_escdelay(25)
    curs_set(0)
    // Home and End as tmux (and other VT220-like terminals) send them, which the
    // xterm terminfo entries don't list.
    cn_define_key("\u{1B}[1~", KEY_HOME)
    cn_define_key("\u{1B}[4~", KEY_END)
    if colors && has_colors() {
      start_color()
      colorsOn = startColorPairs()
    }
  }

  /// One pair per role, on the terminal's own background when it lets us use it.
  private func startColorPairs() -> Bool {
    guard cn_colors() >= 8, cn_color_pairs() > ColorRole.allCases.count else { return false }
    let defaultsWork = cn_use_default_colors() == OK
    for role in ColorRole.allCases {
      let colors = StyleMapping.colors(for: role, in: palette, available: Int(cn_colors()))
      let foreground = colors.foreground >= 0 || defaultsWork ? colors.foreground : 7
      let background = colors.background >= 0 || defaultsWork ? colors.background : 0
      init_pair(StyleMapping.pair(for: role), foreground, background)
    }
    return true
  }

  /// The window size in cells; zero once closed.
  public var size: Size {
    guard let window else { return Size(columns: 0, rows: 0) }
    var rows: Int32 = 0
    var columns: Int32 = 0
    cn_getmaxyx(window, &rows, &columns)
    return Size(columns: Int(columns), rows: Int(rows))
  }

  /// Shows `screen`. Only rows that changed since the last draw are written, and in them
  /// only the span from the first to the last changed cell; a new screen or window size,
  /// or `force` (for Ctrl-L after another program scribbled on the terminal), repaints
  /// everything. A screen larger than the window is clipped.
  ///
  /// Every cell goes through `WidthGuard`, and after writing it the cursor must be where
  /// the cell's width says; otherwise the cell is overwritten with "?"s and the rest of the
  /// row redrawn. A cell ncurses measured differently from `DisplayWidth` would otherwise
  /// shift everything to its right.
  public func draw(_ screen: Screen, force: Bool = false) {
    guard let window else { return }
    let bounds = size
    let full = force || previous?.size != screen.size || previousBounds != bounds
    if full {
      werase(window)
    }
    if force {
      clearok(window, true)
    }
    let columns = min(screen.size.columns, bounds.columns)
    let rows = min(screen.size.rows, bounds.rows)
    if columns > 0 {
      for row in 0..<rows {
        let span: ClosedRange<Int>?
        if full {
          span = 0...(columns - 1)
        } else if let previous {
          span = ScreenDiff.changedSpan(row: row, new: screen, old: previous, columns: columns)
        } else {
          span = nil
        }
        if let span {
          drawRow(row, of: screen, span: span, columns: columns, window: window)
        }
      }
    }
    previous = screen
    previousBounds = bounds
    wnoutrefresh(window)
    doupdate()
  }

  /// Writes the cells of one row from `span`'s start (always the first cell of a
  /// character) to at least its end.
  private func drawRow(
    _ row: Int, of screen: Screen, span: ClosedRange<Int>, columns: Int,
    window: UnsafeMutablePointer<WINDOW>
  ) {
    let windowColumns = Int(cn_cols())
    var end = span.upperBound
    var column = span.lowerBound
    while column <= end && column < columns {
      let cell = screen[column, row]
      let isWide =
        !cell.isContinuation && column + 1 < columns && screen[column + 1, row].isContinuation
      let width = isWide ? 2 : 1
      let text = WidthGuard.text(for: cell.text, columns: width)
      write(text, style: cell.style, column: column, row: row, window: window)
      // At the right edge curses wraps the cursor or leaves it; nothing to compare.
      if column + width < windowColumns {
        var y: Int32 = 0
        var x: Int32 = 0
        cn_getyx(window, &y, &x)
        if Int(y) != row || Int(x) != column + width {
          write(
            WidthGuard.placeholder(width), style: cell.style, column: column, row: row,
            window: window)
          end = columns - 1
        }
      }
      column += width
    }
  }

  /// Writes text at a position in a style. The whole cell goes in one call so ncurses
  /// attaches combining marks to their base character.
  private func write(
    _ text: String, style: Style, column: Int, row: Int, window: UnsafeMutablePointer<WINDOW>
  ) {
    let look = StyleMapping.look(of: style, colors: colorsOn)
    wattr_set(window, Self.cursesAttributes(look.attributes), look.colorPair, nil)
    let characters = text.unicodeScalars.map { wchar_t(truncatingIfNeeded: $0.value) }
    // Writing the bottom-right cell returns ERR because the cursor cannot advance, but
    // the cell is stored and curses paints it without scrolling; the error is expected.
    mvwaddnwstr(window, Int32(row), Int32(column), characters, Int32(characters.count))
  }

  /// Curses' attribute bits for a set of attributes.
  static func cursesAttributes(_ attributes: TextAttributes) -> attr_t {
    var bits = cn_a_normal()
    if attributes.contains(.bold) { bits |= cn_a_bold() }
    if attributes.contains(.dim) { bits |= cn_a_dim() }
    if attributes.contains(.reverse) { bits |= cn_a_reverse() }
    if attributes.contains(.underline) { bits |= cn_a_underline() }
    return bits
  }

  /// Waits up to `timeoutMilliseconds` (forever if negative) for a key, a resize or a
  /// caught signal; nil on timeout. Keys the reader has no use for are skipped without
  /// extending the wait.
  ///
  /// Waits in slices of at most 50 ms and checks for signals between them: ncurses
  /// retries reads that a signal interrupts, so a signal alone may not end a wait.
  public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
    guard let window else { return nil }
    let clock = ContinuousClock()
    let deadline =
      timeoutMilliseconds < 0 ? nil : clock.now.advanced(by: .milliseconds(timeoutMilliseconds))
    while true {
      if let number = SignalTrap.takePending() { return .signal(number) }
      if let event = mouse.next() { return .mouse(event) }
      var slice = 50
      if let deadline {
        let remaining = clock.now.duration(to: deadline)
        slice = max(0, min(slice, Self.milliseconds(remaining)))
      }
      wtimeout(window, Int32(slice))
      var value: wint_t = 0
      let status = wget_wch(window, &value)
      switch KeyDecoder.decode(status: status, value: UInt32(value)) {
      case .key(let key)?:
        return .key(key)
      case .resize?:
        return .resize(size)
      case .mouse?:
        mouse.readReports()
        if let event = mouse.next() { return .mouse(event) }
      case nil:
        if let deadline, clock.now >= deadline {
          return SignalTrap.takePending().map(TerminalEvent.signal)
        }
      }
    }
  }

  /// Whole milliseconds in a duration, rounded up so a wait never ends early.
  private static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int(seconds) * 1000 + Int(fraction)
  }

  /// Leaves full-screen mode for another program: curses' `endwin`, which keeps the
  /// window, so `resume` can come back to it.
  public func suspend() {
    guard let handle else { return }
    set_term(handle)
    endwin()
  }

  /// Back to full-screen mode after `suspend`: the next `draw` repaints everything.
  /// A Ctrl-C or Ctrl-\\ typed at the other program does not end the reader.
  public func resume() {
    guard let handle, let window else { return }
    SignalTrap.forget([SIGINT, SIGQUIT])
    set_term(handle)
    previous = nil
    clearok(window, true)
    wrefresh(window)
  }

  /// OSC 52: the terminal puts `text` on the clipboard (inside tmux, with its
  /// `set-clipboard` option on). Written straight to the terminal: it draws nothing.
  public func copyToClipboard(_ text: String) {
    guard handle != nil else { return }
    let sequence = "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
    fflush(cn_stdout())
    _ = sequence.withCString { Glibc.write(STDOUT_FILENO, $0, strlen($0)) }
  }

  /// Leaves full-screen mode and puts back the signal handlers. Does nothing the second
  /// time; also cleans up after an `open` that failed half-way.
  public func close() {
    if let handle {
      set_term(handle)
      // Keys typed ahead of a quit go with the reader: left in the terminal, the shell
      // would read them as the start of its next command.
      flushinp()
      endwin()
      delscreen(handle)
      self.handle = nil
      window = nil
    }
    for file in ownedFiles {
      fclose(file)
    }
    ownedFiles = []
    signals?.restore()
    signals = nil
    previous = nil
    previousBounds = nil
    colorsOn = false
  }

  /// What a window row holds, cell by cell (text, attribute bits, colour pair), for tests
  /// of `draw`. The right half of a wide character reads as "", as in a `Screen`.
  func windowRow(_ row: Int) -> [(text: String, attributes: attr_t, pair: Int16)] {
    guard let window else { return [] }
    var cells: [(text: String, attributes: attr_t, pair: Int16)] = []
    var column = 0
    while column < Int(cn_cols()) {
      var stored = cchar_t()
      var characters = [wchar_t](repeating: 0, count: 8)
      var attributes: attr_t = 0
      var pair: Int16 = 0
      guard mvwin_wch(window, Int32(row), Int32(column), &stored) == OK,
        getcchar(&stored, &characters, &attributes, &pair, nil) == OK
      else { break }
      let scalars = characters.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32($0)) }
      let text = String(String.UnicodeScalarView(scalars))
      cells.append((text, attributes & cn_a_attributes() & ~cn_a_color(), pair))
      // ncurses marks the right half of a wide character with a bit getcchar doesn't
      // return, so the width of the left half says how many cells to skip.
      if let first = scalars.first, cn_wcwidth(first.value) == 2 {
        cells.append(("", attributes & cn_a_attributes() & ~cn_a_color(), pair))
        column += 1
      }
      column += 1
    }
    return cells
  }
}
