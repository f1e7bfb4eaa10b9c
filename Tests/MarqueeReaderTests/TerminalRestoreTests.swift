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
  @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
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
}
