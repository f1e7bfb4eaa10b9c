import Foundation

#if canImport(Glibc)
  import Glibc
  /// The C library's `write`, which the folder's own `write` methods hide.
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  /// The C library's `write`, which the folder's own `write` methods hide.
  private let systemWrite = Darwin.write
#endif

/// A fresh folder under the system temporary directory for one test's files.
///
/// It is removed by `remove()` (tests write `defer { folder.remove() }`, which also keeps
/// the value alive while a child process reads the folder) and at the latest when the
/// value is deallocated.
public final class TemporaryFolder: @unchecked Sendable {
  // @unchecked Sendable: `url` never changes; the folder itself belongs to one test.

  public let url: URL

  public init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("marquee-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { remove() }

  /// Deletes the folder and everything in it, first giving back the permissions a test
  /// may have taken away (an unreadable folder could not be emptied otherwise).
  public func remove() {
    Self.makeTraversable(url.path)
    try? FileManager.default.removeItem(at: url)
  }

  /// Gives every real folder under `path` (not followed through links) owner rwx again.
  private static func makeTraversable(_ path: String) {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
    if info.st_mode & 0o700 != 0o700 { chmod(path, info.st_mode | 0o700) }
    for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
      makeTraversable(path + "/" + name)
    }
  }

  public var path: String { url.path }

  /// The path of `name` inside the folder (the file need not exist).
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes UTF-8 text to `name` (which may hold `/` for a subfolder) and returns its path.
  @discardableResult
  public func write(_ text: String, to name: String) throws -> String {
    try write(bytes: Array(text.utf8), to: name)
  }

  /// Writes raw bytes to `name` (which may hold `/` for a subfolder) and returns its path.
  @discardableResult
  public func write(bytes: [UInt8], to name: String) throws -> String {
    let fileURL = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: fileURL)
    return fileURL.path
  }

  /// Writes `contents` to a file in the folder whose name is the raw bytes `name`, which
  /// need not be UTF-8 (a file system allows any byte but `/` and NUL); returns the
  /// path's bytes.
  @discardableResult
  public func write(bytes contents: [UInt8], toRawName name: [UInt8]) throws -> [UInt8] {
    let path = Array(url.path.utf8) + [UInt8(ascii: "/")] + name
    let descriptor = (path + [0]).withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    }
    guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
    defer { close(descriptor) }
    let written = contents.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
    guard written == contents.count else { throw CocoaError(.fileWriteUnknown) }
    return path
  }

  /// Creates a subfolder (and its parents) and returns its path.
  @discardableResult
  public func makeFolder(_ name: String) throws -> String {
    let folder = url.appendingPathComponent(name, isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
  }
}
