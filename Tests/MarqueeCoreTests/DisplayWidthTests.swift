import Testing

@testable import MarqueeCore

// MARK: - DisplayWidth

@Test func asciiIsOneColumnPerPrintableByte() {
  #expect(DisplayWidth.of("") == 0)
  #expect(DisplayWidth.of("a") == 1)
  #expect(DisplayWidth.of("Hello, world!") == 13)
  #expect(DisplayWidth.of("Hello, world!".dropFirst(7)) == 6)
  // Controls move the cursor rather than draw, so they take no column.
  #expect(DisplayWidth.of("a\tb\n") == 2)
  #expect(DisplayWidth.of("\u{1B}\u{7F}") == 0)
  #expect(DisplayWidth.of(Character("\r\n")) == 0)
  #expect(DisplayWidth.of(Character("~")) == 1)
}

@Test func asciiFastPathAgreesWithClusterPath() {
  var generator = SeededGenerator(seed: 7)
  for _ in 0..<200 {
    let length = Int.random(in: 0...40, using: &generator)
    let bytes = (0..<length).map { _ in UInt8.random(in: 0...0x7F, using: &generator) }
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(DisplayWidth.of(text) == DisplayWidth.clusterColumns(text))
  }
}

@Test func precomposedAndDecomposedAccentsMeasureTheSame() {
  let composed = "Beyonc\u{E9}"
  let decomposed = "Beyonce\u{301}"
  #expect(composed.unicodeScalars.count == 7)
  #expect(decomposed.unicodeScalars.count == 8)
  #expect(DisplayWidth.of(composed) == 7)
  #expect(DisplayWidth.of(decomposed) == 7)
  #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
  // A mark with no base has nothing to sit on and takes no column of its own.
  #expect(DisplayWidth.of(Character("\u{301}")) == 0)
}

@Test func eastAsianWideTextIsTwoColumnsPerCluster() {
  #expect(DisplayWidth.of("日本語") == 6)
  #expect(DisplayWidth.of("한국어") == 6)
  #expect(DisplayWidth.of("カタカナ") == 8)
  #expect(DisplayWidth.of("ＡＢ") == 4)
  #expect(DisplayWidth.of("a日b") == 4)
  // Hangul written as conjoining jamo: the vowel and final merge into the leading consonant.
  #expect(DisplayWidth.of(Character("\u{1112}\u{1161}\u{11AB}")) == 2)
}

@Test func wideTableEdges() {
  func width(_ value: UInt32) -> Int {
    DisplayWidth.of(Character(Unicode.Scalar(value)!))
  }
  #expect(width(0x10FF) == 1)
  #expect(width(0x1100) == 2)
  #expect(width(0x115F) == 2)
  #expect(width(0x303E) == 2)
  #expect(width(0x303F) == 1)
  #expect(width(0x4E00) == 2)
  #expect(width(0x9FFF) == 2)
  #expect(width(0xA4D0) == 1)
  #expect(width(0xD7A3) == 2)
  #expect(width(0xFF01) == 2)
  #expect(width(0xFF61) == 1)  // halfwidth ideographic full stop
  #expect(width(0x2A6D6) == 2)
  #expect(width(0x3FFFD) == 2)
}

@Test func wideTableIsSortedAndDisjoint() {
  let ranges = DisplayWidth.wideRanges
  #expect(!ranges.isEmpty)
  for (earlier, later) in zip(ranges, ranges.dropFirst()) {
    #expect(earlier.upperBound < later.lowerBound, "\(earlier) overlaps or precedes \(later)")
  }
}

