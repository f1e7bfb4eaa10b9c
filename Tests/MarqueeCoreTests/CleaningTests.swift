import Testing

@testable import MarqueeCore

@Suite("Cleaning every field")
struct CleaningTests {
  @Test func noBreakSpaceBecomesSpace() {
    #expect(TextCleaning.clean("thirteen\u{A0}years") == "thirteen years")
  }

  @Test func softHyphenAndZeroWidthVanish() {
    #expect(TextCleaning.clean("super\u{AD}star\u{200B} \u{FEFF}news\u{2060}") == "superstar news")
  }

  @Test func runsOfSpacesCollapseAndEndsTrim() {
    #expect(TextCleaning.clean("  a \t  b   c  ") == "a b c")
  }

  @Test func controlCharactersAndDeleteAreRemoved() {
    #expect(TextCleaning.clean("a\u{07}b\u{08}c\u{0C}d\u{7F}e") == "abcde")
  }

  @Test func c1ControlsAreRemoved() {
    #expect(TextCleaning.clean("a\u{85}b\u{80}c") == "abc")
  }

  @Test func bidiOverridesAndIsolatesAreRemoved() {
    let text =
      "admin\u{202E}txt.exe\u{202A}\u{202B}\u{202C}\u{202D}\u{2066}\u{2067}\u{2068}\u{2069}"
    #expect(TextCleaning.clean(text) == "admintxt.exe")
  }

  @Test func escapeSequencesAreDroppedWhole() {
    #expect(TextCleaning.clean("A\u{1B}[2JB") == "AB")
    #expect(TextCleaning.clean("A\u{1B}[1;31mred\u{1B}[0m") == "Ared")
    #expect(TextCleaning.clean("A\u{1B}]0;title\u{07}B") == "AB")
    #expect(TextCleaning.clean("A\u{1B}]52;c;aGVsbG8=\u{1B}\\B") == "AB")
    #expect(TextCleaning.clean("A\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\") == "Alink")
    #expect(TextCleaning.clean("A\u{1B}[6nB") == "AB")
    #expect(TextCleaning.clean("A\u{9B}2JB") == "AB")
    #expect(TextCleaning.clean("A\u{1B}]unterminated") == "A")
    #expect(TextCleaning.clean("A\u{1B}cB") == "AB")
  }

  @Test func noControlSurvivesAnyInput() {
    var generator = SeededGenerator(seed: 42)
    let pool: [Unicode.Scalar] = [
      "\u{1B}", "[", "]", "\u{07}", "\\", "\u{9B}", "\u{9D}", "\u{85}", "\u{202E}", "\u{2066}",
      "a", " ", "\u{A0}", "\u{200D}", "😀", "\u{7F}", "\u{0}", "\t", "P", ";",
    ]
    for _ in 0..<2_000 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0..<30, using: &generator) {
        scalars.append(pool.randomElement(using: &generator)!)
      }
      let cleaned = TextCleaning.clean(String(scalars))
      #expect(
        !cleaned.unicodeScalars.contains { isForbidden($0) }, "\(String(scalars).debugDescription)")
    }
  }

  @Test func zeroWidthJoinerInsideEmojiIsKept() {
    let family = "👩\u{200D}👩\u{200D}👧"
    #expect(TextCleaning.clean("fam \(family)") == "fam \(family)")
    #expect(TextCleaning.clean("a\u{200D}b") == "ab")
  }

  /// The joiner in 🏳️‍🌈, ❤️‍🔥 and 👩‍❤️‍👨 follows U+FE0F, which asks for the emoji
  /// before it to show as an emoji: the selector is part of that emoji.
  @Test(arguments: [
    "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}", "\u{2764}\u{FE0F}\u{200D}\u{1F525}",
    "\u{1F469}\u{200D}\u{2764}\u{FE0F}\u{200D}\u{1F468}",
  ])
  func zeroWidthJoinerAfterEmojiVariationSelectorIsKept(emoji: String) {
    let line = "Pride \(emoji) parade"
    #expect(Array(TextCleaning.clean(line).unicodeScalars) == Array(line.unicodeScalars))
    // A selector after plain text does not make the joiner part of an emoji.
    #expect(TextCleaning.clean("a\u{FE0F}\u{200D}\u{1F308}") == "a\u{FE0F}\u{1F308}")
  }

  private func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
      || (0x2066...0x2069).contains(value)
  }
}

/// A page's lines are cleaned as they are split into blocks, short lines from their
/// bytes and long ones sliced from the text: either way a line is what cleaning it says.
@Test func splitLinesAreTheLinesCleaned() {
  let pieces = [
    "word", "Getty", " ", "  ", "\t", "\u{A0}", "\u{AD}", "\u{1B}[2J", "é", "日本", "👩‍❤️‍👨", "\r",
    String(repeating: "long ", count: 12),
  ]
  var generator = SeededGenerator(seed: 17)
  for _ in 0..<300 {
    let lines = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
      (0..<Int.random(in: 0...12, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
    }
    let text = lines.joined(separator: "\n")
    let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { TextCleaning.clean($0) }.filter { !$0.isEmpty }
    let found = SourceBlock.split(text).flatMap { $0.lines.map(\.text) }
    #expect(found == expected, "\(text.debugDescription)")
  }
}
