/// Lines that read as headlines: links to other stories that lost their heading, and
/// the blocks around them (paragraphs, images) that decide whether they are links.
extension Furniture {
  /// A short line in the shape of a headline: several words, no full stop at its end.
  static func isHeadline(_ text: String) -> Bool {
    guard text.utf8.count <= FurniturePhrases.maximumHeadlineLength,
      text.split(separator: " ").count >= 2
    else { return false }
    return !endsLikeSentence(text, stops: ".,;")
  }

  /// How a line standing alone between paragraphs reads as a headline that lost its
  /// heading (a link to another story), if it does.
  enum OrphanHeadline {
    /// Title case (most longer words capitalised) or all in capitals.
    case titleCase
    /// Sentence case with names in it and no punctuation at its end (`Katie Holmes
    /// speaks out about giving daughter Suri a 'stable' childhood`): only trusted between
    /// two paragraphs, since a line cut short by a scraper looks the same.
    case sentenceCase
    /// As `sentenceCase`, but a question (`Oscars 2017: what's up for best film?`):
    /// only trusted after the story's end, since interviews are full of questions.
    case question
  }

  /// Whether the first scalar is a capital or an opening quote, on the byte where it is
  /// ASCII.
  private static func startsUppercaseOrQuoted(_ text: String) -> Bool {
    guard let byte = text.utf8.first else { return false }
    if byte < 0x80 { return byte &- 0x41 < 26 || byte == 0x22 || byte == 0x27 }
    guard let first = text.unicodeScalars.first else { return false }
    return first.properties.isUppercase || openingQuotes.contains(first)
  }

  /// `'s ` or `’s ` in any case (`Kelly Ripa's Guest Co-Hosts`).
  private static func hasPossessive(_ text: String) -> Bool {
    let lower = LowercasedLine(text)
    return lower.contains("'s ") || lower.contains("’s ")
  }

  /// A few words to a couple of dozen, no sentence end, not cut off mid-sentence, not a
  /// numbered item, a subheading (`Name: the chameleon`) or a credit.
  static func orphanHeadline(_ text: String, in tables: ParserTables) -> OrphanHeadline? {
    // A caption with its credit in brackets ends in a bracket; no headline does. (Four
    // words, the fewest a headline has, take seven bytes.)
    guard (7...FurniturePhrases.maximumHeadlineLength).contains(text.utf8.count),
      let lastByte = text.utf8.last,
      startsUppercaseOrQuoted(text)
    else { return nil }
    // Most lines have too few words or too many: counted on the bytes, without splitting,
    // and the cheaper tests go first.
    let wordCount = wordCount(text)
    guard (4...22).contains(wordCount) else { return nil }
    // A line of names alone is an image label or a subheading, unless it reads as a
    // headline: five words or more, or a possessive (`Kelly Ripa's Guest Co-Hosts`).
    let namesOnly =
      wordCount < 5 && CreditGrammar.isName(text) && !hasPossessive(text)
    guard !namesOnly else { return nil }
    let shouting = isShouting(text)
    // `Watch Name Dance To …`: a video promo, whatever its punctuation.
    let mayBeVideoPromo = text.hasPrefix("Watch ") || text.hasPrefix("WATCH ")
    let endsSentence = endsLikeSentence(text, stops: ".,;:…")
    guard shouting || mayBeVideoPromo || !endsSentence else { return nil }
    let words = text.utf8.split(separator: 0x20).map(Substring.init)
    guard let last = words.last?.lowercased(), !FurniturePhrases.danglingWords.contains(last)
    else { return nil }
    let videoPromo =
      mayBeVideoPromo && (words[1].first?.isUppercase ?? false)
      && !["below", "above", "here"].contains { text.lowercased().contains($0) }
    guard shouting || videoPromo || !endsSentence else { return nil }
    let long = words.filter { $0.utf8.count >= 4 && $0.first!.isLetter }
    let capitalised = long.filter { $0.first!.isUppercase }
    let kind: OrphanHeadline
    if shouting || videoPromo || long.count >= 3 && capitalised.count * 10 >= long.count * 8 {
      kind = .titleCase
    } else {
      let capitals = words.map { $0.first?.isUppercase ?? false }
      let namesSomeone = zip(capitals, capitals.dropFirst()).contains { $0 && $1 }
      guard lastByte != UInt8(ascii: ")"), lastByte != UInt8(ascii: "]"),
        words.count >= 6, words.count <= 20, namesSomeone, !isSubheading(words),
        !endsLikeSentence(text, stops: "!")
      else { return nil }
      kind = endsLikeSentence(text, stops: "?") ? .question : .sentenceCase
    }
    guard CreditGrammar.wholeLine(text, in: tables) == nil,
      LabelWithCredit.split(text, in: tables) == nil, CreditTail.split(text, in: tables) == nil
    else { return nil }
    return kind
  }

  /// The runs of bytes other than space, as `utf8.split(separator: 0x20)` counts them.
  private static func wordCount(_ text: String) -> Int {
    ValidUTF8.withBytes(of: text) { bytes in
      var count = 0
      var previous: UInt8 = 0x20
      for byte in bytes {
        if previous == 0x20, byte != 0x20 { count += 1 }
        previous = byte
      }
      return count
    }
  }

  /// A title-case headline of seven words or more.
  static func isFullHeadline(_ line: SourceLine, in tables: ParserTables) -> Bool {
    line.text.split(separator: " ").count >= 7
      && orphanHeadline(line.text, in: tables) == .titleCase
  }

  /// A line in capitals with several words (`ARE THEY MARRIED? CLICK HERE …`).
  static func isShouting(_ text: String) -> Bool {
    var letters = 0
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        if ("a"..."z").contains(scalar) { return false }
        if ("A"..."Z").contains(scalar) { letters += 1 }
      } else if scalar.properties.isLowercase {
        return false
      } else if scalar.properties.isAlphabetic {
        letters += 1
      }
    }
    return letters >= 12
  }

  /// `Victoria Beckham: the chameleon`: a name, a colon and a few lowercase words.
  private static func isSubheading(_ words: [Substring]) -> Bool {
    guard let colon = words.prefix(4).firstIndex(where: { $0.hasSuffix(":") }),
      colon + 1 < words.count
    else { return false }
    return words[colon + 1].first?.isLowercase ?? false
  }

  /// A block of running text: long, or ending in a full sentence.
  static func isParagraph(_ block: SourceBlock) -> Bool {
    let length = block.lines.reduce(0) { $0 + $1.text.utf8.count }
    guard let last = block.lines.last?.text else { return false }
    return length >= 150 || length >= 40 && endsLikeSentence(last, stops: ".!?")
  }

  /// Whether a block begins with an image: a credit line, a gallery marker, or a caption
  /// carrying its credit.
  static func startsImage(_ block: SourceBlock, in tables: ParserTables) -> Bool {
    guard let first = block.lines.first?.text else { return false }
    return LayoutLine.isGalleryMarker(first) || CreditGrammar.wholeLine(first, in: tables) != nil
      || CreditTail.split(first, in: tables) != nil
  }
}
