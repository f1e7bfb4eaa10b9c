import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real `marquee` reader driven through tmux: keys in, screen text out. Each test has
/// its own tmux server and its own copy of the corpus, so the tests can run in parallel.
@Suite(
  "marquee reader under tmux",
  .enabled(if: Tmux.isAvailable, "tmux is not installed; .ci/run installs it"))
struct ReaderTests {
  /// At 120 columns the list pane is 48 wide (2/5) and the article pane starts after it.
  static let listWidth = 48

  // MARK: - Screen helpers

  /// The article pane's columns of every row of a 120-column screen.
  static func detailPane(_ screen: [String]) -> [String] {
    screen.map { String($0.dropFirst(listWidth)) }
  }

  /// True when the status bar starts with the position `position` (e.g. `2/3`).
  static func status(_ screen: [String], is position: String) -> Bool {
    screen.last { !$0.isEmpty }?.hasPrefix(" \(position) ") ?? false
  }

  /// The `N%` (or `all`) in the article pane's title `Article · N%`.
  static func articlePercent(_ screen: [String]) -> String? {
    guard let row = screen.first(where: { $0.contains("Article · ") }),
      let range = row.range(of: "Article · ")
    else { return nil }
    return String(row[range.upperBound...].prefix { $0 != " " })
  }

  static func contains(_ screen: [String], _ text: String) -> Bool {
    screen.contains { $0.contains(text) }
  }

  /// True when some pane row holds exactly `text` between its borders (so `Credit: X` in
  /// the credits pane, not `Image Credit: X` in an article marker).
  static func hasPaneLine(_ screen: [String], _ text: String) -> Bool {
    screen.contains { row in
      row.split(separator: "│").contains { $0.trimmingCharacters(in: .whitespaces) == text }
    }
  }

  /// Starts marquee on a fresh copy of the corpus; the caller kills the session.
  static func openCorpus(columns: Int = 120, rows: Int = 30) throws -> (TmuxSession, URL) {
    let corpus = try ReaderCorpus.write()
    let tmux = try TmuxSession.reader([corpus.path], columns: columns, rows: rows)
    return (tmux, corpus)
  }

  // MARK: - Tests

