import ArgumentParser
import Foundation
import MarqueeCore

/// `marquee cache info|clear`: shows and removes the cache of parsed articles and index
/// that makes a second start quick.
struct CacheCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cache",
    abstract: "Show or remove the cache of parsed articles and index.",
    discussion: """
      Every command that loads articles keeps them, parsed and indexed, in \
      $XDG_CACHE_HOME/marquee (else ~/.cache/marquee), one folder per set of paths and \
      load options; the next start on the same paths reads only the files that changed. \
      --no-cache or MARQUEE_CACHE=off neither reads nor writes it. Removing it is always \
      safe: it is made again from the files.
      """,
    subcommands: [Info.self, Clear.self],
    defaultSubcommand: Info.self)

  /// The cache folder, or a one-line failure when it is turned off.
  static func folder() throws -> CacheFolder {
    guard let folder = CacheFolder.standard() else {
      throw Console.failure("the cache is off (MARQUEE_CACHE=off, or no home folder)")
    }
    return folder
  }

  struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List each cached library: its paths, articles, size and when it was written.",
      discussion: """
        JSON: {"folder","libraries":[{"paths","articles","segments","bytes","written",\
        "problem"}]}; "problem" is left out for a cache the next load uses as it is, \
        "written" for one whose manifest cannot be read.
        """)

    @Flag(help: "Print JSON instead of text.")
    var json = false

    struct Report: Encodable {
      struct Library: Encodable {
        let paths: [String]
        let articles: Int
        let segments: Int
        let bytes: Int64
        let written: String?
        let problem: String?
      }
      let folder: String
      let libraries: [Library]
    }

    func run() throws {
      let folder = try CacheCommand.folder()
      let libraries = folder.libraries()
      if json {
        try Console.printJSON(
          Report(
            folder: folder.path,
            libraries: libraries.map {
              Report.Library(
                paths: $0.roots, articles: $0.articles, segments: $0.segments, bytes: $0.bytes,
                written: $0.written.map { ISO8601DateFormatter().string(from: $0) },
                problem: $0.problem)
            }))
        return
      }
      print(
        "\(Console.safePath(folder.path)): \(libraries.count) cached \(libraries.count == 1 ? "library" : "libraries")"
      )
      for library in libraries {
        let paths =
          library.roots.isEmpty
          ? library.name : library.roots.map(Console.safePath).joined(separator: " ")
        let when =
          library.written.map { " · written \(ISO8601DateFormatter().string(from: $0))" } ?? ""
        print("  \(paths): \(library.articles) articles, \(ByteSize.format(library.bytes))\(when)")
        if let problem = library.problem { print("    \(problem)") }
      }
    }
  }

  struct Clear: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Remove every cached library (the next load makes its cache again).")

    func run() throws {
      let folder = try CacheCommand.folder()
      do {
        let freed = try folder.clear()
        print("Removed \(Console.safePath(folder.path)) (\(ByteSize.format(freed)))")
      } catch {
        throw Console.failure("cannot remove \(folder.path): \(error.localizedDescription)")
      }
    }
  }
}
