/// Recognises single lines of site furniture by their phrase (`FurniturePhrases`) or by
/// their shape (slide counters, embed short codes, tweet residue, comment prompts).
enum Furniture {
  /// The furniture phrase a line matches, if any.
  static func match(
    _ text: String, lower: LowercasedLine, hits: PhraseIndex.Hits, in tables: ParserTables
  ) -> FurniturePhrases.Phrase? {
    let core = trimmedCore(lower.bytes)
    // The tables are read in place, not copied: a copy retains each of their arrays.
    if core.count <= tables.furniture.longestWholePhrase, case let key = hash(core),
      tables.furniture.wholeKeys.contains(key), let entry = tables.furniture.whole[key],
      entry.core.elementsEqual(core)
    {
      return entry.phrase
    }
    guard text.utf8.count <= FurniturePhrases.maximumFurnitureLine else { return nil }
    if let phrase = startingPhrase(text, lower: lower, in: tables) { return phrase }
    if let hit = hits.first(.furniture) { return tables.furniture.containingPhrases[hit.phrase] }
    return nil
  }

  /// Lines whose shape makes them furniture, with the rule that says so.
  static func shape(_ text: String, lower: LowercasedLine, hits: PhraseIndex.Hits) -> (
    kind: FurnitureKind, rule: String
  )? {
    if isSlideCounter(text) { return (.navigation, "slide counter") }
    if let kind = countedReaction(lower) { return (kind, "a count of comments or shares") }
    if startsWithLinkBullet(text) {
      return (.related, "bulleted link")
    }
    if text.utf8.first == UInt8(ascii: "["), text.utf8.last == UInt8(ascii: "]") {
      let inner = text.dropFirst().dropLast()
      if let first = inner.first, first.isLowercase || inner.contains("=") {
        return (.embed, "embed short code")
      }
      return (.related, "bracketed headline link")
    }
    if isEmbeddedPostCredit(lower) { return (.embed, "embedded post's author and date") }
    // An ASCII first byte other than a digit is a first `Character` that is no number.
    if text.utf8.count <= 3, let first = text.utf8.first, first &- 0x30 < 10 || first >= 0x80,
      text.allSatisfy(\.isNumber)
    {
      return (.navigation, "page number")
    }
    if isWireInitials(text) { return (.signoff, "editors' initials") }
    if hits.contains(.readingTime), text.utf8.count <= 24 { return (.other, "reading time") }
    return nil
  }

  /// A prompt for readers to comment: a reader-address phrase in a short line that is
  /// neither a quotation nor holds one, or, near the end, a question to readers opening
  /// the line.
  static func isCommentPrompt(
    _ text: String, lower: LowercasedLine, hits: PhraseIndex.Hits, nearTheEnd: Bool
  ) -> Bool {
    guard text.utf8.count <= FurniturePhrases.maximumCommentPrompt, !startsWithQuote(text)
    else { return false }
    if hits.contains(.commentPrompt) || hits.contains(.commentMention) {
      let quotation = firstDoubleQuote(lower.bytes) ?? Int.max
      if let prompt = hits.first(.commentPrompt), prompt.offset < quotation { return true }
      // `… ignores in the comments surrounding the launch` describes; a prompt asks.
      let asks =
        lower.bytes.contains(UInt8(ascii: "?")) || lower.bytes.contains(UInt8(ascii: "!"))
        || lower.contains("below")
      if quotation == Int.max, asks, hits.contains(.commentMention) { return true }
      guard quotation == Int.max else { return false }
    }
    guard nearTheEnd, let last = text.unicodeScalars.last, last == "?" || last == "!" else {
      return false
    }
    let opening = droppingVocative(lower.bytes)
    return FurniturePhrases.readerQuestionOpenings.contains { opening.starts(with: $0.utf8) }
  }

