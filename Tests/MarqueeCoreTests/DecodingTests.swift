import Testing

@testable import MarqueeCore

@Suite("Decoding bytes into text")
struct DecodingTests {
  @Test func utf8IsReadAsIs() throws {
    let text = try ArticleDecoding.decode(Array("Zoë — “hi”".utf8)).get()
    #expect(text == "Zoë — “hi”")
  }

  @Test func byteOrderMarkIsStripped() throws {
    let text = try ArticleDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Title".utf8)).get()
    #expect(text == "Title")
  }

  @Test func crlfAndCrBecomeLf() throws {
    let text = try ArticleDecoding.decode(Array("a\r\nb\rc\n\r\nd".utf8)).get()
    #expect(text == "a\nb\nc\n\nd")
  }

  @Test func invalidUTF8IsReadAsWindows1252() throws {
    // 0xA3 is £ in Latin-1; 0x93/0x94 are curly quotes in Windows-1252.
    let bytes: [UInt8] = Array("Cost ".utf8) + [0xA3] + Array("5 ".utf8) + [0x93, 0x78, 0x94]
    let text = try ArticleDecoding.decode(bytes).get()
    #expect(text == "Cost £5 “x”")
    #expect(!text.contains("\u{FFFD}"))
  }

  @Test func nulBytesMeanBinary() {
    #expect(throws: SkipReason.binary) {
      try ArticleDecoding.decode(Array("Title\n".utf8) + [0, 1, 2]).get()
    }
  }

  @Test func emptyFileIsSkipped() {
    #expect(throws: SkipReason.empty) { try ArticleDecoding.decode([]).get() }
  }

  @Test func unicodeLineSeparatorsBreakLines() throws {
    let text = try ArticleDecoding.decode(Array("a\u{2028}b\u{2029}c".utf8)).get()
    #expect(text == "a\nb\n\nc")
  }

  @Test func whitespaceOnlyHasNoText() {
    #expect(throws: SkipReason.noText) { try parseBytes(Array(" \n\t\n\u{A0}\n\r\n".utf8)).get() }
  }

  @Test func invisibleOnlyHasNoText() {
    #expect(throws: SkipReason.noText) {
      try parseBytes(Array("\u{200B}\u{AD}\n\u{1B}[2J\n".utf8)).get()
    }
  }

  @Test func oneMegabyteSingleLineParses() throws {
    let line = String(repeating: "word ", count: 200_000)
    let article = try parseBytes(Array(line.utf8)).get()
    #expect(article.title.count == 999_999)
    #expect(article.body.isEmpty)
  }
}
