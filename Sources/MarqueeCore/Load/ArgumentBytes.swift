#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The exact bytes of the command line's arguments that are not UTF-8.
///
/// Swift hands a program its arguments as strings, with each byte that is not UTF-8
/// replaced by U+FFFD: a file whose name is not UTF-8 could not be named at all (no such
/// file), and where a file really named with U+FFFD in that place existed, that other
/// file was opened. A path string that came from such an argument is turned back into
/// its bytes here before it is opened.
public enum ArgumentBytes {
  /// The bytes behind a path string, NUL-terminated: the argument's own bytes when the
  /// string is one that repair made from an argument that was not UTF-8, else the
  /// string's UTF-8.
  public static func systemPath(for path: String) -> [CChar] {
    repaired[path] ?? Array(path.utf8CString)
  }

  /// How a path is shown: its text, with each byte that is not UTF-8 written `\xHH`.
  public static func display(for path: String) -> String {
    repaired[path].map(displayString) ?? path
  }

  /// Repaired argument → its bytes, for every argument that was not UTF-8. Two
  /// arguments that repair to the same string cannot be told apart; the first wins.
  private static let repaired: [String: [CChar]] = {
    var table: [String: [CChar]] = [:]
    for index in 0..<Int(CommandLine.argc) {
      guard let argument = CommandLine.unsafeArgv[index] else { continue }
      let bytes = UnsafeBufferPointer(start: argument, count: strlen(argument))
      let raw = bytes.map { UInt8(bitPattern: $0) }
      guard String(validating: raw, as: UTF8.self) == nil else { continue }
      let text = String(decoding: raw, as: UTF8.self)
      if table[text] == nil { table[text] = Array(bytes) + [0] }
    }
    return table
  }()
}

/// A NUL-terminated path as text for people: UTF-8 as it is, each byte that is not
/// UTF-8 as `\xHH`, so that two names that differ only there still look different.
func displayString(_ path: [CChar]) -> String {
  // Read in place: a walk makes one of these for every file.
  path.withUnsafeBufferPointer { path in
    path.withMemoryRebound(to: UInt8.self) { bytes in
      displayString(
        UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)]))
    }
  }
}

private func displayString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
  // Most paths are ASCII, which needs no validating (a tenth of a walk's time).
  if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
  if let text = String(validating: bytes, as: UTF8.self) { return text }
  var text = ""
  var index = 0
  while index < bytes.count {
    if bytes[index] < 0x80 {
      text.unicodeScalars.append(Unicode.Scalar(bytes[index]))
      index += 1
    } else if let length = ArticleDecoding.wellFormedUTF8Length(bytes, at: index) {
      text += String(decoding: bytes[index..<(index + length)], as: UTF8.self)
      index += length
    } else {
      let hex = String(bytes[index], radix: 16, uppercase: true)
      text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
      index += 1
    }
  }
  return text
}
