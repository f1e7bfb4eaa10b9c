import MarqueeCore
import Testing

@testable import MarqueeUI

@Suite("Search in the reader")
struct SearchModeTests {
  private func typing(_ text: String) -> [Key] { [.character("/")] + keys(text) }

  @Test func typingFiltersTheListAtEveryKey() {
    // The word being typed is a prefix: the list never empties mid-word.
    let (partial, partialScreen) = screenAfter(typing("qu"))
    #expect(partial.listedArticles.map(\.title) == ["A Quiet Week In Streaming"])
    #expect(partialScreen.lines.last!.contains("/qu▏  1 matches"))
    // After a space the word is whole: `qu` alone is no word of any article.
    let (whole, wholeScreen) = screenAfter(typing("qu "))
    #expect(whole.rowCount == 1, "no matches: the list stays as it was")
    #expect(wholeScreen.lines.last!.contains("/qu ▏  no matches"))
    let (state, screen) = screenAfter(typing("quiet"))
    #expect(state.listedArticles.map(\.title) == ["A Quiet Week In Streaming"])
    #expect(screen.lines[0].contains("Articles (1 of 3)"))
    #expect(screen.lines.last!.contains("/quiet▏  1 matches"))
    let (wider, _) = screenAfter(typing("premiere OR quiet"))
    #expect(wider.rowCount == 2)
  }

