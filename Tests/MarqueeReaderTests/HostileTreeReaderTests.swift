import Foundation
import MarqueeTestSupport
import Testing

/// The reader on `HostileTree`: it opens on what loads, says how many files it skipped,
/// shows the hardest articles (a 100,000-letter word, a 2 MB line), quits cleanly, and
/// has changed no file. tmux waits time out rather than hang.
@Suite(
  "the reader on any tree",
  .enabled(if: Tmux.isAvailable, "tmux is not installed; .ci/run installs it"))
struct HostileTreeReaderTests {
  /// Loading thousands of files in a debug build takes a few seconds.
  static let loadTimeout = 60.0

  /// Browses `tree` in the reader, then quits with `q`: the list shows every loaded
  /// article and the skip count, the longest articles open and scroll, and every file
  /// reads the same afterwards.
  private static func expectReaderCopesWith(
    _ tree: HostileTree, environment: [String: String] = [:], vanishingDeleted: Bool = false
  ) throws {
    let before = try FileChecksums.of(tree.root)
    let skipped = tree.expectedOutcomes(vanishingDeleted: vanishingDeleted).values
      .filter { $0 != .loaded }.count
    let loaded = tree.loadedCount(vanishingDeleted: vanishingDeleted)
    let binary = try MarqueeBinary.url()
    let command = TmuxSession.readerCommand(binary, [tree.root], environment: environment)
    let tmux = try TmuxSession.running(command + "; echo EXIT=$?; sleep 30")
    defer { tmux.kill() }
    let list = try tmux.waitFor("every article loaded", timeout: loadTimeout) {
      $0.shows("Articles (\(loaded))") && $0.shows("\(skipped) files were skipped")
    }
    #expect(list.showsNoCrashReport, "\(list.joined(separator: "\n"))")

    try tmux.sendKeys("/", "h", "u", "n", "d", "r", "e", "d", "Enter", "Enter")
    // Opening them is slow only in a debug build under AddressSanitizer (the 2 MB line
    // took 9 s there before the reader laid out a screen at a time).
    try tmux.waitFor("the long word open", timeout: loadTimeout) {
      $0.shows(HostileTree.longWordTitle) && $0.shows("Esc back") && $0.shows("abcdefghij")
    }
    try tmux.sendKeys("Space", "Space", "G", "g", "Escape", "Escape", "g")
    try tmux.waitFor("the search cleared") { $0.shows("Articles (\(loaded))") }
    // The 2 MB line is an article of one enormous title; find it by path order.
    try tmux.sendKeys("/", "m", "a", "r", "q", "u", "e", "e", "Enter", "Enter")
    try tmux.waitFor("the long line open", timeout: loadTimeout) {
      $0.shows("marquee marquee") && $0.shows("Esc back")
    }
    try tmux.sendKeys("G", "Q")
    let after = try tmux.waitForLine("EXIT=0", timeout: loadTimeout)
    #expect(after.showsNoCrashReport, "\(after.joined(separator: "\n"))")
    var expected = before
    if vanishingDeleted {
      expected.removeAll { $0.contains(HostileTree.vanishing) }
    }
    #expect(try FileChecksums.of(tree.root) == expected, "article files are never modified")
  }

  @Test func opensOnTheRestAndChangesNoFile() throws {
    let tree = try HostileTree.build(tinyFiles: 200)
    defer { tree.folder.remove() }
    try Self.expectReaderCopesWith(tree)
  }

  @Test
  func opensOnTenThousandTinyFilesAndChangesNoFile() throws {
    let tree = try HostileTree.build(tinyFiles: 10_000)
    defer { tree.folder.remove() }
    try Self.expectReaderCopesWith(tree)
  }

  @Test(
    .enabled(
      if: VanishingFiles.isAvailable,
      "needs a C compiler to build the library that deletes a file mid-load"))
  func aFileDeletedWhileLoadingIsSkippedAndTheRestOpens() throws {
    let tree = try HostileTree.build(tinyFiles: 50, depth: 20)
    defer { tree.folder.remove() }
    let vanishing = tree.folder.path(HostileTree.vanishing)
    try Self.expectReaderCopesWith(
      tree, environment: try VanishingFiles.deleting(onOpen: vanishing), vanishingDeleted: true)
    #expect(!FileManager.default.fileExists(atPath: vanishing), "the file was deleted mid-load")
  }
}
