/// Something the reader has to react to.
public enum TerminalEvent: Sendable, Equatable {
  case key(Key)
  /// A click, double-click or wheel turn, where the terminal reports them.
  case mouse(MouseEvent)
  /// The terminal changed size; the backend has already adapted, the screen must be
  /// redrawn.
  case resize(Size)
  /// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived: the caller should close the terminal and
  /// exit.
  case signal(Int32)
}

/// What the reader's loop needs of a terminal: events in, frames out. The curses
/// `Terminal` is one; tests drive the loop with a scripted one and look at the frames
/// it drew, as ratatui's `TestBackend` does. Opening and closing the terminal stay with
/// whoever made it.
public protocol TerminalBackend: AnyObject {
  /// The size in cells.
  var size: Size { get }
  /// Shows `screen`; `force` repaints every cell (after another program drew over it).
  func draw(_ screen: Screen, force: Bool)
  /// Waits up to `timeoutMilliseconds` (forever if negative) for the next event; nil on
  /// timeout.
  func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent?
  /// Hands the terminal to another program (a pager, an editor): the modes and screen
  /// the shell had, as if the reader had closed it.
  func suspend()
  /// Takes the terminal back after `suspend`. The next `draw` repaints every cell, since
  /// the other program drew over them; a size changed meanwhile comes as `.resize`.
  func resume()
  /// Asks the terminal to put `text` on the clipboard (OSC 52; terminals that do not
  /// know it ignore it).
  func copyToClipboard(_ text: String)
}

extension TerminalBackend {
  /// Runs `program` with the terminal handed over, and takes the terminal back however
  /// `program` ends.
  public func handedOver<Result>(to program: () throws -> Result) rethrows -> Result {
    suspend()
    defer { resume() }
    return try program()
  }
}
