import Foundation

/// Splits text into search tokens: Unicode words, case- and diacritic-folded.
///
/// `Beyoncé` and `BEYONCE` both become `beyonce`; apostrophes inside a word vanish and a
/// possessive `’s` is dropped, so `Halsey’s`, `halsey's` and `Halsey` are all `halsey`;
/// digits are words (`2022`). Han, kana and other scripts written without spaces become
/// one token per character, so a phrase of them still matches in order.
///
/// The index, the query parser and highlighting all go through `TokenScanner`, so they
/// can never disagree about what a word is.
public enum Tokenizer {
  /// One token and where it came from in the text (scalar offsets, for highlighting).
  public struct Token: Sendable, Hashable {
    public let text: String
    /// The range of the token in `text.unicodeScalars`, as integer offsets.
    public let range: Range<Int>
  }

  /// The folded tokens of `text`, in order.
  public static func tokens(_ text: String) -> [String] {
    var result: [String] = []
    scan(text) { bytes, _ in result.append(String(decoding: bytes, as: UTF8.self)) }
    return result
  }

  /// The folded tokens with their scalar ranges.
  public static func tokensWithRanges(_ text: String) -> [Token] {
    var result: [Token] = []
    scan(text) { bytes, range in
      result.append(Token(text: String(decoding: bytes, as: UTF8.self), range: range))
    }
    return result
  }

  /// Folds one word as the tokenizer would (for query terms and prefixes).
  public static func fold(_ word: String) -> String {
    tokens(word).joined()
  }

  /// Calls `emit` with each token's folded UTF-8 bytes (valid only during the call) and
  /// its range in scalar offsets.
  public static func scan(
    _ text: String, _ emit: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
  ) {
    var scanner = TokenScanner()
    scanner.scan(text, emit)
  }
}

/// The tokenizer's state machine over UTF-8 bytes, reusable across many texts.
///
/// ASCII bytes are classified with a switch; other scalars are decoded and looked up
/// in `ScalarFolding`, so no `Character` or `String` is built per byte (see
/// ../shared/notes/performance.md: per-character property look-ups dominated a
/// String-based tokenizer).
struct TokenScanner: ~Copyable {
  private var word: UnsafeMutablePointer<UInt8>
  private var capacity = 64
  private var count = 0
  /// Scalar offsets of the word being read.
  private var start = 0
  private var end = 0
  /// An apostrophe was just read after letters; a letter must follow for it to count.
  private var apostrophePending = false
  /// Where in `word` the letters after the last inner apostrophe begin, or -1.
  private var afterApostrophe = -1

  init() { word = .allocate(capacity: capacity) }
  deinit { word.deallocate() }

  mutating func scan(_ text: String, _ emit: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
    ValidUTF8.withBytes(of: text) { scan(bytes: $0, emit) }
  }

  /// Scans bytes that are valid UTF-8: a `String`'s own bytes, as every caller passes.
  mutating func scan(
    bytes: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
  ) {
    reset()
    var index = 0
    var offset = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        if ValidUTF8.isASCIILetterOrDigit(byte) {
          // A run of ASCII letters and digits, most of any text, is appended eight bytes
          // at a time while eight are left (see `ASCIIRun`), then a byte at a time:
          // `word` is made to hold the rest of the text and eight bytes more first. `|
          // 0x20` lowers a capital and leaves digits and small letters as they are.
          let fresh = count == 0
          prepare(toHold: count + bytes.count - index + 8, at: offset)
          // Locals, so the loop neither reloads them after each store nor checks overflow.
          let (word, source, stop) = (self.word, bytes.baseAddress!, bytes.count)
          var end = index
          var length = count
          while end &+ 8 <= stop {
            let chunk = UnsafeRawPointer(source + end).loadUnaligned(as: UInt64.self).littleEndian
            let run = ASCIIRun.length(chunk)
            UnsafeMutableRawPointer(word + length).storeBytes(
              of: (chunk | ASCIIRun.lowering).littleEndian, as: UInt64.self)
            length &+= run
            end &+= run
            if run < 8 { break }
          }
          if end &+ 8 > stop {
            while end < stop && ValidUTF8.isASCIILetterOrDigit(source[end]) {
              word[length] = source[end] | 0x20
              length &+= 1
              end &+= 1
            }
          }
          // A word begun here that ends the text or meets ASCII other than an
          // apostrophe (most words) is done: it is emitted at once, and the byte after it,
          // which only ends it, is passed over.
          if fresh && (end == stop || source[end] < 0x80 && source[end] != 0x27) {
            emit(UnsafeBufferPointer(start: word, count: length), offset..<offset + end - index)
            let after = end < stop ? 1 : 0
            offset += end - index + after
            index = end + after
            continue
          }
          count = length
          offset += end - index
          self.end = offset
          index = end
          continue
        }
        if byte == 0x27 { apostrophe(emit) } else { finish(emit) }
        index += 1
        offset += 1
        continue
      }
      let (scalar, length) = ValidUTF8.scalar(in: bytes, at: index)
      let value = scalar.value
      index += length
      switch ScalarFolding.kind(of: value) {
      case .separator: finish(emit)
      case .apostrophe: apostrophe(emit)
      case .mark:
        // Combining marks (the accent of a decomposed é) stay in the word and fold away.
        if count > 0 { end = offset + 1 }
      case .spaceless:
        finish(emit)
        ScalarFolding.withFolded(value) { append($0, at: offset) }
        finish(emit)
      case .letter:
        ScalarFolding.withFolded(value) { append($0, at: offset) }
      }
      offset += 1
    }
    finish(emit)
  }

  private mutating func reset() {
    count = 0
    apostrophePending = false
    afterApostrophe = -1
  }

  private mutating func append(_ byte: UInt8, at offset: Int) {
    prepare(toHold: count + 1, at: offset)
    word[count] = byte
    count += 1
    end = offset + 1
  }

  /// Before bytes are appended at scalar `offset`: notes where the word, or its part
  /// after an apostrophe, starts, and makes `word` hold `total` bytes.
  @inline(__always)
  private mutating func prepare(toHold total: Int, at offset: Int) {
    if count == 0 { start = offset }
    if apostrophePending {
      afterApostrophe = count
      apostrophePending = false
    }
    while total > capacity {
      let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
      larger.update(from: word, count: count)
      word.deallocate()
      word = larger
      capacity *= 2
    }
  }

  private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) {
    for byte in bytes { append(byte, at: offset) }
  }

  private mutating func apostrophe(_ emit: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
    if count == 0 || apostrophePending {
      finish(emit)
    } else {
      apostrophePending = true
    }
  }

  /// Emits the word: apostrophes dropped, a possessive `’s` removed.
  private mutating func finish(_ emit: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
    defer { reset() }
    guard count > 0 else { return }
    if afterApostrophe == count - 1, word[afterApostrophe] == UInt8(ascii: "s") { count -= 1 }
    emit(UnsafeBufferPointer(start: word, count: count), start..<end)
  }
}
