import Foundation
import MarqueeTestSupport
import Testing

/// The real `marquee` reader driven through tmux: keys in, screen text out. Each test has
/// its own tmux server and its own copy of the corpus, so the tests can run in parallel.
@Suite(
  "marquee reader under tmux",
  .enabled(if: Tmux.isAvailable, "tmux is not installed; .ci/run installs it"))
struct ReaderTests {
  @Test func opensOnTheCorpusWithTheFirstArticleSelected() throws {
    try withReader { tmux in
      let screen = try tmux.waitFor("the list and the status bar") {
        $0.shows("Articles (3)") && $0.status(is: "1/3")
      }
      #expect(screen.first?.contains("┌─ Articles (3) · 3 unread ─") == true)
      for article in ReaderCorpus.all {
        #expect(screen.listPane.shows(article.listTitle), "\(article.title) in the list")
      }
      #expect(screen.detailPane.shows(ReaderCorpus.long.title))
    }
  }

  @Test func slashSearchFiltersTheListAsYouTypeAndEscRestoresIt() throws {
    try withReader { tmux in
      try tmux.sendKeys("/", "k", "i", "t", "e")
      let typed = try tmux.waitFor("the list filtered to one article") {
        $0.shows("Articles (1 of 3)") && $0.shows("/kite▏")
      }
      #expect(typed.listPane.shows("Bramble Kite"))
      #expect(!typed.listPane.shows("Aurelia Pike"))
      try tmux.sendKeys("Enter")
      try tmux.waitFor("1 match for “kite”")
      try tmux.sendKeys("Escape")
      // Esc on kept results clears the search and comes back to the article selected
      // before it.
      let restored = try tmux.waitFor("the full list again") {
        $0.shows("Articles (3)") && $0.status(is: "1/3")
      }
      #expect(restored.shows("Aurelia Pike"))
    }
  }

  @Test func jMovesTheSelectionAndTheArticlePaneFollows() throws {
    try withReader { tmux in
      try tmux.sendKeys("j")
      let screen = try tmux.waitFor("status 2/3 with the second article") {
        $0.status(is: "2/3") && $0.detailPane.shows(ReaderCorpus.second.title)
      }
      #expect(!screen.detailPane.shows(ReaderCorpus.long.title))
      #expect(screen.detailPane.shows(ReaderCorpus.second.galleryLabel))
    }
  }

  @Test func enterOpensTheArticleAndJAndSpaceScrollIt() throws {
    try withReader { tmux in
      try tmux.sendKeys("Enter")
      let opened = try tmux.waitFor("the article's status hints") {
        $0.shows("Space page") && $0.shows("Esc back")
      }
      let openedPane = opened.detailPane
      #expect(openedPane[1].contains(ReaderCorpus.long.title))
      let openedPercent = try #require(opened.articlePercent)

      // One line down: every content row moves up by one.
      try tmux.sendKeys("j")
      let scrolled = try tmux.waitFor("the article to scroll one line") {
        !$0.detailPane[1].contains(ReaderCorpus.long.title)
      }
      let scrolledPane = scrolled.detailPane
      #expect(Array(scrolledPane[1..<27]) == Array(openedPane[2..<28]))
      #expect(!scrolledPane.shows(ReaderCorpus.long.title))
      let scrolledPercent = try #require(scrolled.articlePercent)
      #expect(scrolledPercent != openedPercent)
      #expect(scrolledPane.shows("Night 1 of the residency"))

      // A page down: the first night's paragraph leaves, later nights arrive.
      try tmux.sendKeys("Space")
      let paged = try tmux.waitFor("a page down") { $0.articlePercent != scrolledPercent }
      #expect(!paged.detailPane.shows("Night 1 of the residency"))
      #expect(paged.detailPane.shows("Night 9 of the residency"))
      let before = Int(scrolledPercent.dropLast()) ?? -1
      let after = Int(paged.articlePercent?.dropLast() ?? "") ?? -1
      #expect(after > before, "Article · \(scrolledPercent) then \(after)%")
    }
  }

  @Test func creditsPaneListsEveryImageAndEnterShowsTheImageInTheArticle() throws {
    let article = ReaderCorpus.long
    try withReader { tmux in
      try tmux.sendKeys("c")
      let right = try tmux.waitFor("Image credits (2)").detailPane
      #expect(right.shows("1. \(article.galleryLabel) ▦ gallery"))
      #expect(right.hasPaneLine("Credit: YouTube"))
      #expect(right.shows("2. \(article.captionLabel)"))
      #expect(right.hasPaneLine(article.caption))
      #expect(right.hasPaneLine("Credit: Getty Images"))
      #expect(!right.shows(article.captionMarker), "the image is far down the article")

      try tmux.sendKeys("j", "Enter")
      let shown = try tmux.waitFor(article.captionMarker)
      #expect(shown.shows("Image credits (2)"))
      #expect(shown.status(is: "1/3"))
    }
  }

