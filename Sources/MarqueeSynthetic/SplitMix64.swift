/// SplitMix64 (Steele, Lea and Flood): a tiny generator whose whole state is one word.
///
/// The corpus keeps its own generator rather than `SystemRandomNumberGenerator` or the
/// standard library's `random(in:using:)`, so that a seed gives the same bytes on every
/// platform and toolchain: benchmark figures are only comparable on identical corpora.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// A generator for one article, independent of every other article's: any article can
  /// be produced alone, in any order, on any thread, and still come out the same.
  init(seed: UInt64, stream: UInt64) {
    var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
    state = mixer.next()
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  /// A value in `0..<bound`, by Lemire's multiply-high (the tiny bias is irrelevant here,
  /// and a fixed formula keeps the output independent of the standard library).
  mutating func below(_ bound: Int) -> Int {
    precondition(bound > 0)
    return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// A value in `range`.
  mutating func within(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.count)
  }

  /// A uniform value in `[0, 1)` with 53 random bits.
  mutating func unit() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// True with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  /// One element of a non-empty array, uniformly.
  mutating func pick<T>(_ items: [T]) -> T {
    items[below(items.count)]
  }
}