  /// A phrase being typed runs as if its quote were closed, its last word a prefix:
  /// every key on the way to `"quiet week"` shows its hits, never an open-quote error.
  @Test func aPhraseBeingTypedSearchesAsItGoes() {
    for text in ["\"qu", "\"quiet", "\"quiet ", "\"quiet we", "title:\"quiet we"] {
      let (state, screen) = screenAfter(typing(text))
      #expect(state.listedArticles.map(\.title) == ["A Quiet Week In Streaming"], "\(text)")
      #expect(state.search?.problem == nil, "\(text)")
      #expect(screen.lines.last!.contains("1 matches"), "\(text)")
    }
    // The words must follow each other, as in the phrase.
    #expect(screenAfter(typing("\"week qui")).0.search?.matchCount == 0)
    // Enter keeps what was shown.
    let (kept, _) = screenAfter(typing("\"quiet we") + [.enter])
    #expect(kept.search?.isEditing == false)
    #expect(kept.listedArticles.map(\.title) == ["A Quiet Week In Streaming"])
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

  /// Clearing a kept search (an empty query and Enter, or Esc in the list) comes back to
  /// the article and the scroll from before the search, not the hit's row.
  @Test func clearingAKeptSearchComesBackToWhereTheListWas() {
    let size = Size(columns: 120, rows: 14)
    let articles = Sample.many(40)
    let before = keys("jjjjjjjjjjjjjjj")
    let (start, _) = screenAfter(before, articles: articles, size: size)
    #expect(start.listTop > 0)
    let kept = before + typing("7") + [.enter]
    let (found, _) = screenAfter(kept, articles: articles, size: size)
    #expect(found.selectedArticle?.title == "Story number 7")
    for more: [Key] in [[.character("/"), .control("u"), .enter], [.escape]] {
      let (state, _) = screenAfter(kept + more, articles: articles, size: size)
      #expect(state.search == nil)
      #expect(state.rowCount == 40)
      #expect(state.selectedArticle?.title == "Story number 15")
      #expect(state.listTop == start.listTop)
    }
  }

  /// `/` on a kept search, then Esc: the kept search is back as it was (Esc does not
  /// throw it away, nor go to the whole list).
  @Test func slashThenEscapePutsTheKeptSearchBack() {
    let kept = typing("paragraph OR quiet") + [.enter, .character("j")]
    let (before, _) = screenAfter(kept)
    #expect(before.rowCount == 2)
    let (state, screen) = screenAfter(kept + keys("/ zzz") + [.escape])
    #expect(state.search?.query == "paragraph OR quiet")
    #expect(state.search?.isEditing == false)
    #expect(state.rowCount == 2)
    #expect(state.selection == before.selection)
    #expect(screen.lines.last!.contains("2 matches for “paragraph OR quiet”"))
  }

  @Test func aBadQueryKeptWithEnterLeavesTheListAsItWasAndSaysWhy() {
    let (state, screen) = screenAfter(keys("j") + typing("quiet OR") + [.enter])
    #expect(state.search == nil)
    #expect(state.rowCount == 3)
    #expect(state.selection == 1)
    #expect(screen.lines[0].contains("Articles (3)"))
    #expect(state.message?.contains("OR needs a word on each side") == true)
  }

  @Test func badQueryWhileTypingKeepsTheLastResults() {
    let (state, screen) = screenAfter(typing("quiet OR"))
    #expect(state.listedArticles.map(\.title) == ["A Quiet Week In Streaming"])
    #expect(screen.lines.last!.contains("OR needs a word on each side"))
    #expect(screenAfter(typing("quiet \"quiet week\"")).0.rowCount == 1)
  }

  /// A word in no article: the status line offers the nearest word, and Tab takes it.
  @Test func aMisspeltWordIsOfferedItsNearestWordAndTabTakesIt() {
    let (typing, screen) = screenAfter(typing("premeire"))
    #expect(typing.search?.suggestion == "premiere*")
    #expect(screen.lines.last!.contains("/premeire▏  no matches · Tab: “premiere”"))
    let (taken, _) = screenAfter(self.typing("premeire") + [.tab])
    #expect(taken.search?.query == "premiere")
    #expect(taken.listedArticles.map(\.title) == ["Glass Harbor Premiere Dazzles"])
    let (given, _) = screenAfter(self.typing("premeire ") + [.enter])
    #expect(given.message == "No matches for “premeire ” — did you mean “premiere ”? (/ ↑ Tab)")
  }

  @Test func enterOnAQueryWithNoMatchesLeavesTheListAsItWas() {
    let (state, screen) = screenAfter(keys("jj") + typing("zzzz") + [.enter])
    #expect(state.search == nil)
    #expect(state.rowCount == 3)
    #expect(state.selection == 2)
    #expect(screen.lines.last!.contains("No matches for “zzzz”"))
    #expect(screen.lines[0].contains("Articles (3)"))
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

  /// `n` steps to every match in turn, those on screen too, marks it and counts it;
  /// the article scrolls only when the match is off screen; `N` steps back.
  @Test func nAndShiftNStepThroughEveryMatchMarkingAndCountingIt() {
    let size = Size(columns: 120, rows: 12)
    var state = screenAfter(typing("paragraph") + [.enter, .enter], size: size).0
    // Laid out whole and looked through, as the loop does between keys.
    while state.isLayingOut { state = updated(state, .layoutStep) }
    let (_, matchLines) = wholeLayout(
      try! #require(state.selectedArticle),
      width: ReaderLayout.textWidth(state.detailRectForLayout), terms: state.highlightTerms)
    #expect(matchLines.count == 12)
    let rows = ReaderLayout.visibleRows(state.detailRectForLayout)
    #expect(matchLines[0] < rows && matchLines[1] < rows, "two matches on the first screen")
    func press(_ key: Character) { state = updated(state, .key(.character(key))) }
    press("n")
    #expect(state.detailTop == 0, "the first match is on screen: no scroll")
    #expect(state.message == "match 1 of 12")
    let screen = render(state)
    let row = 1 + matchLines[0]
    let column = try! #require(
      screen.lines[row].range(of: "Paragraph 1").map {
        screen.lines[row].distance(from: screen.lines[row].startIndex, to: $0.lowerBound)
      })
    #expect(screen[column, row].style.color == .currentMatch)
    let second = 1 + matchLines[1]
    let secondColumn = try! #require(
      screen.lines[second].range(of: "Paragraph 2").map {
        screen.lines[second].distance(from: screen.lines[second].startIndex, to: $0.lowerBound)
      })
    #expect(screen[secondColumn, second].style.color == .match)
    press("n")
    #expect(state.detailTop == 0)
    #expect(state.message == "match 2 of 12")
    for _ in 0..<3 { press("n") }
    #expect(state.message == "match 5 of 12")
    #expect(state.detailTop > 0, "scrolled down to bring a match on screen")
    #expect((state.detailTop..<(state.detailTop + rows)).contains(matchLines[4]))
    press("N")
    #expect(state.message == "match 4 of 12")
    for _ in 0..<20 { press("n") }
    #expect(state.message == "No more matches")
    #expect(screenAfter(keys("n")).0.message == "No search: press / to search")
  }

  @Test func twoMatchesOnOneLineAreTwoSteps() {
    let article = Sample.article(
      "twice", title: "Twice", paragraphs: ["A harbor beside a harbor.", "Then the harbor again."])
    var state = screenAfter(typing("harbor") + [.enter, .enter], articles: [article]).0
    while state.isLayingOut { state = updated(state, .layoutStep) }
    var seen: [String?] = []
    for _ in 0..<4 {
      state = updated(state, .key(.character("n")))
      seen.append(state.message)
    }
    #expect(seen == ["match 1 of 3", "match 2 of 3", "match 3 of 3", "No more matches"])
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
