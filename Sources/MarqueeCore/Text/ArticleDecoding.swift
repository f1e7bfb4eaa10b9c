/// Turns a file's bytes into text the parser can trust.
///
/// Real scraped files are mostly UTF-8, but older corpora hold bare Latin-1 or
/// Windows-1252 bytes (`0xA3` for `£`), and some UTF-8 files carry a stray byte (a file
/// cut mid-character, one letter pasted from a Latin-1 page). Reading such bytes as UTF-8
/// would fill titles with U+FFFD; reading the whole file as Windows-1252 would turn every
/// UTF-8 letter in it into mojibake (`é` into `Ã©`). So only the bytes that are not UTF-8
/// are read as Windows-1252 (see `decodeInvalidUTF8`). NUL bytes mean the file is not
/// text at all.
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
        String(validating: body, as: UTF8.self) ?? decodeInvalidUTF8(body)
      } else {
        normalizingLineEndings(body).withUnsafeBufferPointer {
          String(validating: $0, as: UTF8.self) ?? decodeInvalidUTF8($0)
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

  /// Text from bytes that failed UTF-8 validation: each well-formed UTF-8 sequence stays
  /// as it is and each other byte is read as Windows-1252, so a stray byte costs one
  /// character instead of every letter in the file. A file with no UTF-8 sequence at all
  /// comes out exactly as Windows-1252.
  ///
  /// A file with more stray bytes than UTF-8 sequences is read as Windows-1252 throughout:
  /// in such a file an accented capital before a curly quote or an ellipsis (`É”` is
  /// C9 94, `É…` is C9 85) is well-formed UTF-8 by accident, and would otherwise become an
  /// unrelated letter (`ɔ`, `Ʌ`). A tie goes to UTF-8, for a UTF-8 file whose one accent
  /// sits next to one stray byte.
  private static func decodeInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let mixed = transcode(bytes, keepingUTF8: true)
    guard mixed.utf8Sequences > 0, mixed.utf8Sequences < mixed.strayBytes else {
      return mixed.text
    }
    return transcode(bytes, keepingUTF8: false).text
  }

  /// The bytes as text, with every non-ASCII byte read as Windows-1252 except, when
  /// `keepingUTF8`, those of well-formed multi-byte UTF-8 sequences; and how many of
  /// each were read. Builds UTF-8 bytes, so valid runs are copied, not decoded.
  private static func transcode(
    _ bytes: UnsafeBufferPointer<UInt8>, keepingUTF8: Bool
  ) -> (text: String, utf8Sequences: Int, strayBytes: Int) {
    var utf8 = [UInt8]()
    // A Windows-1252 letter takes two or three bytes in UTF-8.
    utf8.reserveCapacity(bytes.count + bytes.count / 4)
    var utf8Sequences = 0
    var strayBytes = 0
    var index = 0
    while index < bytes.count {
      let start = index
      while index < bytes.count, bytes[index] < 0x80 { index += 1 }
      utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
      guard index < bytes.count else { break }
      if keepingUTF8, let length = wellFormedUTF8Length(bytes, at: index) {
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
        utf8Sequences += 1
        index += length
      } else {
        UTF8.encode(windows1252Scalar(bytes[index])) { utf8.append($0) }
        strayBytes += 1
        index += 1
      }
    }
    return (String(decoding: utf8, as: UTF8.self), utf8Sequences, strayBytes)
  }

  /// How many bytes the well-formed UTF-8 sequence at `index` takes, or nil when the
  /// bytes there are not one (a continuation byte on its own, a sequence cut short, an
  /// overlong form, a surrogate, a value past U+10FFFF). The lead byte gives the length
  /// and the range its second byte must fall in (Table 3-7 of the Unicode Standard).
  /// Written out because calling the standard library's parser for each sequence made
  /// decoding a file with one stray byte several times slower; `DecodingTests` checks
  /// that both agree.
  static func wellFormedUTF8Length(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let length: Int
    var second: ClosedRange<UInt8> = 0x80...0xBF
    switch bytes[index] {
    case 0xC2...0xDF: length = 2
    case 0xE0: (length, second) = (3, 0xA0...0xBF)
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: (length, second) = (3, 0x80...0x9F)
    case 0xF0: (length, second) = (4, 0x90...0xBF)
    case 0xF1...0xF3: length = 4
    case 0xF4: (length, second) = (4, 0x80...0x8F)
    default: return nil
    }
    guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return nil }
    for offset in 2..<length where ValidUTF8.isScalarStart(bytes[index + offset]) {
      return nil
    }
    return length
  }

  /// Windows-1252 is Latin-1 except for 0x80–0x9F, where it has typographic marks. Its
  /// five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as U+FFFD: as their C1 code
  /// points they were controls, and clean-up takes 0x90 and 0x9D for the start of a
  /// terminal string (DCS, OSC) and drops the rest of the line with them.
  private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
    guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
    return windows1252High[Int(byte - 0x80)]
  }

  private static let windows1252High: [Unicode.Scalar] = [
    "\u{20AC}", "\u{FFFD}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
    "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{FFFD}", "\u{017D}", "\u{FFFD}",
    "\u{FFFD}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{FFFD}", "\u{017E}", "\u{0178}",
  ]
}
