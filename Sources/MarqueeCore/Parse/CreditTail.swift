import Foundation

/// Credits that share a line with other text: at the end of a caption (`… (Photo by
/// X/Getty Images)`, `… [AKM-GSI]`, `Name at the premiere. Gilbert Carrasquillo/GC
/// Images`, `… REUTERS/Name/File Photo`, `Ms. Jenner. Credit Bon Duke for The New York
/// Times`, `… sweat pants by FameFlynet`), and, inside a paragraph, an explicit
/// `[Picture: Splash]` or a `Photograph by X.` sentence that a scraper ran into the text.
enum CreditTail {
  struct Split {
    let caption: String
    let credit: String
    let rule: String
  }

  /// The caption and credit of a line that ends with its credit, or nil. With `loose`, a
  /// bracketed tail need only look like a name (`(YoutTube)` under a label line, as in
  /// the seed); otherwise it must be prefixed or name a known source.
  static func split(_ line: String, loose: Bool = false, in tables: ParserTables) -> Split? {
    if let split = bracketed(line, loose: loose, tables) { return split }
    guard line.utf8.count <= LayoutPhrases.maximumCaptionLength,
      !Furniture.endsLikeSentence(line, stops: ".!?,;:…")
    else { return nil }
    return sentenceTail(line, tables) ?? byTail(line, tables)
  }

  /// `caption (X)` or `caption [X]`, with an optional full stop after the bracket.
  private static func bracketed(_ line: String, loose: Bool, _ tables: ParserTables) -> Split? {
    // Brackets are ASCII, so the bytes find the opening one that matches the last.
    let found = ValidUTF8.withBytes(of: line) { bytes -> (open: Int, close: Int)? in
      var end = bytes.count
      func isClosing(_ byte: UInt8) -> Bool { byte == 0x29 || byte == 0x5D }
      if end >= 2, bytes[end - 1] == UInt8(ascii: "."), isClosing(bytes[end - 2]) { end -= 1 }
      guard end > 0, isClosing(bytes[end - 1]) else { return nil }
      let close = bytes[end - 1]
      let open: UInt8 = close == 0x29 ? 0x28 : 0x5B
      var depth = 0
      var index = end
      while index > 0 {
        index -= 1
        if bytes[index] == close { depth += 1 }
        if bytes[index] == open {
          depth -= 1
          if depth == 0 { return (index, end - 1) }
        }
      }
      return nil
    }
    guard let found else { return nil }
    let utf8 = line.utf8
    let openIndex = utf8.index(utf8.startIndex, offsetBy: found.open)
    let closeIndex = utf8.index(utf8.startIndex, offsetBy: found.close)
    let text = Substring(line)[..<utf8.index(after: closeIndex)]
    let inner = text[utf8.index(after: openIndex)..<closeIndex]
    let caption = LayoutLine.trimmingWhitespace(text[..<openIndex])
    guard !caption.isEmpty else { return nil }
    if let (credit, rule) = CreditGrammar.prefixed(CreditGrammar.trimmedCredit(inner), in: tables) {
      return Split(caption: caption, credit: credit, rule: "caption ending in a " + rule)
    }
    let credit = String(CreditGrammar.trimmedCredit(inner))
    if credit.utf8.count <= LayoutPhrases.maximumCreditLength,
      CreditGrammar.isBracketedCredit(credit, in: tables)
    {
      return Split(
        caption: caption, credit: credit, rule: "caption ending in a bracketed photo source")
    }
    if loose, LayoutLine.looksLikeBareCredit(credit), WordCount.of(caption) >= 3 {
      return Split(
        caption: caption, credit: credit, rule: "caption under a label, ending in a bracketed name")
    }
    return nil
  }