@Test func emojiPresentationIsTwoColumns() {
  #expect(DisplayWidth.of("😀") == 2)
  #expect(DisplayWidth.of("👍🏽") == 2)
  #expect(DisplayWidth.of("🇯🇵") == 2)
  #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 2)
  #expect(DisplayWidth.of("\u{2764}") == 1)
  #expect(DisplayWidth.of("#\u{FE0F}\u{20E3}") == 2)  // keycap
  #expect(DisplayWidth.of("🇯🇵🇫🇷") == 4)
  // Emoji_Presentation scalars outside the wide table: a lone regional indicator, U+1F7F0.
  #expect(DisplayWidth.of(Character("\u{1F1EF}")) == 2)
  #expect(DisplayWidth.of(Character("\u{1F7F0}")) == 2)
  #expect(DisplayWidth.of("ok 👍") == 5)
}

/// A terminal that measures with `wcwidth` draws each emoji of a ZWJ sequence in its own
/// cells, the joiners in none; the sequence takes what they add up to.
@Test func zwjSequenceIsTheSumOfItsEmoji() {
  #expect(DisplayWidth.of("👩‍👩‍👧") == 6)
  #expect(DisplayWidth.of("👨‍👩‍👧‍👦") == 8)
  #expect(DisplayWidth.of("👩‍❤️‍👨") == 5)  // the heart is narrow without its U+FE0F
  #expect(DisplayWidth.of("🏳️‍🌈") == 3)
  #expect(DisplayWidth.of("❤️‍🔥") == 3)
  #expect(DisplayWidth.of("a 👨‍👩‍👧‍👦 b") == 12)
  // A joiner that joins nothing adds nothing.
  #expect(DisplayWidth.of(Character("日\u{200D}")) == 2)
}

@Test func zeroWidthScalarsAlone() {
  #expect(DisplayWidth.of("\u{200D}") == 0)
  #expect(DisplayWidth.of(Character("\u{200D}")) == 0)
  #expect(DisplayWidth.of(Character("\u{FE0F}")) == 0)
  #expect(DisplayWidth.of("\u{200B}") == 0)
  // A variation selector after plain text does not make it an emoji.
  #expect(DisplayWidth.of(Character("a\u{FE0F}")) == 1)
  // A conjoining Hangul vowel only adds to a leading consonant's cells.
  #expect(DisplayWidth.of(Character("\u{1161}")) == 0)
  // SOFT HYPHEN is a format character, yet terminals draw it, so it keeps its column.
  #expect(DisplayWidth.of("co\u{AD}op") == 5)
}

// MARK: - wrap

@Test func wrapsASentenceGreedily() {
  let lines = TextWrapper.wrap("The quick brown fox jumps over the lazy dog", width: 10)
  #expect(lines == ["The quick", "brown fox", "jumps over", "the lazy", "dog"])
}

@Test func wrapCollapsesAndDropsSpaces() {
  #expect(TextWrapper.wrap("  one   two  ", width: 20) == ["one two"])
  #expect(TextWrapper.wrap("one\ttwo\nthree", width: 7) == ["one two", "three"])
  #expect(TextWrapper.wrap("", width: 10) == [""])
  #expect(TextWrapper.wrap("    ", width: 10) == [""])
  // A no-break space holds its words together.
  #expect(TextWrapper.wrap("at 10\u{A0}km", width: 6) == ["at", "10\u{A0}km"])
}

@Test func wrapsCJKWithoutSpacesBetweenAnyClusters() {
  let text = "日本語のテキストを折り返す"
  let lines = TextWrapper.wrap(text, width: 5)
  #expect(lines == ["日本", "語の", "テキ", "スト", "を折", "り返", "す"])
  for line in lines {
    #expect(DisplayWidth.of(line) <= 5)
  }
  #expect(lines.flatMap { Array($0) } == Array(text))
  #expect(lines.joined() == text)
}

@Test func wrapKeepsPunctuationOffLineStarts() {
  let lines = TextWrapper.wrap("日本語。日本語。", width: 6)
  #expect(lines == ["日本", "語。日", "本語。"])
  let quoted = TextWrapper.wrap("「日本」です", width: 4)
  #expect(quoted.allSatisfy { !$0.hasPrefix("」") && !$0.hasSuffix("「") })
  #expect(quoted.joined() == "「日本」です")
}

