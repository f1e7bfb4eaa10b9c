import Foundation
import Testing

@testable import MarqueeCore

/// The parser's hot paths read UTF-8 bytes instead of asking every scalar for its
/// Unicode properties. These tests hold the byte-level shortcuts to the property-based
/// rules they replace, over every scalar where that is cheap.
@Suite("Byte-level scanning agrees with Unicode properties")
struct ByteScanningTests {
  /// Every Unicode scalar value (surrogates have none).
  private static let allScalars: [Unicode.Scalar] = (0...0x10_FFFF).compactMap(Unicode.Scalar.init)

  @Test func spaceTableIsTabAndTheSpaceSeparators() {
    for scalar in Self.allScalars {
      let expected = scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
      #expect(TextCleaning.isSpace(scalar) == expected, "U+\(String(scalar.value, radix: 16))")
    }
  }

  /// A line the byte check passes as clean must come out of clean-up unchanged, whatever
  /// scalar it holds.
  @Test func alreadyCleanNeverSkipsAScalarCleanUpWouldChange() {
    for scalar in Self.allScalars {
      let line = "a\(scalar)b"
      let passed = ValidUTF8.withBytes(of: line, TextCleaning.isAlreadyClean)
      if passed {
        #expect(TextCleaning.terminalSafe(line) == line, "U+\(String(scalar.value, radix: 16))")
      }
    }
  }

