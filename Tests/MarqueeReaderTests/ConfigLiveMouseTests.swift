import Foundation
import MarqueeTestSupport
import Testing

/// The config file, live reload and the mouse, end to end in tmux: a key bound in the
/// config, a colour set there, a file added while the reader is open, clicks and the
/// wheel as a terminal sends them.
@Suite("config, live reload and mouse in tmux", .enabled(if: Tmux.isAvailable))
struct ConfigLiveMouseTests {
  /// The reader on a fresh corpus with a config file holding `config`, and `environment`
  /// on top of the tests' own; the corpus folder is given to `body`.
  private func withConfiguredReader(
    _ config: String, environment: [String: String] = [:],
    _ body: (TmuxSession, TemporaryFolder) throws -> Void
  ) throws {
    let corpus = try ReaderCorpus.write()
    defer { corpus.remove() }
    let configFile = try corpus.write(config, to: ".config.toml")
    let command = TmuxSession.readerCommand(
      try MarqueeBinary.url(), [corpus.path],
      environment: environment.merging(["MARQUEE_CONFIG": configFile]) { $1 })
    let tmux = try TmuxSession.running(command + "; echo \"EXIT=$?\"; sleep 30")
    defer { tmux.kill() }
    try tmux.waitFor("Articles (3)")
    try body(tmux, corpus)
  }

  @Test func aKeyBoundInTheConfigFileMovesAndTheHintsFollow() throws {
    try withConfiguredReader("[keys]\nnext = [\"x\", \"down\"]\n") { tmux, _ in
      try tmux.sendKeys("x")
      try tmux.waitFor("x moves to the second article") { $0.status(is: "2/3") }
      try tmux.sendKeys("j")
      let screen = try tmux.waitFor("j does nothing now") { $0.shows("j does nothing here") }
      #expect(screen.status(is: "2/3"))
      try tmux.sendKeys("Escape")
      try tmux.waitFor("the hints name x") { $0.last { !$0.isEmpty }?.contains("x/k move") == true }
    }
  }

  @Test func aColourSetInTheConfigFileIsDrawn() throws {
    let sgrRed = /\u{1B}\[([0-9]+;)*31(;[0-9]+)*m/
    try withConfiguredReader("[colors]\ntitle = \"red\"\n", environment: ["NO_COLOR": ""]) {
      tmux, _ in
      let top = try #require(try tmux.captureWithStyles().first)
      #expect(top.contains(sgrRed), "the list's title in red: \(top.debugDescription)")
    }
    try withConfiguredReader("", environment: ["NO_COLOR": ""]) { tmux, _ in
      let top = try #require(try tmux.captureWithStyles().first)
      #expect(!top.contains(sgrRed), "not red by default: \(top.debugDescription)")
    }
  }

  @Test func aFileAddedWhileTheReaderIsOpenJoinsTheListAndOneDeletedGoes() throws {
    try withConfiguredReader("") { tmux, corpus in
      try tmux.sendKeys("j")
      try tmux.waitFor("the second article selected") { $0.status(is: "2/3") }
      _ = try corpus.write("Dorian Vale Joins The Late Show\n\nA line.\n", to: "zz-new.txt")
      let added = try tmux.waitFor("the new file listed") {
        $0.shows("Articles (4)") && $0.shows("Dorian Vale Joins")
      }
      #expect(added.shows("+1 new"))
      #expect(added.status(is: "2/4"), "the selection stays")
      try FileManager.default.removeItem(atPath: corpus.path + "/" + ReaderCorpus.all[0].fileName)
      let removed = try tmux.waitFor("the first file gone") { $0.shows("Articles (3)") }
      #expect(removed.shows("1 removed"))
      #expect(removed.status(is: "1/3"), "still the same article, one row up")
      #expect(!removed.listPane.shows(ReaderCorpus.all[0].listTitle))
    }
  }

  /// The word being typed is a prefix: `/beyon` lists the article about Beyoncé before
  /// the word is finished.
  @Test func typingPartOfANameListsItsArticles() throws {
    try withConfiguredReader("") { tmux, corpus in
      _ = try corpus.write("Beyoncé Adds A Stadium Night\n\nThe tour grows.\n", to: "b2.txt")
      try tmux.waitFor("the new article") { $0.shows("Articles (4)") }
      try tmux.sendKeys("/", "b", "e", "y", "o", "n")
      let screen = try tmux.waitFor("Beyoncé's article listed mid-word") {
        $0.shows("/beyon▏") && $0.shows("Articles (1 of 4)")
      }
      #expect(screen.listPane.shows("Beyoncé Adds A Stadium"))
    }
  }

  /// At 120×30 the list's rows start at screen row 2 (border, header).
  @Test func aClickSelectsADoubleClickOpensAndTheWheelScrolls() throws {
    try withConfiguredReader("") { tmux, _ in
      try tmux.mouse(button: 0, column: 10, row: 4)
      try tmux.waitFor("the third article selected") { $0.status(is: "3/3") }
      try tmux.mouse(button: 0, column: 10, row: 2)
      try tmux.waitFor("the first article selected") { $0.status(is: "1/3") }
      let before = try tmux.waitFor("the article's top") { $0.articlePercent != nil }
      try tmux.mouse(button: 65, column: 80, row: 10)
      try tmux.waitFor("the article scrolled by the wheel") {
        $0.articlePercent != nil && $0.articlePercent != before.articlePercent
      }
      try tmux.mouse(button: 0, column: 10, row: 3, clicks: 2)
      try tmux.waitFor("the second article open") { $0.status(is: "2/3") && $0.shows("Esc back") }
    }
  }

  /// The reader asks the terminal for mouse reports unless the config file says no, and
  /// stops them on the way out.
  @Test func mouseOffInTheConfigFileAsksTheTerminalForNoReports() throws {
    try withConfiguredReader("") { tmux, _ in
      let asked = try tmux.paneFormat("#{mouse_any_flag}")
      #expect(asked == "1")
      try tmux.sendKeys("q")
      try tmux.waitFor("EXIT=0")
      let after = try tmux.paneFormat("#{mouse_any_flag}")
      #expect(after == "0", "reports stop with the reader")
    }
    try withConfiguredReader("[reader]\nmouse = false\n") { tmux, _ in
      let asked = try tmux.paneFormat("#{mouse_any_flag}")
      #expect(asked == "0")
    }
  }
}
