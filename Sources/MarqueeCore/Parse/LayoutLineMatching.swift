import Foundation

/// Text tests behind the layout rules that must answer exactly as the Foundation and
/// `Character` operations they replace, without paying for those on every line:
/// Foundation bridges each string to `NSString`, and `Character` comparisons walk
/// graphemes. Each answers from the bytes where that is certain and asks Foundation
/// otherwise; `ByteScanningTests` holds each to the operation it stands for.
extension LayoutLine {
  /// Whether `text` equals the ASCII `phrase` ignoring case, exactly as
  /// `caseInsensitiveCompare` says, without paying for that Foundation call on every line.
  /// Text with more scalars than the phrase never equals it (no scalar is ignored by the
  /// comparison and none folds together with another into one ASCII letter; checked for
  /// every scalar when this was written), and ASCII text compares byte by byte.
  static func equalsIgnoringCase<Text: StringProtocol>(_ text: Text, _ phrase: String) -> Bool {
    // No scalar takes more than four bytes: long lines are ruled out without a scan.
    guard text.utf8.count <= 4 * phrase.utf8.count else { return false }
    // An ASCII first byte is a first letter that only its other case matches.
    if let first = text.utf8.first, first < 0x80, let wanted = phrase.utf8.first,
      ValidUTF8.asciiLowercased(first) != ValidUTF8.asciiLowercased(wanted)
    {
      return false
    }
    let (scalars, isASCII) = ValidUTF8.withBytes(of: text) { bytes in
      (bytes.count(where: ValidUTF8.isScalarStart), !bytes.contains { $0 >= 0x80 })
    }
    guard scalars <= phrase.utf8.count else { return false }
    guard isASCII else { return text.caseInsensitiveCompare(phrase) == .orderedSame }
    return text.utf8.count == phrase.utf8.count
      && zip(text.utf8, phrase.utf8).allSatisfy {
        ValidUTF8.asciiLowercased($0) == ValidUTF8.asciiLowercased($1)
      }
  }

  /// The text without leading and trailing `CharacterSet.whitespaces` (tab, the space
  /// separators and U+200B), as Foundation's `trimmingCharacters(in: .whitespaces)` gives
  /// it, but without bridging to `NSString`.
  static func trimmingWhitespace(_ text: Substring) -> String {
    String(trimmedWhitespace(text))
  }

  /// `trimmingWhitespace` as a slice of the text, without a copy. Text that starts and
  /// ends with ASCII other than space and tab (most text) is returned as it is, found
  /// on two bytes.
  static func trimmedWhitespace(_ text: Substring) -> Substring {
    let utf8 = text.utf8
    if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
      first != 0x20, first != 0x09, last != 0x20, last != 0x09
    {
      return text
    }
    let scalars = text.unicodeScalars
    guard let start = scalars.firstIndex(where: { !isFoundationWhitespace($0) }),
      let last = scalars.lastIndex(where: { !isFoundationWhitespace($0) })
    else { return "" }
    return Substring(scalars[start...last])
  }

  /// Membership in `CharacterSet.whitespaces`, which is Zs and tab plus U+200B.
  static func isFoundationWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    TextCleaning.isSpace(scalar) || scalar == "\u{200B}"
  }

  /// `..` or `…`, as Foundation's `contains` finds them; ASCII text is searched on bytes
  /// (it cannot hold `…`, which is only compatibility-equivalent to `...`).
  static func containsEllipsis(_ text: String) -> Bool {
    // Both need a `.` or the lead byte of `…` (E2), which most names and captions lack.
    guard text.utf8.contains(where: { $0 == 0x2E || $0 == 0xE2 }) else { return false }
    guard ValidUTF8.isASCII(text) else { return text.contains("..") || text.contains("…") }
    return zip(text.utf8, text.utf8.dropFirst()).contains { $0 == 0x2E && $1 == 0x2E }
  }

  /// Whether the text, after any leading spaces, starts as some credit prefix does (its
  /// first three bytes, ignoring case): a cheap test every line passes before the
  /// prefixes are tried one by one.
  /// With `skippingBrackets`, opening brackets among the leading spaces are skipped too
  /// (`(Photo: X)`); a bracket that a combining mark follows is no `Character` of its
  /// own, but then no prefix follows either.
  static func mayStartCreditPrefix<Text: StringProtocol>(
    _ text: Text, skippingBrackets: Bool = false
  ) -> Bool {
    creditPrefixKey(text, skippingBrackets: skippingBrackets).map(creditPrefixKeys.contains)
      ?? false
  }

  /// The first three bytes after any leading spaces, lowered, as one number.
  static func creditPrefixKey<Text: StringProtocol>(
    _ text: Text, skippingBrackets: Bool = false
  ) -> UInt32? {
    ValidUTF8.withBytes(of: text) { bytes in
      let start = bytes.firstIndex { byte in
        byte != 0x20 && !(skippingBrackets && (byte == 0x28 || byte == 0x5B))
      }
      guard let start else { return nil }
      var key: UInt32 = 0
      for offset in 0..<3 {
        let byte = start + offset < bytes.count ? bytes[start + offset] : 0
        key = key << 8 | UInt32(ValidUTF8.asciiLowercased(byte))
      }
      return key
    }
  }

  /// The first three bytes of each credit prefix, as `mayStartCreditPrefix` keys them.
  private static let creditPrefixKeys: Set<UInt32> = Set(
    LayoutPhrases.creditPrefixStarts.map { phrase in
      let bytes = Array(phrase.utf8.prefix(3)) + Array(repeating: 0, count: 3)
      return bytes.prefix(3).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    })
}
