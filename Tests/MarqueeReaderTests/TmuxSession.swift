import Foundation
import MarqueeTestSupport
import Testing

/// Where tmux is, if it is installed.
enum Tmux {
  /// The `tmux` executable found on `PATH`, or nil.
  static let executable: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("tmux")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }()

  static var isAvailable: Bool { executable != nil }
}

/// Errors of the test harness itself, not of `marquee`.
enum ReaderHarnessError: Error, CustomStringConvertible {
  case tmuxMissing
  case tmuxFailed(arguments: [String], status: Int32, output: String)

  var description: String {
    switch self {
    case .tmuxMissing:
      "tmux is not installed"
    case .tmuxFailed(let arguments, let status, let output):
      "tmux \(arguments.joined(separator: " ")) exited with \(status): \(output)"
    }
  }
}

/// Quotes a word for `sh`.
func shellQuoted(_ word: String) -> String {
  "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// One private tmux server (its own socket) holding one window, driven like a user would.
/// The server is killed by `kill()`, and at the latest when the session is deallocated.
final class TmuxSession {
  /// How long `waitFor` polls before failing, and how often.
  static let timeoutSeconds = 10.0
  static let pollMilliseconds = 50

  let socket = "marquee-test-\(UUID().uuidString)"
  private let tmux: URL
  private var killed = false
  /// The server's socket file, which `kill-server` leaves behind.
  private var socketPath = ""

  /// The environment marquee runs with inside the pane: no read marks are read or kept
  /// unless a test sets `MARQUEE_STATE` and `XDG_STATE_HOME` to a folder of its own (nor
  /// the cache, unless `MARQUEE_CACHE` and `XDG_CACHE_HOME`), and
  /// the pager, editor and browser do nothing unless a test gives stand-ins, and the
  /// user's config file is not read.
  static let readerEnvironment =
    "env LANG=C.UTF-8 TERM=tmux-256color NO_COLOR=1 MARQUEE_STATE=off MARQUEE_CACHE=off "
    + "PAGER=true EDITOR=true "
    + "BROWSER=true MARQUEE_CONFIG=/nonexistent/marquee-config.toml"

  /// The shell command line that runs marquee with `arguments` (quoted), with the
  /// variables in `environment` set on top of `readerEnvironment`.
  static func readerCommand(
    _ binary: URL, _ arguments: [String], environment: [String: String] = [:]
  ) -> String {
    let settings = environment.sorted { $0.key < $1.key }.map {
      shellQuoted("\($0.key)=\($0.value)")
    }
    return
      ([readerEnvironment] + settings + [shellQuoted(binary.path)] + arguments.map(shellQuoted))
      .joined(separator: " ")
  }

  private init(columns: Int, rows: Int, command: [String]) throws {
    guard let tmux = Tmux.executable else { throw ReaderHarnessError.tmuxMissing }
    self.tmux = tmux
    try run(
      ["new-session", "-d", "-s", "main", "-x", String(columns), "-y", String(rows)] + command)
    socketPath = try run(["display-message", "-p", "#{socket_path}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Runs marquee with `arguments` in a `columns`×`rows` window; when it ends, the pane
  /// shows `EXIT=<status>` and stays open.
  static func reader(
    _ arguments: [String], columns: Int = 120, rows: Int = 30
  ) throws -> TmuxSession {
    let binary = try MarqueeBinary.url()
    let script = readerCommand(binary, arguments) + "; echo \"EXIT=$?\"; sleep 30"
    return try TmuxSession(columns: columns, rows: rows, command: ["sh", "-c", script])
  }

  /// Runs the shell command line `script` in a `columns`×`rows` window.
  static func running(_ script: String, columns: Int = 120, rows: Int = 30) throws -> TmuxSession {
    try TmuxSession(columns: columns, rows: rows, command: ["sh", "-c", script])
  }

  /// An interactive `sh` with the prompt `$ `, for typing commands around marquee.
  static func shell(columns: Int = 120, rows: Int = 30) throws -> TmuxSession {
    try TmuxSession(
      columns: columns, rows: rows, command: ["env", "PS1=$ ", "ENV=", "sh", "-i"])
  }

  deinit { kill() }

  /// Ends the tmux server and everything running in it. Safe to call more than once.
  func kill() {
    guard !killed else { return }
    killed = true
    _ = try? run(["kill-server"], check: false)
    if socketPath.hasSuffix("/" + socket) {
      try? FileManager.default.removeItem(atPath: socketPath)
    }
  }

  /// Sends keys by tmux name: `j`, `Enter`, `Escape`, `C-c`, `PageDown`, `Space`, `?`…
  func sendKeys(_ keys: String...) throws {
    try sendKeys(keys)
  }

  /// Sends keys by tmux name, all in one tmux command.
  func sendKeys(_ keys: [String]) throws {
    try run(["send-keys", "-t", "main"] + keys)
  }

  /// Types `text` literally, then Enter.
  func typeLine(_ text: String) throws {
    try run(["send-keys", "-t", "main", "-l", text])
    try run(["send-keys", "-t", "main", "Enter"])
  }

  /// Appends every byte the program in the pane writes to its terminal, from now on, to
  /// the file at `path`: what a real terminal would receive, before tmux interprets it.
  func recordOutput(to path: String) throws {
    try run(["pipe-pane", "-O", "-t", "main", "cat >> " + shellQuoted(path)])
  }

  /// The screen as lines of text (trailing spaces dropped by tmux).
  func capture() throws -> [String] {
    let output = try run(["capture-pane", "-p", "-t", "main"])
    var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// The screen with its styles as SGR escape sequences (`capture-pane -e`).
  func captureWithStyles() throws -> [String] {
    try run(["capture-pane", "-p", "-e", "-t", "main"]).components(separatedBy: "\n")
  }

  /// Sends the bytes a terminal in X10 mouse mode sends for a press of button `button`
  /// (0 the first; 64 and 65 the wheel) at a cell (0-based), and its release: what
  /// `kmous=\E[M` (tmux's terminfo entry) tells curses to read.
  func mouse(button: Int, column: Int, row: Int, clicks: Int = 1) throws {
    func event(_ code: Int) -> String {
      "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + code)))
        + String(UnicodeScalar(UInt8(33 + column)))
        + String(UnicodeScalar(UInt8(33 + row)))
    }
    // Press and release (the wheel has no release), as many times as asked, in one
    // write: a double-click the reader reads in one go must still count as two clicks.
    let click = event(button) + (button < 64 ? event(3) : "")
    try run(["send-keys", "-t", "main", "-l", String(repeating: click, count: clicks)])
  }

  /// A tmux format about the pane, such as `#{mouse_any_flag}` (whether the program in
  /// it asked for mouse reports).
  func paneFormat(_ format: String) throws -> String {
    try run(["display-message", "-p", "-t", "main", format])
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Makes the window `columns`×`rows`; the program in it gets SIGWINCH.
  func resize(columns: Int, rows: Int) throws {
    try run(["resize-window", "-t", "main", "-x", String(columns), "-y", String(rows)])
  }

  /// Polls the screen until `predicate` holds on two captures in a row that are the same,
  /// and returns that screen: a program redraws in several writes, and a capture taken
  /// between them shows half a frame. On timeout the test fails with `what` and the last
  /// screen, and this throws.
  @discardableResult
  func waitFor(
    _ what: String, timeout: Double = TmuxSession.timeoutSeconds,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ predicate: ([String]) -> Bool
  ) throws -> [String] {
    let (screen, matched) = try poll(timeout: timeout, predicate)
    if !matched {
      let shown = screen.enumerated().map { String(format: "%2d|", $0.offset) + $0.element }
      let message = Comment(
        rawValue: "timed out after \(timeout) s waiting for \(what); the screen was:\n"
          + shown.joined(separator: "\n"))
      try #require(matched, message, sourceLocation: sourceLocation)
    }
    return screen
  }

  /// Polls like `waitFor` but lets the caller decide what a timeout means: returns the
  /// last screen and whether `predicate` held on it (and on the capture before).
  func poll(
    timeout: Double, _ predicate: ([String]) -> Bool
  ) throws -> (screen: [String], matched: Bool) {
    let deadline = Date().addingTimeInterval(timeout)
    var previous: [String]?
    var screen = try capture()
    while !(predicate(screen) && screen == previous) {
      guard Date() < deadline else { return (screen, false) }
      usleep(useconds_t(Self.pollMilliseconds * 1_000))
      previous = screen
      screen = try capture()
    }
    return (screen, true)
  }

  /// Polls until some line of the screen contains `text`.
  @discardableResult
  func waitFor(
    _ text: String, timeout: Double = TmuxSession.timeoutSeconds,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [String] {
    try waitFor("\"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { screen in
      screen.contains { $0.contains(text) }
    }
  }

  /// Polls until some line of the screen is exactly `line` (after trailing spaces).
  @discardableResult
  func waitForLine(
    _ line: String, timeout: Double = TmuxSession.timeoutSeconds,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [String] {
    try waitFor("a line \"\(line)\"", timeout: timeout, sourceLocation: sourceLocation) {
      $0.contains(line)
    }
  }

  /// Polls until the shell's prompt `$` is the last line with text, so that what is typed
  /// next goes to the shell after it has finished the previous command.
  @discardableResult
  func waitForPrompt(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
    try waitFor("the shell prompt", sourceLocation: sourceLocation) {
      $0.last { !$0.isEmpty } == "$"
    }
  }

  @discardableResult
  private func run(_ arguments: [String], check: Bool = true) throws -> String {
    var environment = ProcessInfo.processInfo.environment
    for name in ["TMUX", "TMUX_PANE", "MARQUEE_PATH", "MARQUEE_SAMPLES", "LC_ALL"] {
      environment.removeValue(forKey: name)
    }
    environment["LANG"] = "C.UTF-8"
    let fullArguments = ["-u", "-f", "/dev/null", "-L", socket] + arguments
    let (status, output) = try Spawn.run(tmux.path, fullArguments, environment: environment)
    if check && status != 0 {
      throw ReaderHarnessError.tmuxFailed(arguments: arguments, status: status, output: output)
    }
    return output
  }
}
