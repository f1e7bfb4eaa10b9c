import Foundation
import MarqueeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// However the reader ends, the shell gets back exactly the terminal modes it had
/// (`stty -g`), the reader's screen is gone, no crash report is shown, and the exit
/// status says how it ended.
@Suite(
  "the terminal is left clean",
  .enabled(if: Tmux.isAvailable, "tmux is not installed; .ci/run installs it"))
struct TerminalRestoreTests {
  /// `q` quits; so does Ctrl-C, which the reader reads as a key (it runs in raw mode so
  /// that ncurses cannot exit behind its back) and documents as "quit at once": both are
  /// a user's choice to leave, so both exit 0.
  @Test(arguments: ["q", "C-c"])
  func quittingByKeyExitsZeroAndRestoresTheTerminal(key: String) throws {
    let corpus = try ReaderCorpus.write()
    defer { corpus.remove() }
    try ShellWithSavedModes.with { shell in
      _ = try shell.startReader([corpus.path])
      try shell.tmux.waitFor("Articles (3)")
      try shell.tmux.sendKeys(key)
      let after = try shell.tmux.waitFor("EXIT=0")
      #expect(!after.shows("Articles (3)"), "the reader's screen is gone")
      #expect(after.showsNoCrashReport, "\(after.joined(separator: "\n"))")
      try shell.expectModesRestoredAndShellAlive()
    }
  }

  /// A signal sent from outside (`kill`, a closed terminal window, a job control
  /// interrupt) ends the reader in order: screen restored, exit status 128 + the signal.
  @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGQUIT])
  func aSignalFromOutsideExitsWith128PlusItAndRestoresTheTerminal(signal: Int32) throws {
    let corpus = try ReaderCorpus.write()
    defer { corpus.remove() }
    try ShellWithSavedModes.with { shell in
      let pid = try shell.startReader([corpus.path])
      try shell.tmux.waitFor("Articles (3)")
      #expect(kill(pid, signal) == 0)
      let after = try shell.tmux.waitFor("EXIT=\(128 + signal)")
      #expect(!after.shows("Articles (3)"), "the reader's screen is gone")
      #expect(after.showsNoCrashReport, "\(after.joined(separator: "\n"))")
      try shell.expectModesRestoredAndShellAlive()
    }
  }

  /// A signal or `q` while the corpus is still loading on its background thread: the
  /// status bar says `Loading` when the key or signal is sent (a 2 MB one-line article
  /// keeps the first batch busy for a while), and the ending is as clean as ever.
  @Test(arguments: ["q", "SIGTERM"])
  func endingWhileStillLoadingRestoresTheTerminal(ending: String) throws {
    let corpus = try ReaderCorpus.write()
    defer { corpus.remove() }
    try corpus.write(String(repeating: "marquee ", count: (2 << 20) / 8), to: "0-long-line.txt")
    try ShellWithSavedModes.with { shell in
      let pid = try shell.startReader([corpus.path])
      try shell.tmux.waitFor("the status bar saying Loading") { $0.shows("Loading") }
      if ending == "q" {
        try shell.tmux.sendKeys("q")
      } else {
        #expect(kill(pid, SIGTERM) == 0)
      }
      let after = try shell.tmux.waitFor("EXIT=\(ending == "q" ? 0 : 128 + SIGTERM)")
      #expect(!after.shows("Loading"), "the reader's screen is gone")
      #expect(after.showsNoCrashReport, "\(after.joined(separator: "\n"))")
      try shell.expectModesRestoredAndShellAlive()
    }
  }

  /// The article folder vanishes after the reader has checked it and opened the terminal,
  /// before its background walk: loading fails while the reader runs. The message must
  /// come after the screen is restored (so it stays visible), with exit status 2.
  ///
  /// Deterministic thanks to `VanishingFiles`: the folder is renamed away by the walk's
  /// own `stat`, on the loading thread, at the one moment that matters. Deleting it from
  /// the test instead would race the reader's first milliseconds.
  @Test(
    .enabled(
      if: VanishingFiles.isAvailable,
      "needs a C compiler to build the library that moves the folder mid-start"))
  func aFolderVanishingAfterStartIsReportedAfterTheScreenIsRestored() throws {
    let parent = try TemporaryFolder()
    defer { parent.remove() }
    let corpus = parent.path("articles")
    for article in ReaderCorpus.all {
      try parent.write(article.text, to: "articles/\(article.fileName)")
    }
    try ShellWithSavedModes.with { shell in
      _ = try shell.startReader(
        [corpus], environment: try VanishingFiles.moving(offMainThread: corpus))
      let after = try shell.tmux.waitFor("EXIT=2")
      let message = "marquee: no such file or directory: \(corpus)"
      let messageRow = try #require(
        after.firstIndex { $0.hasPrefix(message) }, "\(after.joined(separator: "\n"))")
      let exitRow = try #require(after.firstIndex { $0.hasPrefix("EXIT=2") })
      #expect(messageRow < exitRow)
      #expect(!after.shows("Articles ("), "the reader's screen is gone")
      #expect(after.showsNoCrashReport, "\(after.joined(separator: "\n"))")
      #expect(FileManager.default.fileExists(atPath: corpus + ".gone"), "the folder was moved")
      try shell.expectModesRestoredAndShellAlive()
    }
  }
}
