import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Files Marquee writes for itself (read state), written so that a crash or `kill -9` at
/// any moment leaves the old file or the new one, never a mix: the bytes go to a
/// temporary file beside it, which is flushed to disk and then renamed over it (rename
/// is atomic on one file system), and the folder is flushed so the rename itself lasts.
enum AtomicFile {
  /// The whole file, or nil when there is none.
  static func read(_ path: String) throws(StateError) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      if errno == ENOENT { return nil }
      throw StateError(path: path, doing: "read", errno: errno)
    }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw StateError(path: path, doing: "read", errno: errno)
      }
      if count == 0 { return bytes }
      bytes += chunk[..<count]
    }
  }

  /// Replaces the file with `bytes`, readable by the user alone, written first to
  /// `temporary` (by default the path and the process: one writer per process, which the
  /// lock next to a state file ensures; the cache, whose threads may write at once,
  /// names its own).
  static func write(_ bytes: [UInt8], to path: String, temporary: String? = nil)
    throws(StateError)
  {
    let temporary = temporary ?? "\(path).tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw StateError(path: temporary, doing: "write", errno: errno) }
    var failure: Int32?
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += written
      }
    }
    if failure == nil, fsync(descriptor) != 0 { failure = errno }
    if close(descriptor) != 0, failure == nil { failure = errno }
    if failure == nil, rename(temporary, path) != 0 { failure = errno }
    if let failure {
      unlink(temporary)
      throw StateError(path: path, doing: "write", errno: failure)
    }
    let folder = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_CLOEXEC)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
  }

  /// Runs `body` holding an exclusive lock on the lock file at `path` (made if missing),
  /// so two readers saving at once take turns: each reads what the other wrote before it
  /// writes.
  static func withLock<Result>(
    _ path: String, _ body: () throws(StateError) -> Result
  ) throws(StateError) -> Result {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw StateError(path: path, doing: "lock", errno: errno) }
    defer { close(descriptor) }
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else { throw StateError(path: path, doing: "lock", errno: errno) }
    }
    defer { flock(descriptor, LOCK_UN) }
    return try body()
  }

  /// Makes the folder and its parents, readable by the user alone.
  static func makeFolder(_ path: String) throws(StateError) {
    do {
      try FileManager.default.createDirectory(
        atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw StateError(path: path, doing: "create", reason: Self.reason(error))
    }
  }

  private static func reason(_ error: Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(code)))
    }
    return (error as NSError).localizedDescription
  }
}

/// A state file that could not be read or written, said in one line.
public struct StateError: Error, Sendable, CustomStringConvertible {
  public let description: String

  init(path: String, doing: String, reason: String) {
    description = "cannot \(doing) \(path): \(reason)"
  }

  init(path: String, doing: String, errno code: Int32) {
    self.init(path: path, doing: doing, reason: String(cString: strerror(code)))
  }
}
