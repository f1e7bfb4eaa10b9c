/// Reading text as its UTF-8 bytes.
///
/// Walking `Character`s or asking each `Unicode.Scalar` for its properties dominated
/// loading time, even on plain ASCII text. The hot loops scan bytes instead, treat ASCII
/// inline, and decode a scalar only where a non-ASCII byte occurs. The bytes always come
/// from a `String`, so they are valid UTF-8 and decoding needs no error handling.
enum ValidUTF8 {
  /// Calls `body` with the text's UTF-8 bytes, without copying them when the text is
  /// stored contiguously (native strings always are).
  static func withBytes<Text: StringProtocol, Result>(
    of text: Text, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return try Array(text.utf8).withUnsafeBufferPointer(body)
  }

  /// The scalar that starts at `index` and how many bytes it takes.
  static func scalar(
    in bytes: UnsafeBufferPointer<UInt8>, at index: Int
  ) -> (scalar: Unicode.Scalar, length: Int) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
    func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
    let value: UInt32
    let length: Int
    if lead < 0xE0 {
      (value, length) = ((lead & 0x1F) << 6 | continuation(1), 2)
    } else if lead < 0xF0 {
      (value, length) = ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
    } else {
      value = (lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
      length = 4
    }
    // Valid UTF-8 never encodes a surrogate or a value past U+10FFFF.
    return (Unicode.Scalar(value)!, length)
  }

  /// Whether the byte begins a scalar (is not a continuation byte).
  static func isScalarStart(_ byte: UInt8) -> Bool {
    byte & 0xC0 != 0x80
  }

  /// Whether the text holds the ASCII `needle`'s bytes, found on the bytes
  /// (`StringProtocol.contains` of a string goes through Foundation, thousands of
  /// instructions a call).
  static func contains<Text: StringProtocol>(_ text: Text, ascii needle: StaticString) -> Bool {
    withBytes(of: text) { occurs(needle, in: $0) }
  }

  /// Whether either ASCII needle occurs in the text, found in one look at its bytes.
  static func contains<Text: StringProtocol>(
    _ text: Text, ascii first: StaticString, or second: StaticString
  ) -> Bool {
    withBytes(of: text) { occurs(first, in: $0) || occurs(second, in: $0) }
  }

  private static func occurs(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    return ByteSearch.firstIndex(of: pattern, in: bytes) != nil
  }

  /// Whether every scalar of the text is ASCII.
  static func isASCII<Text: StringProtocol>(_ text: Text) -> Bool {
    withBytes(of: text) { bytes in !bytes.contains { $0 >= 0x80 } }
  }

  /// `A`–`Z`, `a`–`z` and `0`–`9`.
  static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
  }

  /// The byte with `A`–`Z` lowered to `a`–`z`, and any other byte as it is.
  static func asciiLowercased(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte + 0x20 : byte
  }
}
