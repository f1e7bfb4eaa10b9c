import Foundation

/// What a terminal was sent, checked for anything an article could have smuggled in.
///
/// curses draws with its own CSI sequences (cursor moves, attributes, the alternate
/// screen) and writes UTF-8 whose continuation bytes can be 0x9B or 0x9D, so raw bytes
/// are not searched: the output is decoded as UTF-8 and its scalars are checked for what
/// neither curses (with tmux's terminfo) nor a plain command ever sends.
public enum TerminalOutput {
  /// Payload bodies that must never follow an ESC, whatever came between: an OSC
  /// clipboard write, a title, a link, a cursor report, a screen clear.
  static let payloadBodies = ["52;c;", "0;pwned", "0;c1-title", "0;raw-title", "8;;", "6n", "2J"]

  /// Each problem found, described with where it is; empty when the output is clean.
  /// `plainText` is for output that is not a terminal's (a command writing to a pipe): it
  /// must hold no ESC and no control character but the line feed at all.
  public static func problems(in bytes: [UInt8], plainText: Bool = false) -> [String] {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return ["not valid UTF-8, so it holds raw 8-bit bytes (0x9B is CSI, 0x9D OSC)"]
    }
    let scalars = Array(text.unicodeScalars)
    var problems: [String] = []
    for (offset, scalar) in scalars.enumerated() {
      let next = offset + 1 < scalars.count ? scalars[offset + 1] : nil
      let context = String(
        String.UnicodeScalarView(scalars[offset..<min(offset + 12, scalars.count)]))
      switch scalar.value {
      case let value where plainText && (value < 0x20 || value == 0x7F) && value != 0x0A:
        problems.append(
          String(format: "control U+%04X in plain text at scalar %d: ", scalar.value, offset)
            + context.debugDescription)
      case 0x1B where next == "]":
        problems.append("OSC (ESC ]) at scalar \(offset): \(context.debugDescription)")
      case 0x1B where next == "P" || next == "_" || next == "^" || next == "X":
        problems.append("DCS/APC/PM/SOS at scalar \(offset): \(context.debugDescription)")
      case 0x1B:
        let tail = String(String.UnicodeScalarView(scalars[(offset + 1)...].prefix(8)))
        for body in payloadBodies
        where tail.hasPrefix(body) || tail.hasPrefix("[" + body) || tail.hasPrefix("]" + body) {
          problems.append("ESC then \(body.debugDescription) at scalar \(offset)")
        }
      case 0x07:
        problems.append("BEL (an OSC terminator) at scalar \(offset)")
      case 0x80...0x9F:
        problems.append(String(format: "C1 control U+%04X at scalar %d", scalar.value, offset))
      case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
        problems.append(String(format: "bidi control U+%04X at scalar %d", scalar.value, offset))
      case 0x2028, 0x2029:
        problems.append(
          String(format: "line/paragraph separator U+%04X at scalar %d", scalar.value, offset))
      default:
        break
      }
    }
    return problems
  }
}
