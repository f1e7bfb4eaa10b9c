/// Tests on eight ASCII bytes at once, in one word, with no branch per byte: a byte's
/// range test is two sums whose top bits are read, and no sum carries into the next byte
/// because the top bits are cleared first. The tokenizer finds where a run of letters and
/// digits ends with them, and `LowercasedLine` which bytes are capitals.
enum ASCIIRun {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  static let high: UInt64 = 0x8080_8080_8080_8080
  /// `| lowering` lowers every ASCII capital in a word and leaves digits as they are.
  static let lowering: UInt64 = 0x2020_2020_2020_2020

  /// The top bit of each byte of `value` (each below 0x80) that is at least `first` and
  /// below `pastLast`.
  @inline(__always)
  static func within(_ value: UInt64, _ first: UInt64, _ pastLast: UInt64) -> UInt64 {
    (value &+ ones &* (0x80 - first)) & ~(value &+ ones &* (0x80 - pastLast)) & high
  }

  /// How many of the eight bytes (the first in the low bits), from the first, are ASCII
  /// letters or digits.
  @inline(__always)
  static func length(_ chunk: UInt64) -> Int {
    let low = chunk & ~high
    let lettersAndDigits =
      (within(low, 0x30, 0x3A) | within(low | lowering, 0x61, 0x7B)) & ~chunk
    let stops = ~lettersAndDigits & high
    return stops == 0 ? 8 : stops.trailingZeroBitCount &>> 3
  }
}
