import CNcursesw
import MarqueeUI

/// Turns curses' mouse reports into the reader's `MouseEvent`s. Presses are reported at
/// once (no click resolution in curses, which holds every click back by its interval),
/// so a double-click is told here: a second press on the same cell soon after the first.
struct MouseDecoder {
  /// The longest gap, in seconds, between the presses of a double-click (the usual
  /// desktop default is 0.4–0.5 s).
  static let doubleClickTime = 0.4

  private var lastPress: (column: Int, row: Int, time: Double)?

  /// The event for a report of button state `state` at a cell, `time` seconds into some
  /// clock; nil for reports the reader has no use for (other buttons, releases).
  mutating func decode(state: mmask_t, column: Int, row: Int, time: Double) -> MouseEvent? {
    if state & cn_button4_pressed() != 0 { return MouseEvent(.wheelUp, column: column, row: row) }
    let wheelDown = cn_button5_pressed()
    if wheelDown != 0, state & wheelDown != 0 {
      return MouseEvent(.wheelDown, column: column, row: row)
    }
    guard state & cn_button1_pressed() != 0 else { return nil }
    if let last = lastPress, last.column == column, last.row == row,
      time - last.time <= Self.doubleClickTime
    {
      lastPress = nil
      return MouseEvent(.doubleClick, column: column, row: row)
    }
    lastPress = (column, row, time)
    return MouseEvent(.click, column: column, row: row)
  }
}

/// The mouse reports behind curses' `KEY_MOUSE`, decoded and handed out one at a time.
struct MouseInput {
  private var decoder = MouseDecoder()
  /// Events read and not handed out yet.
  private var pending: [MouseEvent] = []
  private let clock = ContinuousClock()
  private let started = ContinuousClock().now

  /// Takes every report curses queued: one `KEY_MOUSE` may stand for several read
  /// together (both clicks of a double-click made while the reader was busy).
  mutating func readReports() {
    var (column, row, state): (Int32, Int32, mmask_t) = (0, 0, 0)
    let elapsed = started.duration(to: clock.now).components
    let time = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    while cn_get_mouse(&column, &row, &state) != 0 {
      if let event = decoder.decode(state: state, column: Int(column), row: Int(row), time: time) {
        pending.append(event)
      }
    }
  }

  /// The oldest event not handed out yet.
  mutating func next() -> MouseEvent? {
    pending.isEmpty ? nil : pending.removeFirst()
  }
}
