/// Credits after a prefix: `Image Credit: X`, `Photo by X`, `Picture: X`.
extension CreditGrammar {
  /// `X` from text that starts with a credit prefix (`Image Credit: X`, `Photo by X`,
  /// `Picture: X`): any X after an unmistakable prefix, and after `Photo:`, `Image:` and
  /// the like only an X that reads as a credit (`Photos: See the looks` is a teaser).
  static func prefixed(_ text: Substring, in tables: ParserTables) -> (
    credit: String, rule: String
  )? {
    let candidates = prefixCandidates(for: text)
    guard !candidates.isEmpty else { return nil }
    // Credit lines are nearly all ASCII, where a byte is a `Character`: read on bytes.
    if let found = ValidUTF8.withBytes(
      of: text,
      { bytes in
        bytes.contains { $0 >= 0x80 } ? nil : prefixedASCII(text, bytes, candidates, tables)
      })
    {
      return found.credit.map { ($0, found.rule) }
    }
    return prefixedByCharacters(text, candidates, tables)
  }

  /// `prefixed` for ASCII text, on its bytes: the credit and the rule; a nil credit when
  /// a prefix matched but what follows is no credit.
  private static func prefixedASCII(
    _ text: Substring, _ bytes: UnsafeBufferPointer<UInt8>,
    _ candidates: [LayoutPhrases.CreditPrefix], _ tables: ParserTables
  ) -> (credit: String?, rule: String)? {
    func skipSpaces(from index: Int) -> Int {
      var index = index
      while index < bytes.count, bytes[index] == 0x20 { index += 1 }
      return index
    }
    let start = skipSpaces(from: 0)
    for prefix in candidates {
      let phrase = prefix.phraseBytes
      guard bytes.count - start >= phrase.count,
        phrase.indices.allSatisfy({ ValidUTF8.asciiLowercased(bytes[start + $0]) == phrase[$0] })
      else { continue }
      let rest = start + phrase.count
      var value = skipSpaces(from: rest)
      if prefix.needsColon {
        guard value < bytes.count, bytes[value] == UInt8(ascii: ":") else { continue }
        value += 1
      } else {
        // `Photo by` needs a space after it: `Photo byline` is no credit.
        guard value > rest else { continue }
      }
      let utf8 = text.utf8
      func slice(_ range: Range<Int>) -> Substring {
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return Substring(utf8[start..<utf8.index(start, offsetBy: range.count)])
      }
      // `trimmedCredit` on the bytes: ASCII white space is a space or a tab.
      func trimmed(_ range: Range<Int>) -> Range<Int> {
        var (low, high) = (range.lowerBound, range.upperBound)
        while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
        while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
        return low..<high
      }
      var range = trimmed(value..<bytes.count)
      if range.last.map({ bytes[$0] }) == UInt8(ascii: "."),
        !endsWithAbbreviation(slice(range))
      {
        range = trimmed(range.dropLast())
      }
      guard !range.isEmpty, range.count <= LayoutPhrases.maximumCreditLength else {
        return (nil, prefix.rule)
      }
      // ASCII bytes make the string at once, cheaper than a slice of the text.
      let credit = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      guard prefix.strong || readsAsCredit(credit, in: tables) else { return (nil, prefix.rule) }
      return (credit, prefix.rule)
    }
    return (nil, "")
  }

  /// `prefixed` for any text, `Character` by `Character`.
  static func prefixedByCharacters(
    _ text: Substring, _ candidates: [LayoutPhrases.CreditPrefix], _ tables: ParserTables
  ) -> (credit: String, rule: String)? {
    let text = text.drop { $0 == " " }
    for prefix in candidates {
      guard let rest = LayoutLine.dropPrefixIgnoringCase(prefix.phrase, from: text) else {
        continue
      }
      var value = rest.drop { $0 == " " }
      if prefix.needsColon {
        guard CharacterAffix.hasPrefix(value, ":") else { continue }
        value = value.dropFirst()
      } else {
        // `Photo by` needs a space after it: `Photo byline` is no credit.
        guard value.startIndex > rest.startIndex || value.isEmpty == false && rest.first == " "
        else { continue }
      }
      let credit = trimmedCredit(value)
      guard !credit.isEmpty, credit.utf8.count <= LayoutPhrases.maximumCreditLength else {
        return nil
      }
      guard prefix.strong || readsAsCredit(credit, in: tables) else { return nil }
      return (String(credit), prefix.rule)
    }
    return nil
  }

  /// The prefixes text may open with (those sharing its first three bytes).
  static func prefixCandidates(for text: Substring) -> [LayoutPhrases.CreditPrefix] {
    LayoutLine.creditPrefixKey(text).flatMap { prefixesByKey[$0] } ?? []
  }

  /// The credit prefixes by their first three bytes, longest first.
  private static let prefixesByKey: [UInt32: [LayoutPhrases.CreditPrefix]] = Dictionary(
    grouping: LayoutPhrases.creditPrefixes,
    by: { LayoutLine.creditPrefixKey(Substring($0.phrase))! })
}
