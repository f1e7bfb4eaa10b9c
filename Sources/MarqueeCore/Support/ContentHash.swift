/// A 64-bit hash of an article's text, so that marks follow an article whose file is
/// renamed or moved. Not cryptographic: it tells files apart, nobody is expected to
/// forge one (two texts colliding among a million has odds near 1 in 30 million).
///
/// Eight bytes a step, each mixed by a multiply, then a final avalanche (SplitMix64's):
/// well under a nanosecond a byte, next to the parser's ten.
public enum ContentHash {
  public static func of(_ text: String) -> UInt64 {
    var text = text
    return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
  }

  public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
    var offset = 0
    while offset + 8 <= bytes.count {
      let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
      hash ^= hash >> 29
      offset += 8
    }
    var tail: UInt64 = 0
    for (shift, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << (8 * shift) }
    hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
    // SplitMix64's finaliser: every input bit reaches every output bit.
    hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
    hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
    return hash ^ (hash >> 31)
  }

  /// Sixteen lowercase hex digits, as the state file writes it.
  public static func hex(_ hash: UInt64) -> String {
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