  @Test func opensOnTheCorpusWithTheFirstArticleSelected() throws {
    let (tmux, corpus) = try Self.openCorpus()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: corpus)
    }
    let screen = try tmux.waitFor("the list and the status bar") {
      Self.contains($0, "Articles (3)") && Self.status($0, is: "1/3")
    }
    #expect(screen.first?.contains("┌─ Articles (3) ─") == true)
    let list = screen.map { String($0.prefix(Self.listWidth)) }
    for article in ReaderCorpus.all {
      #expect(Self.contains(list, article.listTitle), "\(article.title) in the list")
    }
    #expect(Self.contains(Self.detailPane(screen), ReaderCorpus.long.title))
  }

  @Test func slashSearchFiltersTheListAsYouTypeAndEscRestoresIt() throws {
    let (tmux, corpus) = try Self.openCorpus()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: corpus)
    }
    try tmux.waitFor("Articles (3)")
    try tmux.sendKeys("/", "k", "i", "t", "e")
    let typed = try tmux.waitFor("the list filtered to one article") {
      Self.contains($0, "Articles (1 of 3)") && Self.contains($0, "/kite▏")
    }
    let list = typed.map { String($0.prefix(Self.listWidth)) }
    #expect(Self.contains(list, "Bramble Kite"))
    #expect(!Self.contains(list, "Aurelia Pike"))
    try tmux.sendKeys("Enter")
    try tmux.waitFor("1 match for “kite”")
    try tmux.sendKeys("Escape")
    // Esc on kept results clears the search and keeps the article that was selected.
    let restored = try tmux.waitFor("the full list again") {
      Self.contains($0, "Articles (3)") && Self.status($0, is: "2/3")
    }
    #expect(Self.contains(restored, "Aurelia Pike"))
  }

  @Test func jMovesTheSelectionAndTheArticlePaneFollows() throws {
    let (tmux, corpus) = try Self.openCorpus()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: corpus)
    }
    try tmux.waitFor("Articles (3)")
    try tmux.sendKeys("j")
    let screen = try tmux.waitFor("status 2/3 with the second article") {
      Self.status($0, is: "2/3")
        && Self.contains(Self.detailPane($0), ReaderCorpus.second.title)
    }
    #expect(!Self.contains(Self.detailPane(screen), ReaderCorpus.long.title))
    #expect(Self.contains(Self.detailPane(screen), ReaderCorpus.second.galleryLabel))
  }

  @Test func enterOpensTheArticleAndJAndSpaceScrollIt() throws {
    let (tmux, corpus) = try Self.openCorpus()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: corpus)
    }
    try tmux.waitFor("Articles (3)")
    try tmux.sendKeys("Enter")
    let opened = try tmux.waitFor("the article's status hints") {
      Self.contains($0, "Space page") && Self.contains($0, "Esc back")
    }
    let openedPane = Self.detailPane(opened)
    #expect(openedPane[1].contains(ReaderCorpus.long.title))
    let openedPercent = try #require(Self.articlePercent(opened))

    // One line down: every content row moves up by one.
    try tmux.sendKeys("j")
    let scrolled = try tmux.waitFor("the article to scroll one line") {
      !Self.detailPane($0)[1].contains(ReaderCorpus.long.title)
    }
    let scrolledPane = Self.detailPane(scrolled)
    #expect(Array(scrolledPane[1..<27]) == Array(openedPane[2..<28]))
    #expect(!Self.contains(scrolledPane, ReaderCorpus.long.title))
    let scrolledPercent = try #require(Self.articlePercent(scrolled))
    #expect(scrolledPercent != openedPercent)
    #expect(Self.contains(scrolledPane, "Night 1 of the residency"))

    // A page down: the first night's paragraph leaves, later nights arrive.
    try tmux.sendKeys("Space")
    let paged = try tmux.waitFor("a page down") {
      Self.articlePercent($0) != scrolledPercent
    }
    let pagedPane = Self.detailPane(paged)
    #expect(!Self.contains(pagedPane, "Night 1 of the residency"))
    #expect(Self.contains(pagedPane, "Night 9 of the residency"))
    let before = Int(scrolledPercent.dropLast()) ?? -1
    let after = Int(Self.articlePercent(paged)?.dropLast() ?? "") ?? -1
    #expect(after > before, "Article · \(scrolledPercent) then \(after)%")
  }

  @Test func creditsPaneListsEveryImageAndEnterShowsTheImageInTheArticle() throws {
    let (tmux, corpus) = try Self.openCorpus()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: corpus)
    }
    let article = ReaderCorpus.long
    try tmux.waitFor("Articles (3)")
    try tmux.sendKeys("c")
    let screen = try tmux.waitFor("Image credits (2)")
    let right = Self.detailPane(screen)
    #expect(Self.contains(right, "1. \(article.galleryLabel) ▦ gallery"))
    #expect(Self.hasPaneLine(right, "Credit: YouTube"))
    #expect(Self.contains(right, "2. \(article.captionLabel)"))
    #expect(Self.hasPaneLine(right, article.caption))
    #expect(Self.hasPaneLine(right, "Credit: Getty Images"))
    #expect(!Self.contains(right, article.captionMarker), "the image is far down the article")

    try tmux.sendKeys("j", "Enter")
    let shown = try tmux.waitFor(article.captionMarker)
    #expect(Self.contains(shown, "Image credits (2)"))
    #expect(Self.status(shown, is: "1/3"))
  }

  @Test func aNarrowTerminalShowsOnePaneAndKeepsThePosition() throws {
    let (tmux, corpus) = try Self.openCorpus()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: corpus)
    }
    try tmux.waitFor("Articles (3)")
    try tmux.sendKeys("j")
    try tmux.waitFor("status 2/3") { Self.status($0, is: "2/3") }

    try tmux.resize(columns: 60, rows: 20)
    let narrow = try tmux.waitFor("the list alone at 60×20") {
      $0.first?.contains("Articles (3)") == true && !Self.contains($0, "Article ·")
        && Self.status($0, is: "2/3")
    }
    #expect(narrow.allSatisfy { $0.count <= 60 })
    #expect(Self.contains(narrow, ReaderCorpus.second.listTitle))

    try tmux.sendKeys("Enter")
    let reading = try tmux.waitFor("the article alone at 60×20") {
      $0.first?.contains("Article ·") == true && !Self.contains($0, "Articles (3)")
    }
    #expect(Self.contains(reading, ReaderCorpus.second.title))
    #expect(Self.status(reading, is: "2/3"))

    try tmux.resize(columns: 120, rows: 30)
    let wide = try tmux.waitFor("two panes at 120×30") {
      $0.first?.contains("Articles (3)") == true && $0.first?.contains("Article ·") == true
    }
    #expect(Self.status(wide, is: "2/3"))
    #expect(Self.contains(Self.detailPane(wide), ReaderCorpus.second.title))
  }

  @Test func aTinyTerminalSaysSoAndRecovers() throws {
    let (tmux, corpus) = try Self.openCorpus()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: corpus)
    }
    try tmux.waitFor("Articles (3)")
    try tmux.resize(columns: 38, rows: 8)
    let tiny = try tmux.waitFor("Terminal too small (38×8); need 40×10")
    #expect(!Self.contains(tiny, "Articles (3)"))

    try tmux.resize(columns: 120, rows: 30)
    let again = try tmux.waitFor("the list again") {
      Self.contains($0, "Articles (3)") && !Self.contains($0, "Terminal too small")
    }
    #expect(Self.status(again, is: "1/3"))
    #expect(Self.contains(again, ReaderCorpus.third.listTitle))
  }

  @Test func questionMarkShowsTheHelpAndAnyKeyClosesIt() throws {
    let (tmux, corpus) = try Self.openCorpus()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: corpus)
    }
    try tmux.waitFor("Articles (3)")
    try tmux.sendKeys("?")
    let help = try tmux.waitFor("the help overlay") {
      Self.contains($0, "─ Keys ─") && Self.contains($0, "Press any key to close")
    }
    #expect(Self.contains(help, "Quit at once"))

    // The key that closes the help does nothing else: the selection stays put.
    try tmux.sendKeys("j")
    let closed = try tmux.waitFor("the help to close") {
      !Self.contains($0, "Press any key to close") && Self.contains($0, "Articles (3)")
    }
    #expect(Self.status(closed, is: "1/3"))
    #expect(!Self.contains(closed, "─ Keys ─"))
  }

  /// Runs `sh` in tmux, saves `stty -g` to `before`, and returns the session once the
  /// shell is ready for the marquee command.
  static func shellWithSavedModes(in folder: URL) throws -> TmuxSession {
    let tmux = try TmuxSession.shell()
    try tmux.waitForPrompt()
    // The command line shows `M-$((1))`; only the output reads `M-1`.
    let before = shellQuoted(folder.appendingPathComponent("before").path)
    try tmux.typeLine("stty -g > \(before); echo M-$((1))")
    try tmux.waitFor("M-1")
    try tmux.waitForPrompt()
    return tmux
  }

  /// Saves `stty -g` to `after`, expects it to equal `before`, and checks that the shell
  /// still runs commands.
  static func expectModesRestoredAndShellAlive(
    _ tmux: TmuxSession, in folder: URL, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try tmux.waitForPrompt(sourceLocation: sourceLocation)
    let afterPath = shellQuoted(folder.appendingPathComponent("after").path)
    try tmux.typeLine("stty -g > \(afterPath); echo M-$((2))")
    try tmux.waitFor("M-2", sourceLocation: sourceLocation)
    try tmux.waitForPrompt(sourceLocation: sourceLocation)
    let before = try String(contentsOf: folder.appendingPathComponent("before"), encoding: .utf8)
    let after = try String(contentsOf: folder.appendingPathComponent("after"), encoding: .utf8)
    #expect(!before.isEmpty, sourceLocation: sourceLocation)
    #expect(before == after, "stty -g before and after marquee", sourceLocation: sourceLocation)
    try tmux.typeLine("echo ALIVE")
    try tmux.waitForLine("ALIVE", sourceLocation: sourceLocation)
  }

  @Test(arguments: ["q", "C-c"])
  func quittingExitsZeroAndRestoresTheTerminal(key: String) throws {
    let corpus = try ReaderCorpus.write()
    defer { try? FileManager.default.removeItem(at: corpus) }
    let tmux = try Self.shellWithSavedModes(in: corpus)
    defer { tmux.kill() }
    let binary = try MarqueeBinary.url()
    try tmux.typeLine(TmuxSession.readerCommand(binary, [corpus.path]) + "; echo EXIT=$?")
    try tmux.waitFor("Articles (3)")
    try tmux.sendKeys(key)
    let after = try tmux.waitFor("EXIT=0")
    #expect(!Self.contains(after, "Articles (3)"), "the reader's screen is gone")
    try Self.expectModesRestoredAndShellAlive(tmux, in: corpus)
  }

  @Test func sigtermExits143AndRestoresTheTerminal() throws {
    let corpus = try ReaderCorpus.write()
    defer { try? FileManager.default.removeItem(at: corpus) }
    let tmux = try Self.shellWithSavedModes(in: corpus)
    defer { tmux.kill() }
    let binary = try MarqueeBinary.url()
    let pidFile = corpus.appendingPathComponent("pid")
    // `exec` keeps the pid the inner shell wrote; the paths hold no `"`, `$`, `\` or `'`.
    let inner =
      "echo \\$\\$ > \(shellQuoted(pidFile.path)); exec "
      + TmuxSession.readerCommand(binary, [corpus.path])
    try tmux.typeLine("sh -c \"\(inner)\"; echo EXIT=$?")
    try tmux.waitFor("Articles (3)")
    let text = try String(contentsOf: pidFile, encoding: .utf8)
    let pid = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(kill(pid, SIGTERM) == 0)
    try tmux.waitFor("EXIT=143")
    try Self.expectModesRestoredAndShellAlive(tmux, in: corpus)
  }

  @Test(
    .enabled(
      if: SeedArticle.exists,
      "needs ../shared/seeds/000_c8922d68917c0944.txt beside the package root"))
  func seedArticleShowsBothCreditsAsWritten() throws {
    let tmux = try TmuxSession.reader([SeedArticle.url.path])
    defer { tmux.kill() }
    try tmux.waitFor("Articles (1)")
    try tmux.sendKeys("c")
    try tmux.waitFor("both credits") {
      Self.contains($0, "Image credits (2)") && Self.hasPaneLine($0, "Credit: YouTube")
        && Self.hasPaneLine($0, "Credit: YoutTube")
    }
  }
}
