import Foundation
import MarqueeTestSupport
import Testing

/// The reader as a place to live in, end to end under tmux: marks and the place kept
/// across runs, and the pager and editor given the terminal and taking it back, with the
/// shell's terminal modes the same at every hand-over.
@Suite(
  "living in the reader",
  .enabled(if: Tmux.isAvailable, "tmux is not installed; .ci/run installs it"))
struct LivingInTheReaderTests {
  @Test func reopeningComesBackToTheArticleWithItsReadMarkShown() throws {
    let corpus = try ReaderCorpus.write()
    let state = try TemporaryFolder()
    defer {
      corpus.remove()
      state.remove()
    }
    let environment = ["MARQUEE_STATE": "on", "XDG_STATE_HOME": state.path]
    try ShellWithSavedModes.with { shell in
      _ = try shell.startReader([corpus.path], environment: environment)
      try shell.tmux.waitFor("Articles (3) · 3 unread")
      try shell.tmux.sendKeys("j", "Enter")
      try shell.tmux.waitFor("the second article open") {
        $0.shows("Articles (3) · 2 unread") && $0.status(is: "2/3") && $0.shows("Esc back")
      }
      try shell.tmux.sendKeys("Q")
      try shell.tmux.waitFor("EXIT=0")
      try shell.expectModesRestoredAndShellAlive()
      _ = try shell.startReader([corpus.path], environment: environment)
      let again = try shell.tmux.waitFor("the second article open again") {
        $0.shows("Articles (3) · 2 unread") && $0.status(is: "2/3") && $0.shows("Esc back")
      }
      let second = ReaderCorpus.all[1].listTitle
      #expect(again.contains { $0.hasPrefix("│ \(second)") }, "read: no N before it")
      #expect(again.contains { $0.hasPrefix("│N\(ReaderCorpus.all[0].listTitle)") })
      // q backs out of the article, then quits from the list.
      try shell.tmux.sendKeys("q")
      try shell.tmux.waitFor("the list") { $0.shows("Enter open") }
      try shell.tmux.sendKeys("q")
      try shell.tmux.waitFor("EXIT=0")
      try shell.expectModesRestoredAndShellAlive()
    }
  }

  /// The reader's first start writes the cache; the next one starts from it, with the
  /// same first screen and the same search, reading no file: a file rewritten behind the
  /// cache's back (same size, same time, same inode) still shows what the cache holds.
  /// Once that file's time moves, the start after reads it again.
  @Test func theNextStartComesFromTheCacheAndSeesAnEdit() throws {
    let corpus = try ReaderCorpus.write()
    let cache = try TemporaryFolder()
    defer {
      corpus.remove()
      cache.remove()
    }
    let environment = ["MARQUEE_CACHE": "on", "XDG_CACHE_HOME": cache.path]
    let title = ReaderCorpus.second.listTitle
    let file = corpus.path + "/" + ReaderCorpus.second.fileName
    try ShellWithSavedModes.with { shell in
      _ = try shell.startReader([corpus.path], environment: environment)
      let first = try shell.tmux.waitFor("the first start") { $0.shows("Articles (3)") }
      try waitForManifest(in: cache.path + "/marquee")
      try shell.tmux.sendKeys("q")
      try shell.tmux.waitFor("EXIT=0")
      // Rewritten in place with as many bytes, its time set back: only a start that
      // read the file would see the new title.
      let original = try stamp(of: file)
      let rewritten = ReaderCorpus.second.text.replacingOccurrences(of: "Bramble", with: "Brumble")
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
      try handle.write(contentsOf: Data(rewritten.utf8))
      try handle.close()
      var times = [original.st_atim, original.st_mtim]
      try #require(utimensat(AT_FDCWD, file, &times, 0) == 0)
      _ = try shell.startReader([corpus.path], environment: environment)
      let second = try shell.tmux.waitFor("the start from the cache") { $0.shows("Articles (3)") }
      #expect(second == first)
      #expect(second.contains { $0.contains(title) }, "the cache's title, not the file's")
      try shell.tmux.sendKeys("/")
      try shell.tmux.typeLine("boathouse")
      try shell.tmux.waitFor("the search") { $0.shows("1 match") && $0.shows(title) }
      try shell.tmux.sendKeys("q")
      try shell.tmux.waitFor("EXIT=0")
      // Now the file's time moves, as any edit moves it.
      try #require(utimensat(AT_FDCWD, file, nil, 0) == 0)
      _ = try shell.startReader([corpus.path], environment: environment)
      let third = try shell.tmux.waitFor("the edited file read again") {
        $0.shows("Articles (3)") && $0.shows("Brumble Kite")
      }
      #expect(!third.contains { $0.contains(title) })
      try shell.tmux.sendKeys("q")
      try shell.tmux.waitFor("EXIT=0")
      try shell.expectModesRestoredAndShellAlive()
    }
  }

