import Foundation
import MarqueeTestSupport
import Testing

/// `list` and `search` print each path as the loader names it, from the paths given, so
/// `marquee show PATH` opens it from the same working directory.
@Suite("Printed paths open with show")
struct PrintedPathTests {
  /// `root/corpus` with an article at the top, one in a subfolder and one whose name has
  /// two spaces in a row (which a tidied path would lose); and `root/other`.
  private static func makeRoot() throws -> TemporaryFolder {
    let root = try TemporaryFolder()
    try root.write(Samples.harbor, to: "corpus/a-harbor.txt")
    try root.write(Samples.beacon, to: "corpus/sub/b-beacon.txt")
    try root.write(Samples.orchard, to: "corpus/two  spaces.txt")
    try root.write("Second Folder Story\n\nIt lives elsewhere.\n", to: "other/c-second.txt")
    return root
  }

  /// The paths in `list`'s table: the PATH column, as wide as the header says.
  static func tablePaths(_ output: [String]) throws -> [String] {
    let header = try #require(output.firstIndex { $0.hasPrefix("PATH") }, "no header")
    let images = try #require(output[header].range(of: "IMAGES"))
    let width = output[header].distance(from: output[header].startIndex, to: images.lowerBound) - 2
    return output[(header + 1)...].map { row in
      var path = String(row.prefix(width))
      while path.hasSuffix(" ") { path.removeLast() }
      return path
    }
  }

  /// Runs `show` on each path from `directory`; each must open, with `title` first.
  static func expectShowOpens(
    _ paths: [String], titles: [String], from directory: URL,
    environment: [String: String?] = [:]
  ) throws {
    try #require(paths.count == titles.count, "\(paths)")
    for (path, title) in zip(paths, titles) {
      let shown = try CLIRunner.run(
        ["show", "--width", "0", path], environment: environment, currentDirectory: directory)
      #expect(shown.status == 0, "show \(path): \(shown.stderr)")
      #expect(shown.stdoutLines.first == title, "show \(path)")
    }
  }

  static let titles = [Samples.harbor.title, Samples.beacon.title, Samples.orchard.title]

  @Test(arguments: ["corpus", "./corpus/", "ABSOLUTE"])
  func listThenShowFromTheSameDirectory(argument: String) throws {
    let root = try Self.makeRoot()
    defer { root.remove() }
    let given = argument == "ABSOLUTE" ? root.path("corpus") : argument
    let list = try CLIRunner.run(["list", given], currentDirectory: root.url)
    #expect(list.status == 0 && list.stderr == "")
    let paths = try Self.tablePaths(list.stdoutLines)
    let folder = given.hasSuffix("/") ? given : given + "/"
    #expect(paths == ["a-harbor.txt", "sub/b-beacon.txt", "two  spaces.txt"].map { folder + $0 })
    try Self.expectShowOpens(paths, titles: Self.titles, from: root.url)

    let json = try CLIRunner.run(["list", "--json", given], currentDirectory: root.url)
    #expect(try JSON.array(json.stdout).map { $0["path"] as? String } == paths)

    // search prints the same paths, before `: title`.
    let search = try CLIRunner.run(["search", "the", given], currentDirectory: root.url)
    let found = search.stdoutLines.filter { !$0.hasPrefix("  ") }
    for line in found {
      let path = String(try #require(line.range(of: ": ").map { line[..<$0.lowerBound] }))
      #expect(paths.contains(path), "\(line)")
      let title = String(line.dropFirst(path.count + 2))
      try Self.expectShowOpens([path], titles: [title], from: root.url)
    }
    #expect(found.count >= 2)
  }

  @Test func aFileNamedDirectlyAndTwoFoldersFromMarqueePath() throws {
    let root = try Self.makeRoot()
    defer { root.remove() }
    let named = try CLIRunner.run(
      ["list", "corpus/sub/b-beacon.txt", "other"], currentDirectory: root.url)
    let paths = try Self.tablePaths(named.stdoutLines)
    #expect(paths == ["corpus/sub/b-beacon.txt", "other/c-second.txt"])
    try Self.expectShowOpens(
      paths, titles: [Samples.beacon.title, "Second Folder Story"], from: root.url)

    let environment: [String: String?] = ["MARQUEE_PATH": "other:corpus/sub"]
    let fromEnvironment = try CLIRunner.run(
      ["list"], environment: environment, currentDirectory: root.url)
    #expect(fromEnvironment.status == 0)
    let listed = try Self.tablePaths(fromEnvironment.stdoutLines)
    #expect(listed == ["corpus/sub/b-beacon.txt", "other/c-second.txt"])
    try Self.expectShowOpens(
      listed, titles: [Samples.beacon.title, "Second Folder Story"], from: root.url,
      environment: environment)
  }

  @Test func theBundledSamplesPrintPathsThatOpen() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let list = try CLIRunner.run(["list"], currentDirectory: folder.url)
    #expect(list.status == 0)
    let paths = try Self.tablePaths(list.stdoutLines)
    try #require(paths.count >= 12)
    #expect(paths.allSatisfy { $0.hasPrefix("/") && $0.hasSuffix(".txt") })
    let json = try JSON.array(
      try CLIRunner.run(["list", "--json"], currentDirectory: folder.url).stdout)
    #expect(json.map { $0["path"] as? String } == paths)
    let titles = json.map { $0["title"] as? String ?? "" }
    try Self.expectShowOpens(paths, titles: titles, from: folder.url)
  }

  /// On a terminal the title gives way and the path never does; where the paths leave
  /// the title less than 20 columns, each path goes on a line of its own under its row.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func onANarrowTerminalTheTitleIsCutAndThePathIsNot() throws {
    let root = try TemporaryFolder()
    defer { root.remove() }
    let deep = "a-folder-with-a-long-name/and-another-one-inside-it/article.txt"
    var long = Samples.harbor
    long.title = "A Harbor Festival Title So Long That No Seventy-Column Terminal Holds It"
    try root.write(long, to: "short.txt")
    try root.write(Samples.orchard, to: deep)
    func listOnATerminal(_ path: String) throws -> [String] {
      let result = try CLIRunner.runShell(
        "cd \"$1\" && script -qec \"stty cols 70 rows 24; '$MARQUEE' list '$2'\" /dev/null",
        arguments: [root.path, path])
      #expect(result.status == 0, "\(result.stderr)")
      return result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
        .split(separator: "\n").map(String.init)
    }
    // Alone, the short path leaves the title the rest of the 70 columns.
    let alone = try listOnATerminal("short.txt")
    let row = try #require(alone.first { $0.hasPrefix("short.txt ") }, "\(alone)")
    #expect(row.count == 70 && row.hasSuffix("…"), "\(row)")

    let both = try listOnATerminal(".")
    #expect(both.first == "2 articles")
    #expect(both.dropFirst().first?.hasPrefix("IMAGES  WORDS  TITLE") == true, "\(both)")
    let deepLine = try #require(both.firstIndex(of: "  ./" + deep), "\(both)")
    #expect(both[deepLine - 1].hasSuffix("  " + Samples.orchard.title))
    let shortLine = try #require(both.firstIndex(of: "  ./short.txt"), "\(both)")
    #expect(both[shortLine - 1].hasSuffix("…") && both[shortLine - 1].count == 70)
    #expect(both.allSatisfy { $0.count <= 70 || $0 == "  ./" + deep })
  }
}
