#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A short line's UTF-8 bytes with ASCII letters lowered, for matching the lowercase
/// ASCII phrases of the layout tables anywhere in the line without building strings:
/// non-ASCII bytes are kept, so they never match an ASCII phrase by accident.
struct LowercasedLine {
  let bytes: [UInt8]

  init<Text: StringProtocol>(_ text: Text) {
    var buffer: [UInt8] = []
    self.init(text, reusing: &buffer)
  }

  /// Lowers the text into `buffer`, which the line then shares: a caller that lowers
  /// line after line and lets each go before the next keeps one allocation for all.
  init<Text: StringProtocol>(_ text: Text, reusing buffer: inout [UInt8]) {
    buffer.removeAll(keepingCapacity: true)
    ValidUTF8.withBytes(of: text) { buffer.append(contentsOf: $0) }
    buffer.withUnsafeMutableBufferPointer(Self.lowerASCIILetters)
    bytes = buffer
  }

  /// Lowers `A`–`Z` in place, eight bytes at a step: bit 7 marks each ASCII byte from
  /// `A` to `Z` (`ASCIIRun.within` on the low seven bits, then only where the byte was
  /// ASCII), and bit 5 is set where it is.
  static func lowerASCIILetters(_ bytes: inout UnsafeMutableBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    let raw = UnsafeMutableRawPointer(base)
    var offset = 0
    while offset + 8 <= bytes.count {
      let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      let upper = ASCIIRun.within(word & ~ASCIIRun.high, 0x41, 0x5B) & ~word
      raw.storeBytes(of: word | upper >> 2, toByteOffset: offset, as: UInt64.self)
      offset += 8
    }
    while offset < bytes.count {
      bytes[offset] = ValidUTF8.asciiLowercased(bytes[offset])
      offset += 1
    }
  }

  /// Bytes that are lowercased already.
  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Whether the phrase occurs anywhere in the line.
  func contains(_ phrase: String) -> Bool {
    firstOffset(of: phrase) != nil
  }

  /// Where the phrase first occurs, in bytes from the start (`ByteSearch` looks for its
  /// first byte that is not a space: looking for the space of ` by ` cost a call at every
  /// word).
  func firstOffset(of phrase: String, from start: Int = 0) -> Int? {
    var phrase = phrase
    return phrase.withUTF8 { needle in
      bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: needle, in: $0, from: start) }
    }
  }

  /// Whether the line starts with the phrase followed by the end or a byte that is not an
  /// ASCII letter (`sign up for` matches `Sign up for…` but `ad` does not match `Adele`).
  /// The phrase comes as bytes: tables keep them, so that a line is compared without
  /// reaching into a string.
  func startsWithWord(_ phrase: [UInt8]) -> Bool {
    let count = phrase.count
    guard bytes.count >= count, bytes.first == phrase.first else { return false }
    let matches = phrase.withUnsafeBufferPointer { needle in
      bytes.withUnsafeBufferPointer { memcmp($0.baseAddress!, needle.baseAddress!, count) == 0 }
    }
    guard matches else { return false }
    guard count < bytes.count, let last = phrase.last, ValidUTF8.isASCIILetterOrDigit(last)
    else { return true }
    return !ValidUTF8.isASCIILetterOrDigit(bytes[count])
  }
}