  /// Waits until a manifest is in the cache folder `folder` (the reader writes it once it
  /// has read every file, off the screen's path).
  private func waitForManifest(in folder: String) throws {
    let deadline = Date().addingTimeInterval(TmuxSession.timeoutSeconds)
    while Date() < deadline {
      let libraries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      if libraries.contains(where: {
        FileManager.default.fileExists(atPath: folder + "/" + $0 + "/manifest")
      }) {
        return
      }
      usleep(50_000)
    }
    Issue.record("no cache manifest appeared in \(folder)")
  }

  private func stamp(of path: String) throws -> stat {
    var info = stat()
    try #require(stat(path, &info) == 0)
    return info
  }

  /// The config file's keys work in the reader; its problem shows in the status bar and
  /// again after the reader has quit.
  @Test func theConfigFilesKeysAreTheReadersAndItsProblemsAreSaid() throws {
    let corpus = try ReaderCorpus.write()
    let config = try TemporaryFolder()
    defer {
      corpus.remove()
      config.remove()
    }
    let file = try config.write("[keys]\nnext = \"n\"\nnxt = \"x\"\n", to: "config.toml")
    try ShellWithSavedModes.with { shell in
      _ = try shell.startReader([corpus.path], environment: ["MARQUEE_CONFIG": file])
      try shell.tmux.waitFor("the config's problem") {
        $0.shows("Articles (3)") && $0.shows("config.toml:3:")
      }
      try shell.tmux.sendKeys("n")
      try shell.tmux.waitFor("n moving down") { $0.status(is: "2/3") && $0.shows("n/k move") }
      try shell.tmux.sendKeys("q")
      let after = try shell.tmux.waitFor("EXIT=0")
      #expect(after.shows("marquee: \(file):3: “nxt” is not a command"))
      try shell.expectModesRestoredAndShellAlive()
    }
  }

  /// A stand-in pager and editor save the terminal modes they were given, wait for a key
  /// (the pager) or change the file (the editor); the reader redraws after each and reads
  /// the edited file again.
  @Test func thePagerAndTheEditorGetTheShellsTerminalAndGiveItBack() throws {
    let corpus = try ReaderCorpus.write()
    let tools = try TemporaryFolder()
    defer {
      corpus.remove()
      tools.remove()
    }
    let pager = try tools.write(
      "#!/bin/sh\nstty -g < /dev/tty > '\(tools.path("pager-modes"))'\ncat > '\(tools.path("paged"))'\n"
        + "echo PAGER-WAITING; read line < /dev/tty\n", to: "pager")
    let editor = try tools.write(
      "#!/bin/sh\nstty -g < /dev/tty > '\(tools.path("editor-modes"))'\n"
        + "printf '\\nA late paragraph about zeppelins.\\n' >> \"$1\"\n", to: "editor")
    chmod(pager, 0o755)
    chmod(editor, 0o755)
    try ShellWithSavedModes.with { shell in
      // Run through `sh` rather than executed: this test process writes files while other
      // tests fork, and a child that inherited the script's open descriptor made
      // executing it fail with "Text file busy".
      _ = try shell.startReader(
        [corpus.path], environment: ["PAGER": "sh " + pager, "EDITOR": "sh " + editor])
      try shell.tmux.waitFor("Articles (3)")
      try shell.tmux.sendKeys("v")
      let paging = try shell.tmux.waitFor("PAGER-WAITING")
      #expect(!paging.shows("Articles (3)"), "the pager has the screen")
      try shell.tmux.sendKeys("Enter")
      try shell.tmux.waitFor("the reader again") {
        $0.shows("Articles (3)") && $0.status(is: "1/3")
      }
      try shell.tmux.sendKeys("e")
      try shell.tmux.waitFor("the file read again") {
        $0.shows("again") && $0.shows("Articles (3)")
      }
      try shell.tmux.sendKeys("/", "z", "e", "p", "p", "e", "l", "i", "n", "s", "Enter")
      try shell.tmux.waitFor("1 match for “zeppelins”")
      try shell.tmux.sendKeys("Q")
      try shell.tmux.waitFor("EXIT=0")
      try shell.expectModesRestoredAndShellAlive()
      let before = try String(contentsOfFile: shell.scratch.path("before"), encoding: .utf8)
      for name in ["pager-modes", "editor-modes"] {
        #expect(try String(contentsOfFile: tools.path(name), encoding: .utf8) == before, "\(name)")
      }
      let paged = try String(contentsOfFile: tools.path("paged"), encoding: .utf8)
      #expect(paged.hasPrefix(ReaderCorpus.all[0].title.prefix(20)))
    }
  }
}
