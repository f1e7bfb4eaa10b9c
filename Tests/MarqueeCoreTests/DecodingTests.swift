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

  @Test func strayByteKeepsTheUTF8AroundIt() throws {
    let title = "Zoë Kravitz’s “Blink Twice” Premiere"
    let bytes = Array("\(title)\n\nThe café crowd cheered.\n".utf8) + [0xFF]
    let text = try ArticleDecoding.decode(bytes).get()
    // The stray byte alone is read as Windows-1252 (ÿ); nothing before it changes.
    #expect(text == "\(title)\n\nThe café crowd cheered.\nÿ")
    #expect(try parseBytes(bytes).get().title == title)
  }

  @Test func cjkCutMidCharacterKeepsAllButTheLastCharacter() throws {
    let title = "東京で新作映画の試写会"
    let whole = "\(title)\n\n女優の山田花子さんが登壇し、撮影の裏話を語った。"
    // "。" is E3 80 82: the file ends after its first byte.
    let bytes = Array(whole.utf8).dropLast(2)
    let text = try ArticleDecoding.decode(Array(bytes)).get()
    #expect(text == String(whole.dropLast()) + "ã")
    let article = try parseBytes(Array(bytes)).get()
    #expect(article.title == title)
    #expect(SearchIndex(articles: [article]).search(try SearchQuery("\"試写会\"")).count == 1)
  }

  @Test(arguments: [0x81, 0x8D, 0x8F, 0x90, 0x9D] as [UInt8])
  func undefinedWindows1252ByteKeepsTheRestOfTheLine(byte: UInt8) throws {
    // A Windows-1252 file (é is 0xE9) and a UTF-8 one (é is C3 A9), each with the byte.
    for accent in [[0xE9], [0xC3, 0xA9]] as [[UInt8]] {
      let line = Array("Le caf".utf8) + accent + [byte] + Array(" owner says the rest stays".utf8)
      let title = try parseBytes(line).get().title
      #expect(title == "Le café\u{FFFD} owner says the rest stays")
    }
  }

  @Test func windows1252FileDecodesLetterForLetter() throws {
    #expect(try ArticleDecoding.decode([0x63, 0x61, 0x66, 0xE9]).get() == "café")
    let marks: [UInt8] = [0x80, 0x20, 0x85, 0x20, 0x8C, 0x20, 0x99, 0x20, 0x9F, 0x20, 0xFF]
    #expect(try ArticleDecoding.decode(marks).get() == "€ … Œ ™ Ÿ ÿ")
  }

  @Test func utf8ByAccidentInAWindows1252FileStaysWindows1252() throws {
    // "CAFÉ”" is C9 94 in Windows-1252, which is also the UTF-8 for "ɔ"; the file's
    // other accents (à, é) are not UTF-8, so the whole file is Windows-1252.
    let bytes: [UInt8] =
      Array("CAF".utf8) + [0xC9, 0x94, 0x20, 0xE0] + Array(" la une, d".utf8) + [0xE9, 0x6A, 0xE0]
    #expect(try ArticleDecoding.decode(bytes).get() == "CAFÉ” à la une, déjà")
  }

  /// Every lead byte with every second byte, alone and followed by continuation bytes
  /// or not.
  @Test func wellFormedSequencesAreTheStandardLibrarys() {
    let edges: [UInt8] = [0x7F, 0x80, 0xBF, 0xC0]
    let tails = [[]] + edges.flatMap { third in edges.map { [third, $0] } }
    var disagreements: [[UInt8]] = []
    for lead in UInt8(0x80)...0xFF {
      for second in UInt8(0)...0xFF {
        for bytes in tails.map({ [lead, second] + $0 }) {
          var parser = Unicode.UTF8.ForwardParser()
          var iterator = bytes.makeIterator()
          var expected: Int?
          if case .valid(let sequence) = parser.parseScalar(from: &iterator) {
            expected = sequence.count
          }
          let length = bytes.withUnsafeBufferPointer {
            ArticleDecoding.wellFormedUTF8Length($0, at: 0)
          }
          if length != expected { disagreements.append(bytes) }
        }
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
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