@Test func wrapsLatinNextToCJK() {
  #expect(TextWrapper.wrap("Swift是一种编程语言", width: 8) == ["Swift是", "一种编程", "语言"])
  // The CJK run fits a line on its own, but a break inside it fills the first line.
  #expect(TextWrapper.wrap("ab 日本語", width: 6) == ["ab 日", "本語"])
}

@Test func splitsAWordWiderThanTheLine() {
  let lines = TextWrapper.wrap("a supercalifragilistic b", width: 6)
  #expect(lines == ["a", "superc", "alifra", "gilist", "ic b"])
}

@Test func splitsLongWordsOnlyBetweenClusters() {
  let word = String(repeating: "e\u{301}", count: 8)
  let lines = TextWrapper.wrap(word, width: 3)
  #expect(lines == Array(repeating: "e\u{301}e\u{301}e\u{301}", count: 2) + ["e\u{301}e\u{301}"])
  let family = "👩‍👩‍👧"
  let emoji = TextWrapper.wrap(String(repeating: family, count: 3), width: 6)
  #expect(emoji == [family, family, family])
}

@Test func splitsAZWJSequenceWiderThanTheLineAfterItsJoiners() {
  let family = "👨‍👩‍👧‍👦"
  #expect(
    TextWrapper.wrap("Meet the \(family) clan", width: 5) == [
      "Meet", "the", "👨\u{200D}👩\u{200D}", "👧\u{200D}👦", "clan",
    ])
  // Narrower than one emoji of it: one emoji a line, the way a wide character goes alone.
  #expect(TextWrapper.wrap(family, width: 1).count == 4)
  // A sequence that fits is never split.
  #expect(
    TextWrapper.wrap("Meet the \(family) family", width: 8) == [
      "Meet the", family, "family",
    ])
}

@Test func widthBelowOneActsAsOneAndWideClustersGoAlone() {
  #expect(TextWrapper.wrap("ab", width: 0) == ["a", "b"])
  #expect(TextWrapper.wrap("ab", width: -5) == ["a", "b"])
  #expect(TextWrapper.wrap("日本", width: 1) == ["日", "本"])
  #expect(TextWrapper.wrap("a日b", width: 1) == ["a", "日", "b"])
  // A zero-width cluster stays with the text before it rather than forming a line alone.
  #expect(TextWrapper.wrap("日\u{200B}本", width: 1) == ["日\u{200B}", "本"])
}

@Test func wrapNeverOverflowsOnRandomText() {
  var generator = SeededGenerator(seed: 0x5EED)
  let pieces = [
    "the", "quick", "Swift", "a", "x", ",", "42", "supercalifragilistic", "Beyonce\u{301}",
    "nai\u{308}ve", "日", "本", "語", "한국어", "カナ", "。", "「", "」", "😀", "👩‍👩‍👧",
    "👍🏽", "🇯🇵", "\u{2764}\u{FE0F}", "\u{2764}", "\u{200B}", "\u{301}", " ", " ", " ", "  ",
    "\t",
  ]
  for _ in 0..<500 {
    let count = Int.random(in: 0...30, using: &generator)
    let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    let width = Int.random(in: 1...24, using: &generator)
    let lines = TextWrapper.wrap(text, width: width)
    #expect(!lines.isEmpty)
    for line in lines {
      // Only a line holding one visible cluster wider than the width may exceed it.
      let fits = DisplayWidth.of(line) <= width
      let loneWideCluster = line.filter { DisplayWidth.of($0) > 0 }.count == 1
      #expect(fits || loneWideCluster, "\(line.debugDescription) exceeds \(width)")
      #expect(line.first != " " && line.last != " ", "\(line.debugDescription) has edge spaces")
    }
    // Every visible scalar survives, in order, and every line ends where a cluster of the
    // input ended, or after a joiner in a ZWJ sequence wider than the line. Compared by
    // scalar, since a lone mark after a tab may join the space that `wrap` puts before it.
    var clusterEnds: Set<Int> = [0]
    var seen = 0
    for character in text {
      for scalar in visibleScalars(String(character)) {
        seen += 1
        if scalar == "\u{200D}" && DisplayWidth.of(character) > width { clusterEnds.insert(seen) }
      }
      clusterEnds.insert(seen)
    }
    var lineEnd = 0
    for line in lines {
      lineEnd += visibleScalars(line).count
      #expect(clusterEnds.contains(lineEnd), "split a cluster wrapping \(text.debugDescription)")
    }
    let kept = lines.flatMap(visibleScalars)
    #expect(kept == visibleScalars(text), "lost text wrapping \(text.debugDescription)")
  }
}

