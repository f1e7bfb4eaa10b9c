import MarqueeCore
import Testing

@testable import MarqueeUI

@Suite("Search in the reader")
struct SearchModeTests {
  private func typing(_ text: String) -> [Key] { [.character("/")] + keys(text) }

  @Test func typingFiltersTheListAtEveryKey() {
    let (partial, _) = screenAfter(typing("qu"))
    #expect(partial.listedArticles.map(\.title) == [])
    let (state, screen) = screenAfter(typing("quiet"))
    #expect(state.listedArticles.map(\.title) == ["A Quiet Week In Streaming"])
    #expect(screen.lines[0].contains("Articles (1 of 3)"))
    #expect(screen.lines.last!.contains("/quiet▏  1 matches"))
    let (wider, _) = screenAfter(typing("premiere OR quiet"))
    #expect(wider.rowCount == 2)
  }

  /// The README promises Ctrl-C quits at once; the search line took it as a key.
  @Test func controlCQuitsFromTheSearchLine() {
    #expect(quits(after: typing("qui") + [.control("c")]))
    #expect(!quits(after: typing("qui") + [.control("u")]))
  }

  @Test func enterKeepsTheResultsAndSaysHowMany() {
    let (state, screen) = screenAfter(typing("paragraph") + [.enter])
    #expect(state.search?.isEditing == false)
    #expect(state.listedArticles.map(\.title) == ["Glass Harbor Premiere Dazzles"])
    #expect(screen.lines.last!.contains("1 match for “paragraph”"))
    // Keys move again once the query is kept.
    #expect(screenAfter(typing("paragraph") + [.enter, .enter]).0.focus == .detail)
  }

  @Test func escapeRestoresTheFullListAndTheSelection() {
    let (state, screen) = screenAfter(keys("j") + typing("premiere") + [.escape])
    #expect(state.search == nil)
    #expect(state.rowCount == 3)
    #expect(state.selection == 1)
    #expect(screen.lines[0].contains("Articles (3)"))
  }

  @Test func emptyQueryThenEnterClearsTheSearch() {
    let kept = typing("quiet") + [.enter]
    let (state, _) = screenAfter(kept + [.character("/"), .control("u"), .enter])
    #expect(state.search == nil)
    #expect(state.rowCount == 3)
    #expect(state.selectedArticle?.title == "A Quiet Week In Streaming")
    let (escaped, _) = screenAfter(kept + [.escape])
    #expect(escaped.search == nil)
    #expect(escaped.selectedArticle?.title == "A Quiet Week In Streaming")
  }

  @Test func badQueryWhileTypingKeepsTheLastResults() {
    let (state, screen) = screenAfter(typing("quiet \"str"))
    #expect(state.listedArticles.map(\.title) == ["A Quiet Week In Streaming"])
    #expect(screen.lines.last!.contains("a quote is not closed"))
    #expect(screenAfter(typing("quiet \"quiet week\"")).0.rowCount == 1)
  }

  @Test func noMatchesSaysSo() {
    let (state, screen) = screenAfter(typing("zzzz") + [.enter])
    #expect(state.rowCount == 0)
    #expect(screen.lines.last!.contains("0 matches for “zzzz”"))
    #expect(screen.lines[1].contains("No articles."))
  }

  @Test func matchesAreHighlightedInTitlesAndTheArticle() {
    let (_, screen) = screenAfter(typing("glass paragraph") + [.enter])
    let titleRow = 1
    let glass = try! #require(screen.lines[titleRow].range(of: "Glass"))
    let column = screen.lines[titleRow].distance(
      from: screen.lines[titleRow].startIndex, to: glass.lowerBound)
    #expect(screen[column, titleRow].style.color == .match)
    #expect(screen[column + 6, titleRow].style.color != .match)
    let bodyRow = try! #require(screen.lines.firstIndex { $0.contains("│ Paragraph 1 of") })
    let bodyColumn = 50
    #expect(screen.text(row: bodyRow, columns: bodyColumn..<(bodyColumn + 9)) == "Paragraph")
    #expect(screen[bodyColumn, bodyRow].style.color == .match)
    #expect(screen[bodyColumn + 10, bodyRow].style.color != .match)
  }

