/// Something the reader has to react to.
public enum TerminalEvent: Sendable, Equatable {
  case key(Key)
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
}
