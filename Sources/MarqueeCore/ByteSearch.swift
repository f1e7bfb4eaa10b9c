#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finding a byte in a buffer with the C library's `memchr`, which scans many bytes at a
/// time: whole files pass through these searches (for NUL, CR and line ends), and a
/// byte-at-a-time Swift loop was several times slower.
enum ByteSearch {
  /// The index of the first `byte` in `bytes`, or nil.
  static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress, let found = memchr(base, Int32(byte), bytes.count) else {
      return nil
    }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
  }

  /// The index of the first `byte` at or after `start`, or nil.
  static func firstIndex(
    of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    firstIndex(of: byte, in: UnsafeBufferPointer(rebasing: bytes[start...])).map { start + $0 }
  }
}