  /// Long lines go through the eight-bytes-at-a-time path; it must agree with the rule.
  @Test func alreadyCleanAgreesWithTheRuleOnLongLines() {
    var generator = SeededGenerator(seed: 21)
    let pool = [
      "a", "Z", "~", " ", " ", "\u{1}", "\u{1F}", "\u{7F}", "é", "’", "\u{A0}", "\u{200B}",
    ]
    for _ in 0..<5_000 {
      let line = randomText(from: pool, pieces: 0..<40, &generator)
      let expected =
        TextCleaning.terminalSafe(line) == line && !line.contains("  ")
        && !line.hasPrefix(" ") && !line.hasSuffix(" ")
      #expect(
        ValidUTF8.withBytes(of: line, TextCleaning.isAlreadyClean) == expected,
        "\(line.debugDescription)")
    }
  }

  @Test func alreadyCleanLetsCommonTypographyThrough() {
    for line in ["Beyoncé’s “Renaissance” — tour…", "Zoë Søren 「月影」 😀", "a b"] {
      #expect(ValidUTF8.withBytes(of: line, TextCleaning.isAlreadyClean), "\(line)")
    }
    for line in [" a", "a ", "a  b", "a\u{A0}b", "a\u{200B}", "a\tb", "\u{FEFF}a"] {
      #expect(
        !ValidUTF8.withBytes(of: line, TextCleaning.isAlreadyClean), "\(line.debugDescription)")
    }
  }

  @Test func wordCountClassifiesEveryScalarAsThePropertiesDo() {
    for scalar in Self.allScalars {
      let properties = scalar.properties
      let alone =
        properties.isWhitespace
        ? 0 : (properties.isAlphabetic || properties.numericType != nil) ? 1 : 0
      let hex = String(scalar.value, radix: 16)
      #expect(WordCount.of(String(scalar)) == alone, "U+\(hex)")
      #expect(WordCount.of("x\(scalar)y") == (properties.isWhitespace ? 2 : 1), "U+\(hex)")
    }
  }

  @Test func whitespaceTrimAgreesWithFoundationForEveryScalar() {
    for scalar in Self.allScalars {
      let expected = CharacterSet.whitespaces.contains(scalar)
      #expect(
        LayoutLine.isFoundationWhitespace(scalar) == expected,
        "U+\(String(scalar.value, radix: 16))")
    }
    var generator = SeededGenerator(seed: 5)
    let pool = [" ", "\t", "\u{A0}", "\u{200B}", "\u{3000}", "a", "\u{301}", "😀", "’", "\u{85}"]
    for _ in 0..<2_000 {
      let text = randomText(from: pool, pieces: 0..<8, &generator)
      #expect(
        LayoutLine.trimmingWhitespace(text[...]) == text.trimmingCharacters(in: .whitespaces),
        "\(text.debugDescription)")
    }
  }

  /// Layout phrases are compared without Foundation where the answer is certain; with
  /// any scalar inserted, and with look-alikes, the answer must stay Foundation's.
  @Test func phraseComparisonAgreesWithFoundation() {
    let phrase = "view gallery"
    for scalar in Self.allScalars {
      for text in ["\(scalar)\(phrase)", "view\(scalar) gallery", "VIEW GALLERY\(scalar)"] {
        let expected = text.caseInsensitiveCompare(phrase) == .orderedSame
        #expect(
          LayoutLine.equalsIgnoringCase(text, phrase) == expected,
          "U+\(String(scalar.value, radix: 16))")
      }
    }
    for text in ["View Gallery", "view gallery ", "vıew gallery", "\u{212A}", "ﬆ", "VİEW gallery"] {
      for phrase in ["view gallery", "k", "st"] {
        let expected = text.caseInsensitiveCompare(phrase) == .orderedSame
        #expect(LayoutLine.equalsIgnoringCase(text, phrase) == expected, "\(text) \(phrase)")
      }
    }
  }

  @Test func onlyAnHLowercasesToALeadingH() {
    let leadingH = Self.allScalars.filter { String($0).lowercased().unicodeScalars.first == "h" }
    #expect(leadingH == ["H", "h"])
  }

  @Test func urlLinesAreRecognisedWhateverTheirCase() {
    for line in ["https://example.com/a", "HTTP://EXAMPLE.COM/A", "Https://x.co/ab"] {
      #expect(LayoutLine.isURL(line), "\(line)")
    }
    for line in ["http://", "hello world", "Http is a protocol", "ｈttps://example.com/a", "é"] {
      #expect(!LayoutLine.isURL(line), "\(line)")
    }
  }

  /// The phrase index samples a line every few bytes; it must find the same earliest
  /// phrase of each list as searching for every phrase at every position does.
  @Test func phraseIndexFindsWhatAPlainSearchFinds() {
    let lists = [
      FurniturePhrases.commentPromptPhrases, FurniturePhrases.commentMentionPhrases,
      FurniturePhrases.promoObjects, ParserTables.builtIn.furniture.containingPhrases.map(\.phrase),
      FurniturePhrases.readingTimeWords,
    ]
    let listKinds: [PhraseIndex.List] = [
      .commentPrompt, .commentMention, .promoObject, .furniture, .readingTime,
    ]
    var generator = SeededGenerator(seed: 29)
    let phrases = lists.flatMap { $0 }
    let filler = ["a", " ", "the ", "x", "é", ".", "comment", "tell", "us ", "in the "]
    for _ in 0..<3_000 {
      var line = ""
      for _ in 0..<Int.random(in: 0..<24, using: &generator) {
        line +=
          Bool.random(using: &generator)
          ? filler.randomElement(using: &generator)!
          : phrases.randomElement(using: &generator)!
      }
      let bytes = Array(line.utf8)
      let hits = ParserTables.builtIn.phrases.scan(bytes)
      for (list, kind) in zip(lists, listKinds) {
        var expected: (offset: Int, phrase: Int)?
        for offset in bytes.indices where expected == nil {
          for (position, phrase) in list.enumerated()
          where bytes[offset...].starts(with: phrase.utf8) {
            expected = (offset, position)
            break
          }
        }
        let found = hits.first(kind)
        #expect(found?.offset == expected?.offset, "\(kind) in \(line.debugDescription)")
        #expect(
          found.map { list[$0.phrase] }.map { bytes[found!.offset...].starts(with: $0.utf8) }
            ?? true, "\(kind) in \(line.debugDescription)")
      }
    }
  }

  @Test func lowercasedLineFindsWhatAPlainSearchFinds() {
    var generator = SeededGenerator(seed: 31)
    let pool = ["a", "b", " ", "ab", "é", "by ", " by", "hoto"]
    for _ in 0..<3_000 {
      let line = randomText(from: pool, pieces: 0..<16, &generator)
      let needle = randomText(from: pool, pieces: 1..<4, &generator)
      let bytes = Array(line.utf8)
      let start = Int.random(in: 0...bytes.count, using: &generator)
      let expected = (start..<max(start, bytes.count)).first {
        bytes[$0...].starts(with: needle.utf8)
      }
      let found = LowercasedLine(bytes: bytes).firstOffset(of: needle, from: start)
      #expect(found == expected, "\(needle.debugDescription) in \(line.debugDescription)")
    }
  }

  @Test func lettersAreLoweredEightBytesAtATimeAsOneByOne() {
    var generator = SeededGenerator(seed: 41)
    for _ in 0..<2_000 {
      let count = Int.random(in: 0..<40, using: &generator)
      let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      var lowered = bytes
      lowered.withUnsafeMutableBufferPointer(LowercasedLine.lowerASCIILetters)
      #expect(lowered == bytes.map(ValidUTF8.asciiLowercased), "\(bytes)")
    }
  }

  @Test func hotoIsFoundInAnyCaseWhereverItStands() {
    var generator = SeededGenerator(seed: 37)
    let pool = ["h", "H", "o", "O", "t", "T", "x", " ", "é", "hoto", "HoTo", "(", "\u{48}"]
    for _ in 0..<5_000 {
      let line = randomText(from: pool, pieces: 0..<30, &generator)
      let expected = line.lowercased().contains("hoto")
      let found = ValidUTF8.withBytes(of: line) { CreditTail.hotoOffset(in: $0) != nil }
      #expect(found == expected, "\(line.debugDescription)")
      // From any start, the offset is the first where the lowered bytes read `hoto`.
      let lowered = Array(line.utf8).map(ValidUTF8.asciiLowercased)
      let start = Int.random(in: 0...lowered.count, using: &generator)
      let naive = (start..<max(start, lowered.count - 3)).first {
        lowered[$0..<$0 + 4].elementsEqual("hoto".utf8)
      }
      let offset = ValidUTF8.withBytes(of: line) { CreditTail.hotoOffset(in: $0, from: start) }
      #expect(offset == naive, "\(line.debugDescription) from \(start)")
    }
  }

  /// Mixed text, and long ASCII runs with the bytes at the edges of the classes (`/` `:`
  /// `@` `[` `` ` `` `{`, the controls around tab–CR).
  @Test func wordCountAgreesWithSplittingAtWhiteSpace() {
    let mixed = [
      "a", "Z", "7", " ", " ", "\t", "\n", ".", "-", "é", "’", "\u{A0}", "\u{3000}", "😀",
    ]
    let ascii =
      ["a", "z", "A", "Z", "0", "9", "word", " ", "\t", "\n", "\u{B}", "\u{C}", "\r"]
      + ["/", ":", "@", "[", "`", "{", "\u{8}", "\u{E}", "\u{1F}", "!", "~", "\u{7F}"]
    var generator = SeededGenerator(seed: 17)
    for (pool, pieces) in [(mixed, 0..<60), (ascii, 0..<40)] {
      for _ in 0..<4_000 {
        let text = randomText(from: pool, pieces: pieces, &generator)
        let words = text.unicodeScalars.split { $0.properties.isWhitespace }.filter { word in
          word.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        }
        #expect(WordCount.of(text) == words.count, "\(text.debugDescription)")
      }
    }
  }

  @Test func asciiNeedlesAreFoundWhereTheirBytesStand() {
    var generator = SeededGenerator(seed: 41)
    let pool = [" ", "a", "n", "d", "and", " and ", ",", "é", "A", "\u{301}", "an d"]
    for _ in 0..<3_000 {
      let text = randomText(from: pool, pieces: 0..<12, &generator)
      let bytes = Array(text.utf8)
      func naive(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return false }
        return (0...(bytes.count - pattern.count)).contains {
          bytes[$0..<$0 + pattern.count].elementsEqual(pattern)
        }
      }
      #expect(
        ValidUTF8.contains(text, ascii: " and ") == naive(" and "), "\(text.debugDescription)")
      #expect(ValidUTF8.contains(text, ascii: ",") == naive(","), "\(text.debugDescription)")
    }
  }

  @Test func sentenceEndsAreFoundBehindClosingMarksOnTheBytes() {
    var generator = SeededGenerator(seed: 43)
    let pool = ["a", ".", "?", "…", ")", "\"", "”", "’", "'", "»", "é", " ", "😀", ",", "\u{301}"]
    let closing: Set<Unicode.Scalar> = ["\"", "”", "’", "'", "»", ")"]
    for _ in 0..<5_000 {
      let text = randomText(from: pool, pieces: 0..<8, &generator)
      var scalars = text.unicodeScalars[...]
      while let last = scalars.last, closing.contains(last) { scalars = scalars.dropLast() }
      let expected = scalars.last.map { ".!?…".unicodeScalars.contains($0) } ?? true
      #expect(
        Furniture.endsLikeSentence(text, stops: ".!?…") == expected, "\(text.debugDescription)")
    }
  }

  /// Only `;`, `` ` `` and `K` among printable ASCII have a canonically equivalent scalar,
  /// and nothing is equivalent to `•`: what CharacterAffix and the list-item test rely on.
  @Test func fewScalarsEqualAnASCIICharacterOrBullet() {
    let targets = Set((0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) } + ["•"])
    var equivalents: [Character] = []
    for scalar in Self.allScalars where !scalar.isASCII && scalar != "•" {
      let character = Character(scalar)
      if targets.contains(character) {
        equivalents.append(targets.first { $0 == character }!)
      }
    }
    #expect(equivalents.sorted() == [";", "K", "`"])
  }

  @Test func affixTestsAgreeWithCharacterComparison() {
    var generator = SeededGenerator(seed: 3)
    let pool = [
      "(", ")", ".", ").", "- ", " ", "a", "é", "\u{301}", "\u{600}", "\u{200D}", "😀", "\u{37E}",
      "•", "• ",
    ]
    for _ in 0..<5_000 {
      let text = randomText(from: pool, pieces: 0..<6, &generator)
      let line = Substring(text)
      for affix in ["(", ")", ").", "- ", "* ", "• "] {
        #expect(
          CharacterAffix.hasPrefix(line, affix) == line.hasPrefix(affix), "\(text.debugDescription)"
        )
        #expect(
          CharacterAffix.hasSuffix(line, affix) == line.hasSuffix(affix), "\(text.debugDescription)"
        )
      }
    }
  }

  @Test func ellipsisSearchAgreesWithFoundation() {
    var generator = SeededGenerator(seed: 9)
    let pool = [".", ". ", "…", "a", "Getty", "é", "\u{301}", "\u{2024}"]
    for _ in 0..<3_000 {
      let text = randomText(from: pool, pieces: 0..<6, &generator)
      let expected = text.contains("..") || text.contains("…")
      #expect(LayoutLine.containsEllipsis(text) == expected, "\(text.debugDescription)")
    }
  }

  /// The byte splitter gives the lines that splitting `Character`s at `"\n"` gives,
  /// including where CR LF is one `Character` and where a combining mark joins a space.
  @Test func blockSplitMatchesCharacterSplitting() {
    var generator = SeededGenerator(seed: 11)
    let pool = ["\n", "\n", "\r", " ", "\t", "a", "Bé", "\u{301}", "\u{A0}", "\u{1B}[m", "’"]
    for _ in 0..<3_000 {
      let text = randomText(from: pool, pieces: 0..<25, &generator)
      let split = SourceBlock.split(text).map { $0.lines.map { "\($0.indented)|\($0.text)" } }
      #expect(split == characterSplit(text), "\(text.debugDescription)")
    }
  }

  /// The splitter as first written, on `Character`s: the reference for the byte version.
  private func characterSplit(_ text: String) -> [[String]] {
    var blocks: [[String]] = []
    var current: [String] = []
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let cleaned = TextCleaning.clean(raw)
      if cleaned.isEmpty {
        if !current.isEmpty { blocks.append(current) }
        current = []
      } else {
        current.append("\(raw.first == " " || raw.first == "\t")|\(cleaned)")
      }
    }
    if !current.isEmpty { blocks.append(current) }
    return blocks
  }
}

/// Pieces drawn at random from `pool`, joined: a count in `pieces`.
func randomText(
  from pool: [String], pieces: Range<Int>, _ generator: inout SeededGenerator
) -> String {
  (0..<Int.random(in: pieces, using: &generator)).map { _ in
    pool.randomElement(using: &generator)!
  }.joined()
}