// MARK: - truncate and pad

@Test func truncateEndsWithAnEllipsis() {
  #expect(TextWrapper.truncate("Hello, world", width: 8) == "Hello, …")
  #expect(TextWrapper.truncate("Hello, world", width: 12) == "Hello, world")
  #expect(TextWrapper.truncate("Hello, world", width: 11) == "Hello, wor…")
  #expect(TextWrapper.truncate("Hello", width: 1) == "…")
  #expect(TextWrapper.truncate("Hello", width: 0) == "")
  #expect(TextWrapper.truncate("", width: 3) == "")
}

@Test func truncateOfCJKToOddWidthNeverExceedsIt() {
  let text = "日本語のテキスト"
  #expect(TextWrapper.truncate(text, width: 5) == "日本…")
  #expect(TextWrapper.truncate(text, width: 6) == "日本…")
  for width in stride(from: 1, through: 15, by: 2) {
    let cut = TextWrapper.truncate(text, width: width)
    #expect(DisplayWidth.of(cut) <= width)
    #expect(cut.hasSuffix("…"))
    #expect(text.hasPrefix(cut.dropLast()))
  }
}

@Test func truncateNeverSplitsACluster() {
  #expect(TextWrapper.truncate("e\u{301}e\u{301}e\u{301}", width: 2) == "e\u{301}…")
  #expect(TextWrapper.truncate("👩‍👩‍👧abc", width: 7) == "👩‍👩‍👧…")
  #expect(TextWrapper.truncate("👩‍👩‍👧abc", width: 6) == "…")
  #expect(TextWrapper.truncate("🇯🇵🇫🇷", width: 4) == "🇯🇵🇫🇷")
  #expect(TextWrapper.truncate("🇯🇵🇫🇷", width: 3) == "🇯🇵…")
}

@Test func padReachesExactWidths() {
  #expect(TextWrapper.pad("abc", width: 6) == "abc   ")
  #expect(TextWrapper.pad("abcdef", width: 6) == "abcdef")
  #expect(TextWrapper.pad("abcdefg", width: 6) == "abcde…")
  #expect(TextWrapper.pad("日本語", width: 4) == "日… ")
  #expect(TextWrapper.pad("anything", width: 0) == "")
  let samples = ["", "abc", "Beyonce\u{301}", "日本語のテキスト", "👩‍👩‍👧 family", "🇯🇵 flag ❤️"]
  for sample in samples {
    for width in 1...20 {
      let padded = TextWrapper.pad(sample, width: width)
      #expect(DisplayWidth.of(padded) == width, "\(sample.debugDescription) at \(width)")
    }
  }
}

// MARK: - Helpers

/// Whether `wrap` may drop or replace the scalar: whitespace other than no-break spaces.
private func isBreakingScalar(_ scalar: Unicode.Scalar) -> Bool {
  scalar.properties.isWhitespace && !TextWrapper.noBreakSpaces.contains(scalar.value)
}

/// Scalars of `text` that `wrap` must keep.
private func visibleScalars(_ text: String) -> [Unicode.Scalar] {
  text.unicodeScalars.filter { !isBreakingScalar($0) }
}