  @Test func nAndShiftNJumpBetweenMatchesInTheArticle() {
    let size = Size(columns: 120, rows: 12)
    let start = typing("paragraph") + [.enter, .enter]
    func after(_ more: String) -> (ReaderState, Screen) {
      screenAfter(start + keys(more), size: size)
    }
    let (first, _) = after("n")
    // The article laid out whole at the pane's width: the reader lays out only what it
    // shows and a screen more, and `n` lays out on to the next match.
    let (_, matchLines) = wholeLayout(
      try! #require(first.selectedArticle),
      width: ReaderLayout.textWidth(first.detailRectForLayout), terms: first.highlightTerms)
    #expect(matchLines.count == 12)
    #expect(try! #require(first.detailMatches).lines.count < 12)
    #expect(first.detailTop == matchLines[0])
    #expect(after("nn").0.detailTop == matchLines[1])
    #expect(after("nnN").0.detailTop == matchLines[0])
    #expect(after("nn").1.lines[1].contains("Paragraph 2 of the premiere"))
    let (end, _) = after("nnnnnnnnnnnnnnnnnnnn")
    #expect(end.detailTop == end.maxDetailTop)
    #expect(end.message == "No more matches")
    #expect(screenAfter(keys("n")).0.message == "No search: press / to search")
  }

  /// The query line's keys are data in the keymap: a keymap that makes Ctrl-W clear the
  /// line is obeyed, and the standard one leaves Ctrl-W alone there.
  @Test func theQueryLineKeysComeFromTheKeymap() {
    let size = Size(columns: 120, rows: 30)
    var line = Keymap.standardQueryLine
    line[.control("w")] = .clear
    let custom = Keymap(Keymap.standard.bindings, queryLine: line)
    func query(after keys: [Key], keymap: Keymap) -> String? {
      var state = updated(ReaderState(articles: Sample.trio, size: size), .resize(size))
      for key in keys { state = updated(state, .key(key), keymap: keymap) }
      return state.search?.query
    }
    let typed: [Key] = [.character("/")] + keys("abc") + [.control("w")]
    #expect(query(after: typed, keymap: custom) == "")
    #expect(query(after: typed, keymap: .standard) == "abc")
    #expect(query(after: typed + [.backspace], keymap: .standard) == "ab")
  }

  @Test func creditSearchFromTheGalleryPane() {
    let other = Sample.article(
      "other", title: "Another Nordpix Story",
      images: [ArticleImage(label: "X", caption: nil, credit: "Nordpix")], imagePositions: [0])
    let (state, screen) = screenAfter(keys("cjC"), articles: Sample.trio + [other])
    #expect(state.search?.query == "credit:\"Nordpix\"")
    #expect(
      Set(state.listedArticles.map(\.title)) == [
        "Glass Harbor Premiere Dazzles", "Another Nordpix Story",
      ])
    #expect(state.focus == .list)
    #expect(screen.lines.last!.contains("2 matches for “credit:\"Nordpix\"”"))
    #expect(screenAfter(keys("C")).0.message == "Select an image in the credits pane (c) first")
  }

  /// `C` lists the images credited exactly so: `Nordpix Agency` holds the phrase
  /// `Nordpix`, but is another credit.
  @Test func creditSearchFollowsTheExactCredit() {
    let agency = Sample.article(
      "agency", title: "An Agency Story",
      images: [ArticleImage(label: "Y", caption: nil, credit: "Nordpix Agency")],
      imagePositions: [0])
    let (state, _) = screenAfter(keys("cjC"), articles: Sample.trio + [agency])
    #expect(state.listedArticles.map(\.title) == ["Glass Harbor Premiere Dazzles"])
    #expect(state.message == "1 article with images from Nordpix")
  }
}
