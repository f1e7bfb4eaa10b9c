/// Counts words the way a reader would: runs of non-space text holding a letter or digit.
public enum WordCount {
  public static let wordsPerMinute = 230.0

  /// Every article's title, dek and paragraphs are counted while loading, so this is on
  /// the hot path. A word is counted where the white space after it (or the end) is
  /// reached. ASCII text goes four bytes at a step: each byte's class (space, content,
  /// other) is looked up, and the four classes with the state carried in (whether the
  /// word so far has content) index a table of what the step does. A step with a byte
  /// beyond ASCII goes one scalar at a time instead.
  public static func of(_ text: String) -> Int {
    ValidUTF8.withBytes(of: text) { bytes in
      asciiClasses.withUnsafeBufferPointer { classes in
        quadSteps.withUnsafeBufferPointer { steps in
          count(bytes, classes: classes, steps: steps)
        }
      }
    }
  }

  private static func count(
    _ bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>,
    steps: UnsafeBufferPointer<UInt8>
  ) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    var count = 0
    var state = 0  // 1 when the word being read has content
    var index = 0
    while index < bytes.count {
      if index + 4 <= bytes.count {
        let quad = raw.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian
        if quad & 0x8080_8080 == 0 {
          let key =
            Int(classes[Int(quad & 0x7F)]) | Int(classes[Int(quad >> 8 & 0x7F)]) << 2
            | Int(classes[Int(quad >> 16 & 0x7F)]) << 4 | Int(classes[Int(quad >> 24)]) << 6
          let step = Int(steps[key | state << 8])
          count &+= step & 7
          state = step >> 3
          index += 4
          continue
        }
      }
      let byte = bytes[index]
      if byte < 0x80 {
        (count, state) = advance(count, state, by: classes[Int(byte)])
        index += 1
        continue
      }
      let (scalar, length) = ValidUTF8.scalar(in: bytes, at: index)
      index += length
      if isNonASCIIWhitespace(scalar) {
        (count, state) = advance(count, state, by: ByteClass.space)
      } else if state == 0, isContent(scalar) {
        state = 1
      }
    }
    return count &+ state
  }

  /// The class of each ASCII byte: 0 other, `space` or `content`.
  private enum ByteClass {
    static let space: UInt8 = 1
    static let content: UInt8 = 2
  }

  /// One byte's step: a space ends the word (counted if it has content), content marks
  /// it, anything else leaves it as it is.
  private static func advance(_ count: Int, _ state: Int, by byteClass: UInt8) -> (Int, Int) {
    switch byteClass {
    case ByteClass.space: (count &+ state, 0)
    case ByteClass.content: (count, 1)
    default: (count, state)
    }
  }

  /// Tab, LF, VT, FF, CR and space are spaces; `0`–`9`, `A`–`Z` and `a`–`z` content.
  private static let asciiClasses: [UInt8] = (0..<128).map { byte -> UInt8 in
    if (0x09...0x0D).contains(byte) || byte == 0x20 { return ByteClass.space }
    if ValidUTF8.isASCIILetterOrDigit(UInt8(byte)) { return ByteClass.content }
    return 0
  }

  /// For four byte classes (two bits each, first byte lowest) and the state carried in
  /// (bit 8): the words the four bytes end (bits 0–2) and the state after them (bit 3).
  private static let quadSteps: [UInt8] = (0..<512).map { key -> UInt8 in
    var (count, state) = (0, key >> 8)
    for position in 0..<4 {
      (count, state) = advance(count, state, by: UInt8(key >> (2 * position) & 3))
    }
    return UInt8(count | state << 3)
  }

  /// Whether a non-ASCII scalar makes its word count: a letter or a number. The accented
  /// Latin letters of names and the quotes and dashes of punctuation are told by their
  /// range (Latin-1's letters but `×` and `÷`, all of Latin Extended-A and -B; nothing in
  /// General Punctuation), which costs less than asking for the scalar's properties.
  static func isContent(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xD7, 0xF7: false
    case 0xC0...0x24F: true
    case 0x2000...0x206F: false
    default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
  }

  /// The Unicode White_Space scalars above ASCII, written out: the property lookup was a
  /// hot spot, and the set has not changed since Unicode 6.3.
  private static func isNonASCIIWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }
}