  @Test func aNarrowTerminalShowsOnePaneAndKeepsThePosition() throws {
    try withReader { tmux in
      try tmux.sendKeys("j")
      try tmux.waitFor("status 2/3") { $0.status(is: "2/3") }

      try tmux.resize(columns: 60, rows: 20)
      let narrow = try tmux.waitFor("the list alone at 60×20") {
        $0.first?.contains("Articles (3)") == true && !$0.shows("Article ·")
          && $0.status(is: "2/3")
      }
      #expect(narrow.allSatisfy { $0.count <= 60 })
      #expect(narrow.shows(ReaderCorpus.second.listTitle))

      try tmux.sendKeys("Enter")
      let reading = try tmux.waitFor("the article alone at 60×20") {
        $0.first?.contains("Article ·") == true && !$0.shows("Articles (3)")
      }
      #expect(reading.shows(ReaderCorpus.second.title))
      #expect(reading.status(is: "2/3"))

      try tmux.resize(columns: 120, rows: 30)
      let wide = try tmux.waitFor("two panes at 120×30") {
        $0.first?.contains("Articles (3)") == true && $0.first?.contains("Article ·") == true
      }
      #expect(wide.status(is: "2/3"))
      #expect(wide.detailPane.shows(ReaderCorpus.second.title))
    }
  }

  @Test func aTinyTerminalSaysSoAndRecovers() throws {
    try withReader { tmux in
      try tmux.resize(columns: 38, rows: 8)
      let tiny = try tmux.waitFor("Terminal too small (38×8); need 40×10")
      #expect(!tiny.shows("Articles (3)"))

      try tmux.resize(columns: 120, rows: 30)
      let again = try tmux.waitFor("the list again") {
        $0.shows("Articles (3)") && !$0.shows("Terminal too small")
      }
      #expect(again.status(is: "1/3"))
      #expect(again.shows(ReaderCorpus.third.listTitle))
    }
  }

  @Test func questionMarkShowsTheHelpWhichScrollsAndAnyOtherKeyClosesIt() throws {
    try withReader(columns: 80, rows: 24) { tmux in
      try tmux.sendKeys("?")
      let help = try tmux.waitFor("the help overlay") {
        $0.shows("─ Keys ─") && $0.shows("/ find · q close")
      }
      #expect(help.shows("Next article"))
      // At 80×24 the help is longer than its box: `G` shows the end.
      try tmux.sendKeys("G")
      let end = try tmux.waitFor("the end of the help") { $0.shows("Quit at once") }
      #expect(!end.shows("Next article"))

      // The key that closes the help does nothing else: the selection stays put.
      try tmux.sendKeys("x")
      let closed = try tmux.waitFor("the help to close") {
        !$0.shows("q close") && $0.shows("Articles (3)")
      }
      #expect(closed.status(is: "1/3"))
      #expect(!closed.shows("─ Keys ─"))
    }
  }

  @Test(
    .enabled(
      if: SharedFolder.exists(SharedFolder.seedArticle),
      "needs ../shared/\(SharedFolder.seedArticle) beside the package root"))
  func seedArticleShowsBothCreditsAsWritten() throws {
    try withReader([SharedFolder.path(SharedFolder.seedArticle)]) { tmux in
      try tmux.waitFor("Articles (1)")
      try tmux.sendKeys("c")
      try tmux.waitFor("both credits") {
        $0.shows("Image credits (2)") && $0.hasPaneLine("Credit: YouTube")
          && $0.hasPaneLine("Credit: YoutTube")
      }
    }
  }
}

/// The reader sizes itself to the window, whatever `$LINES` and `$COLUMNS` say: a shell
/// that exported them for another size garbled every frame.
@Suite(
  "the reader's size",
  .enabled(if: Tmux.isAvailable, "tmux is not installed; .ci/run installs it"))
struct ReaderSizeTests {
  @Test func exportedLinesAndColumnsDoNotOverrideTheWindowSize() throws {
    let corpus = try ReaderCorpus.write()
    defer { corpus.remove() }
    let command = TmuxSession.readerCommand(
      try MarqueeBinary.url(), [corpus.path], environment: ["COLUMNS": "200", "LINES": "50"])
    let tmux = try TmuxSession.running(command + "; sleep 30", columns: 100, rows: 30)
    defer { tmux.kill() }
    let screen = try tmux.waitFor("the list and the status bar") {
      $0.shows("Articles (3)") && $0.status(is: "1/3")
    }
    #expect(screen.count == 30)
    #expect(
      screen[0].hasPrefix("┌─ Articles (3) · 3 unread ─") && screen[0].hasSuffix("┐"),
      "\(screen[0])")
    #expect(screen[29].hasPrefix(" 1/3 "), "\(screen[29])")
  }
}