  /// `Caption. Gilbert Carrasquillo/GC Images`, `Caption. REUTERS/Name`, `Caption.
  /// Credit Name for The New York Times`, `Caption. Photo: X`: the longest tail after a
  /// sentence end that is a credit.
  private static func sentenceTail(_ line: String, _ tables: ParserTables) -> Split? {
    // Sentence ends are ASCII: find `. `, `! ` and `? ` on the bytes.
    let stops = ValidUTF8.withBytes(of: line) { bytes -> [Int] in
      var found: [Int] = []
      for index in bytes.indices.dropLast() where bytes[index + 1] == 0x20 {
        let byte = bytes[index]
        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
          found.append(index)
        }
      }
      return found
    }
    guard !stops.isEmpty else { return nil }
    let utf8 = line.utf8
    let text = Substring(line)
    for offset in stops {
      let stop = utf8.index(utf8.startIndex, offsetBy: offset)
      let tail = text[utf8.index(after: stop)...].drop { $0 == " " }
      let caption = String(text[...stop])
      if let (credit, rule) = CreditGrammar.prefixed(tail, in: tables) {
        return Split(caption: caption, credit: credit, rule: "caption ending in a " + rule)
      }
      if tail.hasPrefix("Credit "), CreditGrammar.readsAsCredit(tail.dropFirst(7), in: tables) {
        return Split(
          caption: caption, credit: String(tail.dropFirst(7)),
          rule: "caption ending in “Credit …”")
      }
      if CreditGrammar.isBareCredit(tail, in: tables) {
        return Split(
          caption: caption, credit: String(tail), rule: "caption whose last sentence is a credit")
      }
    }
    return nil
  }

  /// `… sweat pants by FameFlynet`: a caption ending in `by` or `via` and known sources.
  private static func byTail(_ line: String, _ tables: ParserTables) -> Split? {
    // Most captions have neither joiner, found on the bytes before any other work.
    guard ValidUTF8.contains(line, ascii: " by ", or: " via ") else { return nil }
    for joiner in tailJoiners {
      guard let offset = lastOffset(of: joiner, in: line) else { continue }
      let utf8 = line.utf8
      let start = utf8.index(utf8.startIndex, offsetBy: offset)
      let tail = Substring(utf8[utf8.index(start, offsetBy: joiner.utf8.count)...])
      guard CreditGrammar.isSourcesOnly(tail, in: tables) else { continue }
      let caption = LayoutLine.trimmingWhitespace(Substring(utf8[..<start]))
      guard WordCount.of(caption) >= 3 else { continue }
      return Split(
        caption: caption, credit: String(tail), rule: "caption ending “\(joiner)<source>”")
    }
    return nil
  }

  private static let openingBrackets = [UInt8(ascii: "["), UInt8(ascii: "(")]

  /// The words a caption's credit may follow; a constant, as an array literal in the
  /// loop was made again for every caption.
  private static let tailJoiners = [" by ", " via "]

  /// Where the ASCII `needle` last occurs in the line's bytes.
  private static func lastOffset(of needle: String, in line: String) -> Int? {
    ValidUTF8.withBytes(of: line) { bytes in
      ValidUTF8.withBytes(of: needle) { pattern in
        guard bytes.count >= pattern.count else { return nil }
        var index = bytes.count - pattern.count
        while index >= 0 {
          if bytes[index] == pattern[0],
            bytes[index..<(index + pattern.count)].elementsEqual(pattern)
          {
            return index
          }
          index -= 1
        }
        return nil
      }
    }
  }

  /// A credit found inside a paragraph: the text before it, the credit, and the text
  /// after it (either may be empty).
  struct Inline {
    let before: String
    let credit: String
    let after: String
    let rule: String
  }

  /// The first explicit credit inside a longer line: `[Picture: Splash]`, `(Photo: X)`,
  /// or a sentence `Photograph by X.` (with the `Styled by Y.` sentences after it).
  static func inline(_ line: String, in tables: ParserTables) -> Inline? {
    if let found = bracketedInside(line, tables) { return found }
    return photographSentence(line, tables)
  }

  private static func bracketedInside(_ line: String, _ tables: ParserTables) -> Inline? {
    // Only a bracket opening a credit prefix (`[Picture:`, `(Photo by`) is looked at
    // further; the bytes decide that much, so long paragraphs pass quickly.
    let opens = ValidUTF8.withBytes(of: line) { bytes -> [Int] in
      var found: [Int] = []
      for bracket in Self.openingBrackets {
        var from = 0
        while let index = ByteSearch.firstIndex(of: bracket, in: bytes, from: from) {
          from = index + 1
          let after = Substring(
            decoding: UnsafeBufferPointer(rebasing: bytes[from..<min(bytes.count, from + 3)]),
            as: UTF8.self)
          if LayoutLine.mayStartCreditPrefix(after) { found.append(index) }
        }
      }
      return found.count > 1 ? found.sorted() : found
    }
    guard !opens.isEmpty else { return nil }
    let text = Substring(line)
    for offset in opens {
      let open = text.utf8.index(text.startIndex, offsetBy: offset)
      let searchFrom = text.index(after: open)
      let close: Character = text[open] == "[" ? "]" : ")"
      guard let end = text[searchFrom...].firstIndex(of: close) else { continue }
      let inner = text[searchFrom..<end]
      guard
        let (credit, rule) = CreditGrammar.prefixed(
          CreditGrammar.trimmedCredit(inner), in: tables)
      else { continue }
      return Inline(
        before: LayoutLine.trimmingWhitespace(text[..<open]), credit: credit,
        after: LayoutLine.trimmingWhitespace(text[text.index(after: end)...]),
        rule: "bracketed " + rule + " inside a paragraph")
    }
    return nil
  }

  /// Where `hoto` first starts, in any case, at or after `start`. Every paragraph passes
  /// here, so eight starting positions go at a step: four words loaded one byte apart,
  /// each ORed with 0x20 (which lowers ASCII letters and turns no other byte into one of
  /// `hot`) and XORed with its letter, are zero in a byte exactly where `hoto` starts; a
  /// zero byte is found with the borrow trick (exact for "is there any"), and only then
  /// are the step's positions compared one by one.
  static func hotoOffset(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    guard start >= 0, bytes.count - start >= 4, let base = bytes.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base)
    func word(_ offset: Int) -> UInt64 {
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        | 0x2020_2020_2020_2020
    }
    let hoto = UInt32(littleEndian: 0x6F74_6F68)
    func isHoto(at offset: Int) -> Bool {
      raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self) | 0x2020_2020 == hoto
    }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let (h, o, t) = (ones &* 0x68, ones &* 0x6F, ones &* 0x74)
    var offset = start
    // Words are read up to offset + 11: whole steps stop 11 bytes short of the end.
    func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & (ones &* 0x80) != 0 }
    while offset + 11 < bytes.count {
      // `ho` first, which few steps hold; the whole of `hoto` only where it does.
      let zeroWhereHo = (word(offset) ^ h) | (word(offset + 1) ^ o)
      if hasZeroByte(zeroWhereHo),
        hasZeroByte(zeroWhereHo | (word(offset + 2) ^ t) | (word(offset + 3) ^ o)),
        let found = (offset..<offset + 8).first(where: isHoto)
      {
        return found
      }
      offset += 8
    }
    while offset + 4 <= bytes.count {
      if isHoto(at: offset) { return offset }
      offset += 1
    }
    return nil
  }

  /// The sentence openings that credit a photographer, every one `p` + `hoto` + a tail.
  private static let photoOpenings = [
    "photographs by ", "photograph by ", "photography by ", "photo by ",
  ]
  private static let photoOpeningTails = photoOpenings.map { Array($0.utf8.dropFirst(5)) }

  /// Where each of `photoOpenings` first occurs in the bytes, in any ASCII case (-1 where
  /// it does not), or nil where none does (most paragraphs, which pass in one scan
  /// without an allocation): found from the places `hoto` stands, without lowering the
  /// line.
  private static func photoOpeningOffsets(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int]? {
    var offsets: [Int]?
    var from = 1
    while let hoto = hotoOffset(in: bytes, from: from) {
      from = hoto + 1
      let start = hoto - 1
      guard ValidUTF8.asciiLowercased(bytes[start]) == UInt8(ascii: "p") else { continue }
      let after = hoto + 4
      for (index, tail) in photoOpeningTails.enumerated()
      where after + tail.count <= bytes.count
        && tail.indices.allSatisfy({ ValidUTF8.asciiLowercased(bytes[after + $0]) == tail[$0] })
      {
        if offsets == nil { offsets = Array(repeating: -1, count: photoOpenings.count) }
        if offsets![index] < 0 { offsets![index] = start }
      }
    }
    return offsets
  }

  private static func photographSentence(_ line: String, _ tables: ParserTables) -> Inline? {
    guard let offsets = ValidUTF8.withBytes(of: line, photoOpeningOffsets) else { return nil }
    for (opening, offset) in zip(photoOpenings, offsets) where offset >= 0 {
      let text = Substring(line)
      let start = text.utf8.index(text.startIndex, offsetBy: offset)
      // It must open a sentence: at the line's start or after a sentence end.
      let before = text[..<start]
      guard
        before.isEmpty || before.hasSuffix(". ") || before.hasSuffix("” ")
          || before.hasSuffix("? ") || before.hasSuffix("! ")
      else { continue }
      let valueStart = text.utf8.index(start, offsetBy: opening.utf8.count)
      let sentenceEnd = text[valueStart...].range(of: ". ")?.lowerBound ?? text.endIndex
      let value = CreditGrammar.trimmedCredit(text[valueStart..<sentenceEnd])
      guard CreditGrammar.readsAsCredit(value, in: tables) else { continue }
      var rest = sentenceEnd < text.endIndex ? text[text.index(after: sentenceEnd)...] : ""
      rest = rest.drop { $0 == " " }
      // `Styled by Y.` and the like belong to the credit block.
      while LayoutPhrases.creditCompanions.contains(where: { rest.hasPrefix($0) }) {
        let end = rest.range(of: ". ")?.upperBound ?? rest.endIndex
        rest = rest[end...]
      }
      return Inline(
        before: LayoutLine.trimmingWhitespace(before), credit: String(value),
        after: LayoutLine.trimmingWhitespace(rest),
        rule: "sentence “\(opening)…” inside a paragraph")
    }
    return nil
  }
}