  /// A call to act on the site itself that opens a sentence: `Sign up now for our
  /// newsletter`, `Just hit 'Like' on our Facebook page`, `…, subscribe to our channel`.
  static func isPromo(_ lower: LowercasedLine, hits: PhraseIndex.Hits) -> Bool {
    let bytes = lower.bytes
    guard bytes.count <= FurniturePhrases.maximumFurnitureLine, hits.contains(.promoObject)
    else { return false }
    var starts = [0]
    for index in bytes.indices.dropLast() where bytes[index + 1] == 0x20 {
      if [UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ",")].contains(
        bytes[index])
      {
        starts.append(index + 2)
      }
    }
    return starts.contains { start in
      guard start <= FurniturePhrases.maximumTextBeforePromo else { return false }
      var clause = bytes[start...]
      for lead in FurniturePhrases.promoLeads where clause.starts(with: lead.utf8) {
        clause = clause.dropFirst(lead.utf8.count)
      }
      guard
        let verb = FurniturePhrases.promoVerbs.first(where: { verb in
          clause.starts(with: verb.utf8)
            && (clause.count == verb.utf8.count
              || !ValidUTF8.isASCIILetterOrDigit(clause[clause.startIndex + verb.utf8.count]))
        })
      else { return false }
      // What to act on must follow the verb in the same sentence.
      let rest = LowercasedLine(bytes: Array(clause.dropFirst(verb.utf8.count)))
      let sentenceEnd = [". ", "? ", "! "].compactMap { rest.firstOffset(of: $0) }.min()
      return FurniturePhrases.promoObjects.contains { object in
        rest.firstOffset(of: object).map { $0 < (sentenceEnd ?? Int.max) } ?? false
      }
    }
  }

  /// `3 of 12`, `Slide 3/12`, `(3/12)`, `Photo 3 of 12`.
  static func isSlideCounter(_ text: String) -> Bool {
    guard text.utf8.count <= 24,
      ValidUTF8.withBytes(of: text, { $0.contains { $0 &- 0x30 < 10 } }), holdsOfOrSlash(text)
    else {
      return false
    }
    var words = text.lowercased().replacingOccurrences(of: "/", with: " of ")
      .split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" }).map(String.init)
    if let first = words.first, LayoutPhrases.slideWords.contains(first) { words.removeFirst() }
    guard words.count == 3, words[1] == "of", let number = Int(words[0]),
      let total = Int(words[2])
    else { return false }
    return number >= 1 && number <= total
  }

  /// Whether the line has a `/` or an `of` in any case: a slide counter has one, and
  /// most short lines with a number (`Label 12`) are ruled out without building words.
  /// (No scalar but `O` and `F` lowercases to an ASCII `o` or `f`.)
  private static func holdsOfOrSlash(_ text: String) -> Bool {
    ValidUTF8.withBytes(of: text) { bytes in
      bytes.contains(UInt8(ascii: "/"))
        || zip(bytes, bytes.dropFirst()).contains {
          $0 | 0x20 == UInt8(ascii: "o") && $1 | 0x20 == UInt8(ascii: "f")
        }
    }
  }

  /// The last run of bytes other than space and colon, as a string.
  private static func lastWord(of bytes: [UInt8]) -> String {
    let isSeparator = { (byte: UInt8) in byte == 0x20 || byte == 0x3A }
    guard let end = bytes.lastIndex(where: { !isSeparator($0) }) else { return "" }
    let start = bytes[..<end].lastIndex(where: isSeparator).map { $0 + 1 } ?? 0
    return String(decoding: bytes[start...end], as: UTF8.self)
  }

  /// The words a count of reactions ends with, as `countedReaction` tells them apart.
  private static let reactionWords: Set<String> = [
    "comment", "comments", "replies", "reply", "responses", "share", "shares", "likes",
    "views",
  ]

  /// `243 comments`, `View 57 Comments`, `3 comments:`, `1.2K shares`.
  private static func countedReaction(_ lower: LowercasedLine) -> FurnitureKind? {
    // Every reaction word ends in a letter: a line whose last word does not is no count.
    guard lower.bytes.count <= 30,
      let last = lower.bytes.last(where: { $0 != 0x20 && $0 != 0x3A }), last &- 0x61 < 26,
      lower.bytes.contains(where: { $0 &- 0x30 < 10 }),
      reactionWords.contains(lastWord(of: lower.bytes))
    else {
      return nil
    }
    var words = String(decoding: lower.bytes, as: UTF8.self)
      .split(whereSeparator: { $0 == " " || $0 == ":" }).map(String.init)
    if words.first == "view" || words.first == "see" { words.removeFirst() }
    guard words.count == 2, let count = words.first, count.first?.isNumber ?? false,
      count.allSatisfy({ $0.isNumber || ",.k".contains($0) })
    else { return nil }
    switch words[1] {
    case "comment", "comments", "replies", "reply", "responses": return .comment
    case "share", "shares", "likes", "views": return .share
    default: return nil
    }
  }

  /// Where in a block (line positions, in order) a bar of share buttons stands: two or
  /// more lines in a row, each a platform's name or a share word (`Facebook`, `Twitter`,
  /// `Email`, `Share to X`).
  static func shareBarLines(_ lines: [SourceLine], in tables: ParserTables) -> [Int] {
    // Every block passes here: most have no two short lines in a row, found without
    // allocating.
    func isShort(_ index: Int) -> Bool { lines[index].text.utf8.count <= longestShareButton }
    guard lines.indices.dropFirst().contains(where: { isShort($0) && isShort($0 - 1) }) else {
      return []
    }
    // A button next to another button: each pair found adds the first (unless the pair
    // before added it) and the second.
    var bar: [Int] = []
    var previousIsButton = false
    for index in lines.indices {
      let isButton = isShort(index) && isShareButton(lines[index].text, tables)
      if isButton, previousIsButton {
        if bar.last != index - 1 { bar.append(index - 1) }
        bar.append(index)
      }
      previousIsButton = isButton
    }
    return bar
  }

  private static let longestShareButton = 24

  /// Whether the first `Character` is a link bullet. Each bullet is one scalar that no
  /// other is equivalent to, so a line whose first scalar is none of them (most lines, and
  /// those opening with a curly quote, whose lead byte a bullet shares) is ruled out on
  /// its bytes.
  private static func startsWithLinkBullet(_ text: String) -> Bool {
    guard let lead = text.utf8.first, lead >= 0x80 else { return false }
    let first = ValidUTF8.withBytes(of: text) { ValidUTF8.scalar(in: $0, at: 0).scalar }
    guard linkBulletScalars.contains(first), let character = text.first else { return false }
    return FurniturePhrases.linkBullets.contains(character)
  }

  private static let linkBulletScalars = FurniturePhrases.linkBullets.map {
    $0.unicodeScalars.first!
  }

  private static func isShareButton(_ text: String, _ tables: ParserTables) -> Bool {
    guard text.utf8.count <= longestShareButton else { return false }
    // Most short lines (labels) are ruled out on their bytes: ASCII text lowers as its
    // bytes do, so a hash that no button nor platform has means neither matches.
    // Hashed on its bytes: a hash over `String.UTF8View` cost forty instructions a byte.
    if ValidUTF8.isASCII(text),
      !tables.furniture.shareButtonWords.contains(HashFilter.lowercaseHash(text)),
      text.utf8.count < 6
        || !zip(text.utf8, "share ".utf8).allSatisfy({ ValidUTF8.asciiLowercased($0) == $1 })
    {
      return false
    }
    let lower = text.lowercased()
    if FurniturePhrases.shareButtons.contains(lower) { return true }
    if lower.hasPrefix("share to ") || lower.hasPrefix("share on ") { return true }
    return tables.sources.source(spelled: lower).map { $0.kind == .platform } ?? false
  }

  /// `cd/jh/rmb`: the initials wire editors sign a story with.
  private static func isWireInitials(_ text: String) -> Bool {
    // Two slashes, the rarest part, are looked for first.
    text.utf8.count <= 24
      && ValidUTF8.withBytes(of: text) { bytes in
        bytes.count(where: { $0 == UInt8(ascii: "/") }) >= 2
          && bytes.allSatisfy { $0 &- 0x61 < 26 || $0 == UInt8(ascii: "/") }
      }
  }

  /// `-- ` (the mail signature separator) or a rule of underscores or dashes that starts
  /// a mailing list's footer.
  static func isSignatureStart(_ text: String) -> Bool {
    // Every line of every page passes here: the first byte rules out nearly all of them.
    guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "_")
    else { return false }
    return text == "--" || text == "-- "
      || text.utf8.first == UInt8(ascii: "_") && text.utf8.count >= 10
        && text.utf8.allSatisfy { $0 == UInt8(ascii: "_") }
  }

  /// `— Name (@handle) October 28, 2016`, as flattened tweets end: a handle in
  /// parentheses, then a month name and a year.
  private static func isEmbeddedPostCredit(_ lower: LowercasedLine) -> Bool {
    // `(@`, `)`, a month and a year take ten bytes at the least.
    guard lower.bytes.count >= 10, let handle = lower.firstOffset(of: "(@"),
      let close = lower.bytes[handle...].firstIndex(of: UInt8(ascii: ")"))
    else { return false }
    let after = String(decoding: lower.bytes[(close + 1)...].prefix(30), as: UTF8.self)
    let tokens = CalendarDay.tokens(after).prefix(5)
    return tokens.contains { CalendarDay.months[$0] != nil }
      && tokens.contains { $0.count == 4 && Int($0).map { (1990...2100).contains($0) } ?? false }
  }

  /// Where the first double quotation mark (`"`, `“`, `”`) is, in bytes.
  private static func firstDoubleQuote(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { line in
      let straight = ByteSearch.firstIndex(of: 0x22, in: line)
      var from = 0
      while let lead = ByteSearch.firstIndex(of: 0xE2, in: line, from: from) {
        if let straight, straight < lead { return straight }
        if lead + 2 < line.count, line[lead + 1] == 0x80,
          line[lead + 2] == 0x9C || line[lead + 2] == 0x9D
        {
          return lead
        }
        from = lead + 1
      }
      return straight
    }
  }

  /// Whether the line opens with a quotation mark (it is someone's words).
  private static func startsWithQuote(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return false }
    if first < 0x80 { return first == 0x22 || first == 0x27 }
    return text.unicodeScalars.first.map(openingQuotes.contains) ?? false
  }

  // MARK: Helpers

  static let openingQuotes: Set<Unicode.Scalar> = ["\"", "“", "‘", "'", "«", "„"]

  /// Whether the line ends with one of `stops` once closing quotes are set aside.
  static func endsLikeSentence(_ text: String, stops: String) -> Bool {
    // Most lines end in ASCII that is no closing mark: that byte is the last scalar, and
    // no multi-byte scalar of `stops` holds an ASCII byte.
    if let lastByte = text.utf8.last, lastByte < 0x80, lastByte != UInt8(ascii: "\""),
      lastByte != UInt8(ascii: "'"), lastByte != UInt8(ascii: ")")
    {
      // On the stops' bytes: `contains` over `String.UTF8View` cost 300 instructions.
      return ValidUTF8.withBytes(of: stops) { ByteSearch.firstIndex(of: lastByte, in: $0) != nil }
    }
    // The rest steps back scalar by scalar on the bytes (a caption ends in `)`).
    let last = ValidUTF8.withBytes(of: text) { bytes -> Unicode.Scalar? in
      var end = bytes.count
      while end > 0 {
        var start = end - 1
        while start > 0, !ValidUTF8.isScalarStart(bytes[start]) { start -= 1 }
        let scalar = ValidUTF8.scalar(in: bytes, at: start).scalar
        guard isClosingMark(scalar) else { return scalar }
        end = start
      }
      return nil
    }
    guard let last else { return true }
    return stops.unicodeScalars.contains(last)
  }

  /// `"` `”` `’` `'` `»` `)`: what may close a sentence after its stop.
  private static func isClosingMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "”", "’", "'", "»", ")": true
    default: false
    }
  }

  /// The line without an opening address such as `HollywoodLifers, ` or `So, `.
  private static func droppingVocative(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
    guard let comma = bytes.prefix(40).firstIndex(of: UInt8(ascii: ",")),
      bytes[..<comma].filter({ $0 == 0x20 }).count <= 2
    else { return bytes[...] }
    return bytes[(comma + 1)...].drop { $0 == 0x20 }
  }

  /// The bytes without punctuation and spaces at the ends.
  static func trimmedCore(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
    let isTrimmed = { (byte: UInt8) in
      byte < 0x80 && !ValidUTF8.isASCIILetterOrDigit(byte) && byte != UInt8(ascii: "'")
        && byte != UInt8(ascii: "!") && byte != UInt8(ascii: "+")
    }
    guard let start = bytes.firstIndex(where: { !isTrimmed($0) }),
      let end = bytes.lastIndex(where: { !isTrimmed($0) })
    else { return [] }
    return bytes[start...end]
  }

  /// FNV-1a of the bytes.
  static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }
}
