import Foundation
import MarqueeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `marquee check` on `HostileTree`: every odd entry is loaded or skipped with the reason
/// the tree says, the ordinary articles around them all load, and nothing hangs (each
/// run is killed, failing the test, after `CLIRunner.timeoutSeconds`).
@Suite("any file, any tree")
struct HostileTreeCheckTests {
  private struct Report {
    let files: Int
    let loaded: Int
    /// Reason by path relative to the tree's root.
    let skipped: [String: String]
  }

  private static func report(_ result: CLIResult, root: String) throws -> Report {
    let json = try JSON.object(result.stdout)
    let skipped = try #require(json["skipped"] as? [[String: String]])
    var reasons: [String: String] = [:]
    for skip in skipped {
      let path = try #require(skip["path"])
      reasons[String(path.dropFirst(root.count + 1))] = skip["reason"]
    }
    return Report(
      files: try #require(json["files"] as? Int), loaded: try #require(json["loaded"] as? Int),
      skipped: reasons)
  }

  /// Every listed entry has its expected outcome, and nothing else was skipped.
  private static func expect(
    _ report: Report, accountsFor tree: HostileTree, vanishingDeleted: Bool,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let expected = tree.expectedOutcomes(vanishingDeleted: vanishingDeleted)
    for (path, outcome) in expected.sorted(by: { $0.key < $1.key }) {
      switch outcome {
      case .loaded:
        #expect(report.skipped[path] == nil, "\(path) loads", sourceLocation: sourceLocation)
      case .skipped(let reason):
        #expect(
          report.skipped[path]?.contains(reason) == true,
          "\(path): expected \(reason), got \(report.skipped[path] ?? "loaded")",
          sourceLocation: sourceLocation)
      }
    }
    let unexpected = report.skipped.keys.filter { expected[$0] == nil }
    #expect(unexpected.isEmpty, "skipped: \(unexpected.sorted())", sourceLocation: sourceLocation)
    #expect(
      report.loaded == tree.loadedCount(vanishingDeleted: vanishingDeleted),
      sourceLocation: sourceLocation)
  }

  /// Runs `check` (JSON, text, --strict) and `list` on `tree` and expects every entry to
  /// be accounted for.
  private static func expectCheckAccountsForEverything(
    in tree: HostileTree, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let json = try CLIRunner.run(["check", "--json", tree.root])
    #expect(json.status == 0, "\(json.stderr.prefix(2_000))", sourceLocation: sourceLocation)
    #expect(json.stderr == "", sourceLocation: sourceLocation)
    let report = try Self.report(json, root: tree.root)
    Self.expect(report, accountsFor: tree, vanishingDeleted: false, sourceLocation: sourceLocation)

    let text = try CLIRunner.run(["check", tree.root])
    #expect(text.status == 0, sourceLocation: sourceLocation)
    let lines = text.stdoutLines
    #expect(
      lines.first
        == "\(report.loaded) of \(report.files) files loaded, \(report.skipped.count) skipped",
      sourceLocation: sourceLocation)
    for (path, reason) in report.skipped {
      #expect(
        lines.contains("  \(tree.root)/\(path): \(reason)"), "\(path) in the text report",
        sourceLocation: sourceLocation)
    }
    let strict = try CLIRunner.run(["check", "--strict", tree.root])
    #expect(strict.status == 1, sourceLocation: sourceLocation)

    // The articles that load are whole: the long word and the 2 MB line survive.
    let list = try CLIRunner.run(["list", "--json", "--sort", "words", tree.root])
    #expect(list.status == 0, sourceLocation: sourceLocation)
    let rows = try JSON.array(list.stdout)
    #expect(rows.count == report.loaded, sourceLocation: sourceLocation)
    #expect(
      rows.first?["path"] as? String == tree.folder.path(HostileTree.longLine),
      sourceLocation: sourceLocation)
    #expect(
      rows.contains { $0["title"] as? String == HostileTree.longWordTitle },
      sourceLocation: sourceLocation)
  }

  /// Every odd entry, beside 200 tiny files and 200 nested folders.
  @Test func everyEntryIsLoadedOrSkippedWithItsReason() throws {
    let tree = try HostileTree.build(tinyFiles: 200)
    defer { tree.folder.remove() }
    try Self.expectCheckAccountsForEverything(in: tree)
  }

  /// The same with 10,000 tiny files in one folder.
  @Test
  func tenThousandTinyFilesInOneFolderAllLoad() throws {
    let tree = try HostileTree.build(tinyFiles: 10_000)
    defer { tree.folder.remove() }
    try Self.expectCheckAccountsForEverything(in: tree)
  }

  /// A FIFO is never opened, for reading or otherwise: opening one for reading blocks
  /// until a writer comes (or, non-blocking, would let a writer in). inotify reports every
  /// open of the FIFO, by any process; `stat`, which the walk uses, is not an open.
  @Test func aFIFOIsNeverOpened() throws {
    #if os(Linux)
      let tree = try HostileTree.build(tinyFiles: 2, depth: 2)
      defer { tree.folder.remove() }
      let fifo = tree.folder.path("0-fifo.txt")
      let watch = inotify_init1(Int32(IN_NONBLOCK))
      try #require(watch >= 0)
      defer { close(watch) }
      try #require(inotify_add_watch(watch, fifo, UInt32(IN_OPEN)) >= 0)
      let runs = [
        ["check", tree.root], ["list", tree.root], ["search", "tiny", tree.root], ["check", fifo],
        ["show", fifo], ["credits", fifo],
      ]
      for arguments in runs {
        let result = try CLIRunner.run(arguments)
        // Inside a folder the FIFO is skipped; named directly, it fails the command.
        #expect(result.status == (arguments.last == fifo ? 2 : 0), "\(arguments)")
      }
      var events = [UInt8](repeating: 0, count: 4096)
      #expect(read(watch, &events, events.count) < 0, "marquee opened the FIFO")
      // The watch does see an open: the test's own.
      let probe = open(fifo, O_RDONLY | O_NONBLOCK)
      close(probe)
      #expect(read(watch, &events, events.count) > 0, "inotify saw the test open the FIFO")
    #endif
  }

  /// A loaded file's count and the skips add up to the files `check` says it met.
  @Test
  func theCountsAddUp() throws {
    let tree = try HostileTree.build(tinyFiles: 3, depth: 3)
    defer { tree.folder.remove() }
    let report = try Self.report(
      try CLIRunner.run(["check", "--json", tree.root]), root: tree.root)
    #expect(report.loaded + report.skipped.count == report.files, "\(report.skipped)")
  }

  @Test(
    .enabled(
      if: VanishingFiles.isAvailable,
      "needs a C compiler to build the library that deletes a file mid-load"))
  func aFileDeletedWhileLoadingIsSkippedWithTheReason() throws {
    let tree = try HostileTree.build(tinyFiles: 20, depth: 5)
    defer { tree.folder.remove() }
    let vanishing = tree.folder.path(HostileTree.vanishing)
    let result = try CLIRunner.run(
      ["check", "--json", tree.root], environment: try VanishingFiles.deleting(onOpen: vanishing))
    #expect(result.status == 0)
    #expect(!FileManager.default.fileExists(atPath: vanishing), "the file was deleted mid-load")
    Self.expect(try Self.report(result, root: tree.root), accountsFor: tree, vanishingDeleted: true)
  }

  @Test(
    .enabled(
      if: !HostileTree.runsAsRoot,
      """
      the tests run as root, which reads files whatever their permissions, so a file \
      without read permission loads; this skip can only be seen as another user
      """
    ))
  func aFileWithoutReadPermissionIsSkippedWithTheReason() throws {
    let tree = try HostileTree.build(tinyFiles: 1, depth: 1)
    defer { tree.folder.remove() }
    let report = try Self.report(
      try CLIRunner.run(["check", "--json", tree.root]), root: tree.root)
    #expect(report.skipped["0-locked.txt"] == "unreadable: Permission denied")
  }
}
