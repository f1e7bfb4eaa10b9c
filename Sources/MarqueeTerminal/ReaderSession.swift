import MarqueeCore
import MarqueeUI

/// The reader's event loop: terminal events become actions, `update` makes the next
/// state, `render` draws it, and the terminal flushes only what changed.
///
/// All state lives in `ReaderState`; this loop only moves values between the pure
/// reader and the terminal, and it always closes the terminal on the way out.
public enum ReaderSession {
  /// How the reader ended.
  public enum Outcome: Sendable, Equatable {
    /// The user quit.
    case quit
    /// A signal (SIGINT, SIGTERM, SIGHUP) asked the reader to stop.
    case signal(Int32)

    /// The exit status: 0 for quitting, 128 + the signal number otherwise (the shell's
    /// convention for a process ended by a signal).
    public var exitStatus: Int32 {
      switch self {
      case .quit: 0
      case .signal(let number): 128 + number
      }
    }
  }

  /// Opens the terminal, runs the reader on `articles` until the user quits, and restores
  /// the terminal. Throws before touching the terminal when it cannot be used.
  public static func run(articles: [Article], colors: Bool) throws(TerminalError) -> Outcome {
    let terminal = try Terminal.open(colors: colors)
    defer { terminal.close() }
    var state = update(ReaderState(articles: articles, size: terminal.size), .resize(terminal.size))
    var forceRedraw = true
    while true {
      terminal.draw(render(state, size: state.size), force: forceRedraw)
      forceRedraw = false
      guard let event = terminal.nextEvent(timeoutMilliseconds: 1_000) else { continue }
      switch event {
      case .key(let key):
        state = update(state, .key(key))
      case .resize(let size):
        state = update(state, .resize(size))
      case .signal(let number):
        return .signal(number)
      }
      if state.shouldQuit { return .quit }
      forceRedraw = state.redrawRequested
    }
  }
}
