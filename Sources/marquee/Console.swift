import ArgumentParser
import Foundation
import MarqueeCore

/// Where commands write, and how they fail.
enum Console {
  /// Prints `marquee: message` on standard error and returns the exit status to throw.
  /// The message is cleaned first: it may quote a file name, and file names can hold
  /// escape sequences.
  static func failure(_ message: String, status: Int32 = 2) -> ExitCode {
    warn(message)
    return ExitCode(status)
  }

  /// Prints `marquee: message` on standard error, cleaned as `failure` does, and goes on.
  static func warn(_ message: String) {
    writeError("marquee: \(TextCleaning.clean(message))\n")
  }

  /// Writes to standard error with `write(2)`, giving up quietly when it fails: a closed
  /// or full standard error leaves nowhere to say so. (`FileHandle.write` traps on a
  /// failed write, which printed a Swift crash report instead of the message.)
  static func writeError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
        if written > 0 {
          offset += written
        } else if written < 0 && errno == EINTR {
          continue
        } else {
          return
        }
      }
    }
  }

  /// Flushes standard output and says whether everything printed reached it. A full
  /// disk or a closed descriptor would otherwise lose the output with exit status 0; a
  /// reader that closed the pipe ends the process with SIGPIPE first, quietly, as `cat`
  /// does.
  static func finishOutput() -> Bool {
    guard let error = StandardOutput.flushError() else { return true }
    let reason = error == 0 ? "" : ": " + String(cString: strerror(error))
    writeError("marquee: could not write the output\(reason)\n")
    return false
  }

  /// Whether the user asked for no colours or styling (https://no-color.org).
  static var noColor: Bool {
    ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
  }

  /// Whether standard output is a terminal (rather than a pipe or file).
  static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// The terminal's width in columns, or nil when standard output is not a terminal.
  static var terminalColumns: Int? {
    guard outputIsTerminal else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  /// Prints a value as pretty JSON. Besides the escapes JSON requires, C1 controls, bidi
  /// controls and line separators are written as `\uXXXX`, so JSON shown on a terminal
  /// cannot act on it either.
  static func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    var text = String(decoding: data, as: UTF8.self)
    if text.unicodeScalars.contains(where: needsEscape) {
      var escaped = ""
      for scalar in text.unicodeScalars {
        if needsEscape(scalar) {
          escaped += String(format: "\\u%04X", scalar.value)
        } else {
          escaped.unicodeScalars.append(scalar)
        }
      }
      text = escaped
    }
    print(text)
  }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0x200E, 0x200F, 0x61C:
      true
    default: false
    }
  }

  /// Text safe to print: a path or title with any control characters removed.
  static func safe(_ text: String) -> String { TextCleaning.clean(text) }

  /// A path safe to print and still the path: `safe` would collapse its double spaces
  /// and turn a no-break space into a space, naming another file, so here only what
  /// could act on a terminal (controls, escapes, bidi controls, line separators) is
  /// changed, each scalar to `?` as `ls` does. A path printed unchanged is one
  /// `marquee show` opens.
  static func safePath(_ path: String) -> String {
    guard path.unicodeScalars.contains(where: isUnprintable) else { return path }
    var shown = String.UnicodeScalarView()
    for scalar in path.unicodeScalars {
      shown.append(isUnprintable(scalar) ? "?" : scalar)
    }
    return String(shown)
  }

  private static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || needsEscape(scalar)
  }
}
