import Foundation
import MarqueeTestSupport
import Testing

/// The bytes a terminal receives while marquee shows articles built to attack it: every
/// byte the pane's program writes is recorded (tmux `pipe-pane`) from before marquee
/// starts until after it ends, then checked with `TerminalOutput`. The screen is also
/// checked for the hostile fields' visible words, so the check cannot pass on a reader
/// that showed nothing.
@Suite(
  "what the terminal receives",
  .enabled(if: Tmux.isAvailable, "tmux is not installed; .ci/run installs it"))
struct HostileOutputTests {
  /// The hostile article under every hostile name, and the Windows-1252 one.
  private static func writeHostileCorpus() throws -> TemporaryFolder {
    let corpus = try TemporaryFolder()
    for name in HostileText.fileNames {
      try corpus.write(HostileText.article, to: name)
    }
    try corpus.write(bytes: HostileText.latin1Article, to: "raw-latin1.txt")
    return corpus
  }

  /// Runs the shell command line `commands` in tmux, recording everything written to the
  /// pane from its first byte, then `body`; returns the recording once the pane has
  /// printed `DONE` (which `commands` must do last).
  private static func recording(
    _ commands: String, _ body: (TmuxSession) throws -> Void
  ) throws -> [UInt8] {
    let scratch = try TemporaryFolder()
    defer { scratch.remove() }
    let capture = scratch.path("capture")
    let go = scratch.path("go")
    // The commands wait for `go`, so the recording starts before their first byte.
    let script =
      "while [ ! -e \(shellQuoted(go)) ]; do sleep 0.02; done; \(commands); echo DONE; sleep 30"
    let tmux = try TmuxSession.running(script)
    defer { tmux.kill() }
    try tmux.recordOutput(to: capture)
    FileManager.default.createFile(atPath: go, contents: nil)
    try body(tmux)
    try tmux.waitForLine("DONE")
    let deadline = Date().addingTimeInterval(TmuxSession.timeoutSeconds)
    var bytes: [UInt8] = []
    while Date() < deadline {
      bytes = Array((try? Data(contentsOf: URL(fileURLWithPath: capture))) ?? Data())
      if String(decoding: bytes, as: UTF8.self).contains("DONE") { break }
      usleep(20_000)
    }
    return bytes
  }

  /// The terminal type the reader runs under clears the screen with `ESC[H ESC[J` (and
  /// `tput` adds `ESC[3J` for the scrollback), never `ESC[2J`, so an `ESC[2J` in the
  /// recording can only have come from an article.
  @Test func theTerminalTypesOwnClearIsNotTheHostileOne() throws {
    let tput = Process()
    tput.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    tput.arguments = ["tput", "-T", "tmux-256color", "clear"]
    let output = Pipe()
    tput.standardOutput = output
    try tput.run()
    let clear = output.fileHandleForReading.readDataToEndOfFile()
    tput.waitUntilExit()
    try #require(tput.terminationStatus == 0, "tput knows tmux-256color")
    let text = String(decoding: clear, as: UTF8.self)
    #expect(text.hasPrefix("\u{1B}[H\u{1B}[J"), "\(text.debugDescription)")
    #expect(!text.contains("\u{1B}[2J"), "\(text.debugDescription)")
  }

  @Test func browsingOpeningAndTheCreditsPaneSendNoSmuggledSequence() throws {
    let corpus = try Self.writeHostileCorpus()
    defer { corpus.remove() }
    let reader = TmuxSession.readerCommand(try MarqueeBinary.url(), [corpus.path])
    let bytes = try Self.recording("\(reader); echo EXIT=$?") { tmux in
      let list = try tmux.waitFor("Articles (\(HostileText.fileNames.count + 1))")
      #expect(list.listPane.shows("HOSTILETITLE xxxxxxxx"))
      #expect(list.detailPane.shows("HOSTILEDEK xxxxxxxx"))
      try tmux.sendKeys("j", "j", "k", "k", "Enter")
      try tmux.waitFor("the hostile article open") {
        $0.shows("Esc back") && $0.shows("HOSTILEBODY") && $0.shows("HOSTILEGALLERY")
      }
      try tmux.sendKeys("Space", "G")
      try tmux.waitFor("the end of the article") { $0.shows("reads backwards on a new line") }
      try tmux.sendKeys("c")
      try tmux.waitFor("the credits pane") {
        $0.shows("Image credits (2)") && $0.shows("HOSTILECCREDIT") && $0.shows("HOSTILECAPTION")
      }
      try tmux.sendKeys("j", "Enter", "Escape", "Escape", "G", "Enter")
      // 0x9D, undefined in Windows-1252, shows as U+FFFD; what followed it is plain text.
      try tmux.waitFor("the Windows-1252 article") {
        $0.shows("A dek in München \u{FFFD}0;raw-title after.")
      }
      try tmux.sendKeys("Escape", "/", "h", "o", "s", "t", "i", "l", "e", "Enter", "?")
      try tmux.waitFor("q close")
      // The credits pane is still open: `Q` quits from there (`q` would close it first).
      try tmux.sendKeys("Escape", "Q")
      try tmux.waitForLine("EXIT=0")
    }
    #expect(String(decoding: bytes, as: UTF8.self).contains("HOSTILECCREDIT"))
    let problems = TerminalOutput.problems(in: bytes)
    #expect(problems.isEmpty, "\(problems.count) problems: \(problems.prefix(8))")
  }

  /// The commands print to a terminal here, not a pipe: `show` wraps to its width and
  /// `search` marks matches in bold, so their terminal-only paths are covered too.
  @Test func commandsOnATerminalSendNoSmuggledSequence() throws {
    let corpus = try Self.writeHostileCorpus()
    defer { corpus.remove() }
    let binary = try MarqueeBinary.url()
    let article = corpus.path(HostileText.fileNames[0])
    let missing = corpus.path("gone-\(HostileText.inline.joined()).txt")
    let runs = [
      ["list", corpus.path], ["show", article], ["show", corpus.path("raw-latin1.txt")],
      ["search", "hostiletitle", corpus.path], ["search", "hostile*", "--json", corpus.path],
      ["credits", corpus.path], ["check", corpus.path], ["check", "--json", corpus.path],
      ["show", missing], ["list", missing],
    ]
    let commands = runs.map { TmuxSession.readerCommand(binary, $0) }.joined(separator: "; ")
    let bytes = try Self.recording(commands) { _ in }
    let text = String(decoding: bytes, as: UTF8.self)
    for expected in ["HOSTILETITLE", "HOSTILEBODY", "HOSTILEGCREDIT", "München", "marquee: "] {
      #expect(text.contains(expected), "\(expected) in the commands' output")
    }
    let problems = TerminalOutput.problems(in: bytes)
    #expect(problems.isEmpty, "\(problems.count) problems: \(problems.prefix(8))")
  }
}
