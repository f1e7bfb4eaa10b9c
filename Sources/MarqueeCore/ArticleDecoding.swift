/// Turns a file's bytes into text the parser can trust.
///
/// Real scraped files are mostly UTF-8, but older corpora hold bare Latin-1 or
/// Windows-1252 bytes (`0xA3` for `£`); reading those as UTF-8 would fill titles with
/// U+FFFD, so invalid UTF-8 is decoded as Windows-1252 instead. NUL bytes mean the
/// file is not text at all.
public enum ArticleDecoding {
  /// The decoded text with LF line endings and no BOM, or why the bytes are not text.
  public static func decode(_ bytes: UnsafeRawBufferPointer) -> Result<String, SkipReason> {
    bytes.withMemoryRebound(to: UInt8.self, decodeText)
  }

  private static func decodeText(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<String, SkipReason>
  {
    if bytes.isEmpty { return .failure(.empty) }
    var body = bytes
    if ByteSearch.firstIndex(of: 0, in: body) != nil { return .failure(.binary) }
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = UnsafeBufferPointer(rebasing: body[3...]) }
    // Most files have no CR: they are read in place, without a normalized copy.
    let text =
      if ByteSearch.firstIndex(of: 0x0D, in: body) == nil {
        String(validating: body, as: UTF8.self) ?? decodeWindows1252(body)
      } else {
        normalizingLineEndings(body).withUnsafeBufferPointer {
          String(validating: $0, as: UTF8.self) ?? decodeWindows1252($0)
        }
      }
    return .success(replacingUnicodeLineSeparators(text))
  }

  /// Convenience for tests and callers that hold bytes in an array.
  public static func decode(_ bytes: [UInt8]) -> Result<String, SkipReason> {
    bytes.withUnsafeBytes { decode($0) }
  }

  /// CRLF and lone CR become LF. Safe on bytes: 0x0D never occurs inside a UTF-8
  /// multi-byte sequence, nor is it a Windows-1252 letter.
  private static func normalizingLineEndings(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(bytes.count)
    var previousWasCR = false
    for byte in bytes {
      if byte == 0x0D {
        out.append(0x0A)
        previousWasCR = true
      } else {
        if !(byte == 0x0A && previousWasCR) { out.append(byte) }
        previousWasCR = false
      }
    }
    return out
  }

  /// U+2028 and U+2029 are line and paragraph separators: treat them as line breaks so
  /// they never reach a terminal, which may act on them.
  private static func replacingUnicodeLineSeparators(_ text: String) -> String {
    guard ValidUTF8.withBytes(of: text, containsUnicodeLineSeparator) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\u{2028}": scalars.append("\n")
      case "\u{2029}": scalars.append(contentsOf: "\n\n".unicodeScalars)
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  /// Whether the bytes hold U+2028 or U+2029 (E2 80 A8, E2 80 A9), looking only where
  /// an E2 lead byte occurs.
  private static func containsUnicodeLineSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var start = 0
    while let index = ByteSearch.firstIndex(of: 0xE2, in: bytes, from: start) {
      if index + 2 < bytes.count, bytes[index + 1] == 0x80,
        bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
      {
        return true
      }
      start = index + 1
    }
    return false
  }

  /// Windows-1252 is Latin-1 except for 0x80–0x9F, where it has typographic marks.
  /// The five undefined bytes map to their C1 code points, which clean-up removes.
  static func decodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(bytes.count)
    for byte in bytes {
      if (0x80...0x9F).contains(byte) {
        let mapped = windows1252High[Int(byte - 0x80)]
        scalars.append(Unicode.Scalar(mapped) ?? Unicode.Scalar(byte))
      } else {
        scalars.append(Unicode.Scalar(byte))
      }
    }
    return String(scalars)
  }

  private static let windows1252High: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]
}
