import CNcursesw
import MarqueeUI
import Testing

@testable import MarqueeTerminal

// MARK: - Characters (wget_wch returned OK)

@Test func printableCharactersDecodeAsThemselves() {
  for character in ["a", "Z", "0", " ", "~", "é", "日", "😀", "\u{A0}", "\u{301}"] {
    let scalar = character.unicodeScalars.first!
    #expect(
      KeyDecoder.decode(status: OK, value: scalar.value) == .key(.character(Character(scalar))))
  }
}

@Test func controlLettersDecodeAsControlWithLowercaseLetter() {
  let exceptions: Set<UInt32> = [0x08, 0x09, 0x0A, 0x0D]
  for value in UInt32(0x01)...0x1A where !exceptions.contains(value) {
    let letter = Character(Unicode.Scalar(0x60 + value)!)
    #expect(KeyDecoder.character(value) == .control(letter), "0x\(String(value, radix: 16))")
  }
  #expect(KeyDecoder.character(0x03) == .control("c"))
  #expect(KeyDecoder.character(0x01) == .control("a"))
  #expect(KeyDecoder.character(0x1A) == .control("z"))
}

@Test func controlBytesWithKeysOfTheirOwn() {
  #expect(KeyDecoder.character(0x09) == .tab)
  #expect(KeyDecoder.character(0x0A) == .enter)
  #expect(KeyDecoder.character(0x0D) == .enter)
  #expect(KeyDecoder.character(0x08) == .backspace)
  #expect(KeyDecoder.character(0x7F) == .backspace)
  #expect(KeyDecoder.character(0x1B) == .escape)
}

@Test func otherControlsAndInvalidScalarsAreIgnored() {
  for value: UInt32 in [0x00, 0x1C, 0x1D, 0x1E, 0x1F, 0x80, 0x85, 0x9F, 0xD800, 0xDFFF, 0x110000] {
    #expect(KeyDecoder.character(value) == nil, "0x\(String(value, radix: 16))")
  }
}

// MARK: - Key codes (wget_wch returned KEY_CODE_YES)

@Test func cursorAndPagingKeys() {
  let expected: [(Int32, Key)] = [
    (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
    (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
    (KEY_ENTER, .enter), (KEY_BTAB, .backTab), (KEY_BACKSPACE, .backspace),
  ]
  for (code, key) in expected {
    #expect(KeyDecoder.decode(status: KEY_CODE_YES, value: UInt32(code)) == .key(key), "\(key)")
  }
}

@Test func keypadAndVT220KeysMeanTheKeysTheyStandFor() {
  #expect(KeyDecoder.keyCode(KEY_A1) == .key(.home))
  #expect(KeyDecoder.keyCode(KEY_C1) == .key(.end))
  #expect(KeyDecoder.keyCode(KEY_A3) == .key(.pageUp))
  #expect(KeyDecoder.keyCode(KEY_C3) == .key(.pageDown))
  #expect(KeyDecoder.keyCode(KEY_FIND) == .key(.home))
  #expect(KeyDecoder.keyCode(KEY_SELECT) == .key(.end))
}

@Test func functionKeysKeepTheirNumber() {
  for number in 1...63 {
    #expect(KeyDecoder.keyCode(cn_key_f(Int32(number))) == .key(.function(number)))
  }
  #expect(KeyDecoder.keyCode(cn_key_f(0)) == nil)
  #expect(KeyDecoder.keyCode(cn_key_f(64)) == nil)
}

@Test func resizeMouseAndUnknownKeyCodes() {
  #expect(KeyDecoder.decode(status: KEY_CODE_YES, value: UInt32(KEY_RESIZE)) == .resize)
  #expect(KeyDecoder.decode(status: KEY_CODE_YES, value: UInt32(KEY_MOUSE)) == .mouse)
  for code in [KEY_DC, KEY_IC, KEY_B2] {
    #expect(KeyDecoder.keyCode(code) == nil)
  }
}

@Test func errorStatusIsNoInput() {
  #expect(KeyDecoder.decode(status: ERR, value: 0x61) == nil)
  #expect(KeyDecoder.decode(status: ERR, value: UInt32(KEY_UP)) == nil)
}

@Test func keyCodeValuesAreNotReadAsCharacters() {
  // KEY_UP is 0o403, which as a character would be U+0103 'ă'.
  #expect(KeyDecoder.decode(status: OK, value: UInt32(KEY_UP)) == .key(.character("ă")))
  #expect(KeyDecoder.decode(status: KEY_CODE_YES, value: UInt32(KEY_UP)) == .key(.up))
}
