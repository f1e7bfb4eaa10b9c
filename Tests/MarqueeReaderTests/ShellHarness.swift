import Foundation
import MarqueeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An interactive `sh` in tmux whose terminal modes (`stty -g`) were saved before marquee
/// runs in it, to prove the reader hands the terminal back exactly as it found it, and
/// that the shell after it still works.
final class ShellWithSavedModes {
  let tmux: TmuxSession
  /// Holds the saved modes, the reader's pid and the script that starts it; not a corpus.
  let scratch: TemporaryFolder

  private init(tmux: TmuxSession, scratch: TemporaryFolder) {
    self.tmux = tmux
    self.scratch = scratch
  }

  /// Runs `body` with a fresh shell whose modes are saved, and cleans up however it ends.
  static func with<Result>(_ body: (ShellWithSavedModes) throws -> Result) throws -> Result {
    let scratch = try TemporaryFolder()
    defer { scratch.remove() }
    let tmux = try TmuxSession.shell()
    defer { tmux.kill() }
    try tmux.waitForPrompt()
    // The command line shows `M-$((1))`; only the output reads `M-1`.
    try tmux.typeLine("stty -g > \(shellQuoted(scratch.path("before"))); echo M-$((1))")
    try tmux.waitFor("M-1")
    try tmux.waitForPrompt()
    return try body(ShellWithSavedModes(tmux: tmux, scratch: scratch))
  }

  /// Types a command line that runs marquee with `arguments` (and `environment` on top of
  /// the reader's usual one) and then prints `EXIT=<status>`; returns marquee's pid, read
  /// from a file its wrapper script writes before `exec`, so signals reach marquee itself.
  func startReader(
    _ arguments: [String], environment: [String: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> pid_t {
    let binary = try MarqueeBinary.url()
    let pidFile = scratch.path("pid")
    let script = try scratch.write(
      "echo $$ > \(shellQuoted(pidFile))\nexec "
        + TmuxSession.readerCommand(binary, arguments, environment: environment) + "\n",
      to: "start-reader.sh")
    try tmux.typeLine("sh \(shellQuoted(script)); echo EXIT=$?")
    let deadline = Date().addingTimeInterval(TmuxSession.timeoutSeconds)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
        let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return pid
      }
      usleep(20_000)
    }
    let started = false
    try #require(
      started, "the reader's wrapper never wrote its pid", sourceLocation: sourceLocation)
    return 0
  }

  /// Waits for the prompt after marquee ended, saves `stty -g` again, expects it to equal
  /// the modes saved before, and checks that the shell still runs commands.
  func expectModesRestoredAndShellAlive(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try tmux.waitForPrompt(sourceLocation: sourceLocation)
    try tmux.typeLine("stty -g > \(shellQuoted(scratch.path("after"))); echo M-$((2))")
    try tmux.waitFor("M-2", sourceLocation: sourceLocation)
    try tmux.waitForPrompt(sourceLocation: sourceLocation)
    let before = try String(contentsOfFile: scratch.path("before"), encoding: .utf8)
    let after = try String(contentsOfFile: scratch.path("after"), encoding: .utf8)
    #expect(!before.isEmpty, sourceLocation: sourceLocation)
    #expect(before == after, "stty -g before and after marquee", sourceLocation: sourceLocation)
    try tmux.typeLine("echo ALIVE")
    try tmux.waitForLine("ALIVE", sourceLocation: sourceLocation)
  }
}
