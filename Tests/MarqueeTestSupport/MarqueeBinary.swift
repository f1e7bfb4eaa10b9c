import Foundation

/// The `marquee` executable that SwiftPM builds beside the test binary. Test targets that
/// run it depend on the `marquee` target, so it is built before they run.
public enum MarqueeBinary {
  /// The built binary could not be found.
  public struct NotFound: Error, CustomStringConvertible {
    public let searched: [String]

    public var description: String {
      "the built binary was not found; looked at: \(searched.joined(separator: ", "))"
    }
  }

  /// The executable's name in the build folder.
  public static let name = "marquee"

  /// The first executable regular file named `marquee` (or `name`) in
  /// `candidateDirectories()`.
  public static func url(named name: String = name) throws -> URL {
    let candidates = candidateDirectories().map { $0.appendingPathComponent(name) }
    for candidate in candidates {
      var isDirectory: ObjCBool = false
      if FileManager.default.isExecutableFile(atPath: candidate.path),
        FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        return candidate
      }
    }
    throw NotFound(searched: candidates.map(\.path))
  }

  /// The test binary's folder, and the folder beside any `.xctest` bundle it sits in.
  /// With `swift test` on Linux the test binary is `.build/<triple>/debug/X.xctest`, a
  /// file beside `marquee`; on macOS it is a bundle directory
  /// (`X.xctest/Contents/MacOS/X`), possibly loaded by a separate runner, and `marquee`
  /// sits beside the bundle.
  static func candidateDirectories() -> [URL] {
    var executables: [URL] = []
    if FileManager.default.fileExists(atPath: "/proc/self/exe") {
      executables.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
    }
    if let main = Bundle.main.executableURL {
      executables.append(main.resolvingSymlinksInPath())
    }
    var directories: [URL] = []
    for executable in executables {
      var ancestor = executable.deletingLastPathComponent()
      directories.append(ancestor)
      while ancestor.path != "/" && !ancestor.path.isEmpty {
        if ancestor.pathExtension == "xctest" {
          directories.append(ancestor.deletingLastPathComponent())
        }
        ancestor = ancestor.deletingLastPathComponent()
      }
    }
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
      directories.append(bundle.bundleURL.resolvingSymlinksInPath().deletingLastPathComponent())
    }
    var seen = Set<String>()
    return directories.filter { seen.insert($0.standardizedFileURL.path).inserted }
  }
}
