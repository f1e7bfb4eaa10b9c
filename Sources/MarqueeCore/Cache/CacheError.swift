#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a cache file could not be used or written. None is fatal: a file that cannot be
/// used is rebuilt from the articles' files, and a cache that cannot be written is said
/// once while the command goes on without it.
public enum CacheError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Shorter or longer than its header says: a write that never finished, or a file cut.
  case truncated
  /// A checksum does not match the bytes: the file was damaged after it was written.
  case checksum
  /// Written by another version of Marquee (or not a cache file at all).
  case foreignVersion
  /// The bytes pass their checksum but do not hold together (a section out of bounds,
  /// offsets out of order).
  case malformed(String)
  /// A system call failed: what was being done, and why it failed.
  case io(String)

  /// The failure of what was being done, from `errno`.
  static func system(_ doing: String, _ code: Int32 = errno) -> CacheError {
    .io("cannot \(doing): \(String(cString: strerror(code)))")
  }

  public var description: String {
    switch self {
    case .truncated: "cut short"
    case .checksum: "damaged (its checksum does not match)"
    case .foreignVersion: "written by another version of marquee"
    case .malformed(let what): "malformed (\(what))"
    case .io(let message): message
    }
  }
}
