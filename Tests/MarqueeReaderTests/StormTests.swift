import Foundation
import MarqueeTestSupport
import Testing

@testable import MarqueeSynthetic

/// The reader under abuse a real terminal can deliver: the window dragged through every
/// size, down to a single cell, faster than it can redraw; and a cat on the keyboard.
/// Seeded, so a failure repeats exactly.
@Suite(
  "resize storms and key mashing",
  .enabled(if: Tmux.isAvailable, "tmux is not installed; .ci/run installs it"))
struct StormTests {
  /// Sizes for a storm: the extremes that break layouts, then random ones, no waiting.
  static func stormSizes(seed: UInt64) -> [(columns: Int, rows: Int)] {
    var random = SplitMix64(seed: seed)
    let extremes = [(1, 1), (2, 1), (1, 2), (1, 40), (250, 1), (39, 9), (40, 10), (99, 30)]
    let randomSizes = (0..<40).map { _ in (random.within(1...220), random.within(1...70)) }
    return extremes + randomSizes + extremes.reversed()
  }

  /// After a storm the screen is exactly what a reader opened at the final size shows,
  /// with the selection kept: nothing left over from any size it passed through.
  @Test(arguments: [100, 60, 40])
  func aResizeStormEndsOnTheScreenOfTheFinalSize(finalColumns: Int) throws {
    let final = (columns: finalColumns, rows: finalColumns * 3 / 10)
    let reference = try withReader(columns: final.columns, rows: final.rows) { tmux in
      try tmux.sendKeys("j")
      return try tmux.waitFor("status 2/3 at the final size") { $0.status(is: "2/3") }
    }
    let stormed: [String] = try withReader { tmux in
      try tmux.sendKeys("j")
      try tmux.waitFor("status 2/3") { $0.status(is: "2/3") }
      for size in Self.stormSizes(seed: UInt64(final.columns)) {
        try tmux.resize(columns: size.columns, rows: size.rows)
      }
      try tmux.resize(columns: final.columns, rows: final.rows)
      let after = try tmux.waitFor("the screen of the final size") { $0 == reference }
      try tmux.sendKeys("q")
      try tmux.waitForLine("EXIT=0")
      return after
    }
    #expect(stormed.showsNoCrashReport, "\(stormed.joined(separator: "\n"))")
  }

  /// Key names tmux understands: every key the reader binds and many it does not, but
  /// not `q`, `Q` or `C-c` (they would end the run), `|` (it would run the random text
  /// typed after it as a shell command), `v` and `e` (they hand the terminal to a pager
  /// or editor, and a C-z typed meanwhile stops the reader as a shell would want) nor
  /// `;` (a tmux command separator).
  static let mashableKeys: [String] =
    "abcdfghijklmnoprstuwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789/?*-\"'.,é".map(String.init)
    + [
      "Up", "Down", "Left", "Right", "Home", "End", "PageUp", "PageDown", "Enter", "Escape",
      "Tab", "BTab", "BSpace", "Space", "DC", "IC", "M-a", "M-j",
    ]
    + (1...12).map { "F\($0)" }
    + "abdefghijklmnopqrstuvwxyz".map { "C-\($0)" }

  /// 10,000 random keys in chunks, with resizes between some, never crash the reader;
  /// it then quits with `q` (after Esc leaves any search or help) with status 0 and the
  /// terminal modes restored.
  @Test func tenThousandRandomKeysNeverCrashTheReader() throws {
    let corpus = try ReaderCorpus.write()
    defer { corpus.remove() }
    var random = SplitMix64(seed: 10_000)
    let chunks = (0..<50).map { _ in (0..<200).map { _ in random.pick(Self.mashableKeys) } }
    let sizes = (0..<5).map { _ in (columns: random.within(30...100), rows: random.within(8...30)) }
    try ShellWithSavedModes.with { shell in
      _ = try shell.startReader([corpus.path])
      try shell.tmux.waitFor("Articles (3)")
      // A smaller window draws faster: the reader redraws after every key.
      try shell.tmux.resize(columns: 80, rows: 24)
      try Self.mash(shell.tmux, chunks: chunks, resizingTo: sizes)
      try Self.quitFromWhereverItIs(shell.tmux)
      // An Escape the quit loop sent while a slow reader was still catching up with the
      // mashing can reach the shell after the reader quit: kill the shell's line first.
      try shell.tmux.sendKeys("C-u")
      try shell.expectModesRestoredAndShellAlive()
    }
  }

  /// Keys typed ahead of the reader when it quits are dropped with it, not left for the
  /// shell to run: a `q` in the middle of mashed keys must not type the rest at the
  /// prompt (an Escape left there once turned the next command into garbage).
  @Test func keysTypedAheadOfQuitNeverReachTheShell() throws {
    let corpus = try ReaderCorpus.write()
    defer { corpus.remove() }
    try ShellWithSavedModes.with { shell in
      _ = try shell.startReader([corpus.path])
      try shell.tmux.waitFor("Articles (3)")
      // One write: the keys after `q` are waiting in the terminal when it is read.
      try shell.tmux.sendKeys(["q", "x", "y", "z"])
      try shell.tmux.waitFor("EXIT=0")
      try shell.tmux.waitForPrompt()
      // Had `xyz` reached the shell, this line would run `xyzecho` and fail.
      try shell.tmux.typeLine("echo CLEAN-$((1+1))")
      try shell.tmux.waitForLine("CLEAN-2")
      try shell.expectModesRestoredAndShellAlive()
    }
  }

  /// Sends each chunk of keys in one go, and after every tenth a resize.
  private static func mash(
    _ tmux: TmuxSession, chunks: [[String]], resizingTo sizes: [(columns: Int, rows: Int)]
  ) throws {
    for (number, chunk) in chunks.enumerated() {
      try tmux.sendKeys(chunk)
      if number % 10 == 9 {
        let size = sizes[number / 10 % sizes.count]
        try tmux.resize(columns: size.columns, rows: size.rows)
      }
    }
    try tmux.resize(columns: 80, rows: 24)
  }

  /// Esc until the list says `Press q to quit` (what Esc does there with no search or
  /// help), then `q`; again if keys still queued from the mashing swallowed the `q`.
  /// Expects the reader not to have stopped before a `q` was sent, then exit status 0
  /// and no crash report. A slow reader (under AddressSanitizer, on a busy machine) can
  /// still be working through the mashed keys when a `q` goes out and reach it only
  /// after the poll gave up: an exit seen once a `q` was sent is that quit.
  private static func quitFromWhereverItIs(_ tmux: TmuxSession) throws {
    var sentQuit = false
    attempts: for _ in 0..<5 {
      for _ in 0..<10 {
        try tmux.sendKeys("Escape")
        let (screen, settled) = try tmux.poll(timeout: 5) {
          $0.shows("Press q to quit") || $0.shows("EXIT=")
        }
        #expect(screen.showsNoCrashReport, "\(screen.joined(separator: "\n"))")
        if screen.shows("EXIT=") {
          #expect(sentQuit, "stopped early: \(screen.joined(separator: "\n"))")
          break attempts
        }
        if settled { break }
      }
      try tmux.sendKeys("q")
      sentQuit = true
      if try tmux.poll(timeout: 10, { $0.shows("EXIT=") }).matched { break }
    }
    let after = try tmux.waitFor("EXIT=0")
    #expect(after.showsNoCrashReport, "\(after.joined(separator: "\n"))")
  }
}
