#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finding a byte, or a run of bytes, in a buffer with the C library's `memchr`, which
/// scans many bytes at a time: whole files pass through these searches (for NUL, CR and
/// line ends, and phrases in lines), and a byte-at-a-time Swift loop was several times
/// slower.
enum ByteSearch {
  /// The index of the first `byte` in `bytes`, or nil.
  static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress, let found = memchr(base, Int32(byte), bytes.count) else {
      return nil
    }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
  }

  /// Where `needle` first occurs at or after `start`, or nil (and nil for an empty
  /// needle): `memchr` finds each candidate for the needle's first byte that is not a
  /// space (spaces are everywhere; a needle of spaces only is looked for by its last), and
  /// the rest is compared in place.
  static func firstIndex(
    of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0
  ) -> Int? {
    let lead = min(needle.prefix { $0 == 0x20 }.count, needle.count - 1)
    guard lead >= 0, start <= bytes.count, let base = bytes.baseAddress else { return nil }
    var from = start + lead
    while from - lead + needle.count <= bytes.count,
      let found = firstIndex(of: needle[lead], in: bytes, from: from)
    {
      let candidate = found - lead
      guard candidate + needle.count <= bytes.count else { return nil }
      if memcmp(base + candidate, needle.baseAddress!, needle.count) == 0 { return candidate }
      from = found + 1
    }
    return nil
  }

  /// The index of the first `byte` at or after `start`, or nil.
  static func firstIndex(
    of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    firstIndex(of: byte, in: UnsafeBufferPointer(rebasing: bytes[start...])).map { start + $0 }
  }
}
