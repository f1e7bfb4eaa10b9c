import Foundation
import MarqueeCore
import TOMLKit

/// Where articles are read from when the command line names none, and which files:
/// what `MARQUEE_PATH`, `--include` and `--max-size` set, as defaults. The command line
/// wins over the environment, the environment over the file, the file over the
/// built-in defaults.
public struct LibrarySettings: Sendable, Equatable {
  /// Files and folders to read (`~/` is the home folder).
  public var paths: [String]?
  public var includeGlobs: [String]?
  public var maxFileSize: Int64?

  public init(paths: [String]? = nil, includeGlobs: [String]? = nil, maxFileSize: Int64? = nil) {
    self.paths = paths
    self.includeGlobs = includeGlobs
    self.maxFileSize = maxFileSize
  }
}

/// `[library]`: `paths = ["~/articles"]`, `include = ["*.txt", "*.text"]`,
/// `max-size = "8MiB"`.
enum LibraryTable {
  static func read(
    _ table: TOMLTable, lines: EntryLines, home: String?, problem: (Int?, String) -> Void
  ) -> LibrarySettings {
    var library = LibrarySettings()
    for (name, value) in lines.inFileOrder(table, in: "library") {
      let line = lines.line(of: name, in: "library")
      switch name {
      case "paths":
        guard let paths = stringList(value), !paths.isEmpty else {
          problem(line, "paths takes a folder or a list of them, as in paths = [\"~/articles\"]")
          continue
        }
        library.paths = paths.map { path in
          guard path.hasPrefix("~/"), let home else { return path }
          return home + path.dropFirst()
        }
      case "include":
        guard let globs = stringList(value), !globs.isEmpty else {
          problem(line, "include takes a glob or a list of them, as in include = [\"*.txt\"]")
          continue
        }
        library.includeGlobs = globs
      case "max-size":
        let size = value.string.flatMap(ByteSize.parse) ?? value.int.map(Int64.init)
        guard let size, size > 0, size <= LoadOptions.largestMaxFileSize else {
          problem(
            line,
            "max-size takes a size such as \"512K\" or \"8MiB\", at most "
              + ByteSize.format(LoadOptions.largestMaxFileSize))
          continue
        }
        library.maxFileSize = size
      default:
        problem(line, "“\(name)” is not a library setting; they are paths, include and max-size")
      }
    }
    return library
  }

}
