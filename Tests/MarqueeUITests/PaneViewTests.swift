import MarqueeCore
import Testing

@testable import MarqueeUI

/// Each pane drawn alone into a screen of its own, compared whole (every cell's text and
/// style) with a screen written out by hand: the way ratatui's `TestBackend` tests do.
@Suite("Pane views")
struct PaneViewTests {
  /// `lines` as a screen, with the given regions styled (later regions win).
  private func expected(_ lines: [String], _ styles: [(Rect, Style)]) -> Screen {
    var screen = Screen(lines: lines)
    for (rect, style) in styles { screen.setStyle(style, in: rect) }
    return screen
  }

  /// The four edges of a box filling the screen, in the border's style.
  private func border(_ size: Size, focused: Bool) -> [(Rect, Style)] {
    let style = focused ? Style(bold: true, color: .border) : Style(dim: true, color: .border)
    return [
      Rect(x: 0, y: 0, width: size.columns, height: 1),
      Rect(x: 0, y: size.rows - 1, width: size.columns, height: 1),
      Rect(x: 0, y: 0, width: 1, height: size.rows),
      Rect(x: size.columns - 1, y: 0, width: 1, height: size.rows),
    ].map { ($0, style) }
  }

  private static let store = ArticleStore(articles: [
    Sample.article("alpha", title: "Alpha", paragraphs: ["Short."]),
    Sample.article(
      "bravo", title: "Bravo Charlie", paragraphs: ["Short."],
      images: [
        ArticleImage(label: "One", caption: nil, credit: "Rex"),
        ArticleImage(label: "Two", caption: nil, credit: "Rex"),
      ]),
    Sample.article("delta", title: "Delta", paragraphs: ["Short."]),
  ])

  /// Unread titles are bold with an `N` before them, flagged ones have a `!` (as in
  /// mutt); the title counts the unread.
  @Test func theListShowsMarksTitlesAndStatsWithTheSelectionReversed() {
    let pane = ListPane(
      store: Self.store, rows: nil, marks: [.read, [], .flagged], unread: 2, isSearching: false,
      top: 0, selection: 1, terms: [], focused: true)
    let size = Size(columns: 40, rows: 6)
    let dim = Style(dim: true)
    let bar = Style(reverse: true, color: .selection)
    let boldBar = Style(bold: true, reverse: true, color: .selection)
    // At 38 columns inside, the date column would leave the title too little room.
    let screen = expected(
      [
        "┌─ Articles (3) · 2 unread ────────────┐",
        "│ Title                        Img Min │",
        "│ Alpha                         0▣  1m │",
        "│NBravo Charlie                 2▣  1m │",
        "│!Delta                         0▣  1m │",
        "└──────────────────────────────────────┘",
      ],
      border(size, focused: true) + [
        (Rect(x: 2, y: 0, width: 25, height: 1), Style(bold: true, color: .title)),
        (Rect(x: 1, y: 1, width: 38, height: 1), Style(dim: true, underline: true)),
        (Rect(x: 30, y: 2, width: 9, height: 1), dim),
        (Rect(x: 1, y: 3, width: 38, height: 1), bar),
        (Rect(x: 1, y: 3, width: 14, height: 1), boldBar),
        (Rect(x: 1, y: 4, width: 1, height: 1), Style(bold: true)),
        (Rect(x: 2, y: 4, width: 5, height: 1), Style(bold: true, color: .unread)),
        (Rect(x: 30, y: 4, width: 9, height: 1), dim),
      ])
    #expect(pane.screen(size) == screen, "\(pane.screen(size))")
  }

  @Test func aSearchedListCountsOfTheTotalAndMarksTheWordsEvenOnTheSelection() throws {
    let terms = try SearchQuery("charlie").highlightTerms
    let pane = ListPane(
      store: Self.store, rows: [1], marks: [.read, .read, .read], unread: 0, isSearching: true,
      top: 0, selection: 0, terms: terms, focused: false)
    // Two rows inside: no header row. 34 columns inside leave room for one column only.
    let size = Size(columns: 36, rows: 4)
    let selected = Style(reverse: true, color: .selection)
    let screen = expected(
      [
        "┌─ Articles (1 of 3) ──────────────┐",
        "│ Bravo Charlie                 2▣ │",
        "│                                  │",
        "└──────────────────────────────────┘",
      ],
      border(size, focused: false) + [
        (Rect(x: 2, y: 0, width: 19, height: 1), Style(color: .title)),
        (Rect(x: 1, y: 1, width: 34, height: 1), selected),
        // The match on the reversed bar shows un-reversed.
        (Rect(x: 8, y: 1, width: 7, height: 1), Style(color: .match)),
      ])
    #expect(pane.screen(size) == screen, "\(pane.screen(size))")
  }

  @Test func theArticleShowsItsLinesWithMatchesMarkedAndHowMuchIsShown() throws {
    let article = Sample.article(
      "harbor", title: "Harbor Lights", dek: "A short dek.",
      paragraphs: ["One two three four five six seven eight."])
    let pane = DetailPane(
      layout: DetailDocument(article: article, width: 26),
      matches: DetailMatches(terms: try SearchQuery("seven").highlightTerms), top: 0,
      focused: false)
    let size = Size(columns: 30, rows: 8)
    let screen = expected(
      [
        "┌─ Article · all ────────────┐",
        "│ Harbor Lights              │",
        "│                            │",
        "│ A short dek.               │",
        "│                            │",
        "│ One two three four five    │",
        "│ six seven eight.           │",
        "└────────────────────────────┘",
      ],
      border(size, focused: false) + [
        (Rect(x: 2, y: 0, width: 15, height: 1), Style(color: .title)),
        (Rect(x: 2, y: 1, width: 13, height: 1), Style(bold: true, color: .title)),
        (Rect(x: 2, y: 3, width: 12, height: 1), Style(color: .dek)),
        (Rect(x: 6, y: 6, width: 5, height: 1), Style(reverse: true, color: .match)),
      ])
    #expect(pane.screen(size) == screen, "\(pane.screen(size))")
  }

  /// The article's file is named in the pane's bottom edge, cut from the left (the end
  /// of a path says the most).
  @Test func theArticlePaneNamesItsFileInTheBottomEdge() {
    let pane = DetailPane(
      layout: nil, matches: nil, top: 0, focused: false, path: "bbc/entertainment/354.txt")
    let size = Size(columns: 24, rows: 3)
    let screen = expected(
      [
        "┌─ Article ────────────┐",
        "│                      │",
        "└─ …rtainment/354.txt ─┘",
      ],
      border(size, focused: false) + [
        (Rect(x: 2, y: 0, width: 9, height: 1), Style(color: .title)),
        (Rect(x: 2, y: 2, width: 20, height: 1), Style(dim: true)),
      ])
    #expect(pane.screen(size) == screen, "\(pane.screen(size))")
    var state = ReaderState(articles: [], size: size)
    state.openedPaths = ["../corpora", "one.txt"]
    #expect(state.displayPath(of: "../corpora/bbc/354.txt") == "bbc/354.txt")
    #expect(state.displayPath(of: "one.txt") == "one.txt")
    #expect(state.displayPath(of: "../corpora2/x.txt") == "../corpora2/x.txt")
  }

  @Test func theGalleryListsEveryImageWithItsCreditAndMarksTheSelectedOne() {
    let article = Sample.article(
      "gallery", title: "Pictures",
      images: [
        ArticleImage(label: "Ava Lind", caption: nil, credit: "Nordpix"),
        ArticleImage(label: nil, caption: "On stage in Oslo.", credit: nil),
      ])
    let pane = GalleryPane(
      document: GalleryDocument(article: article, width: 30), imageCount: 2, top: 0,
      selection: 1, focused: true)
    let size = Size(columns: 34, rows: 8)
    let credit = Style(color: .credit)
    let screen = expected(
      [
        "┌─ Image credits (2) ────────────┐",
        "│ 1. Ava Lind                    │",
        "│    Credit: Nordpix             │",
        "│                                │",
        "│ 2. Untitled image              │",
        "│    On stage in Oslo.           │",
        "│    Credit: none given          │",
        "└────────────────────────────────┘",
      ],
      border(size, focused: true) + [
        (Rect(x: 2, y: 0, width: 19, height: 1), Style(bold: true, color: .title)),
        (Rect(x: 5, y: 1, width: 8, height: 1), Style(bold: true)),
        (Rect(x: 5, y: 2, width: 15, height: 1), credit),
        (
          Rect(x: 5, y: 4, width: 14, height: 1),
          Style(bold: true, reverse: true, color: .selection)
        ),
        (Rect(x: 5, y: 6, width: 18, height: 1), credit),
      ])
    #expect(pane.screen(size) == screen, "\(pane.screen(size))")
  }

  @Test func theStatusBarShowsThePlaceTheHintsAndTheNote() {
    let bar = StatusBar(
      position: "2/3", search: nil, problem: nil, isEditing: false,
      note: "1 file skipped",
      hints: [
        Binding.ShownHint(keys: "j/k", label: "move"), Binding.ShownHint(keys: "?", label: "help"),
      ])
    let strong = Style(bold: true, reverse: true, color: .status)
    let screen = expected(
      [" 2/3  j/k move  ? help                       1 file skipped "],
      [
        (Rect(x: 0, y: 0, width: 60, height: 1), Style(reverse: true, color: .status)),
        (Rect(x: 0, y: 0, width: 5, height: 1), strong),
        (Rect(x: 44, y: 0, width: 16, height: 1), strong),
      ])
    #expect(bar.screen(Size(columns: 60, rows: 1)) == screen)
  }

  /// A long note takes the room of the last hints, whole: no hint is cut mid-word.
  @Test func aLongNoteDropsWholeHintsNeverHalfAWord() {
    let bar = StatusBar(
      position: "2/3", search: nil, problem: nil, isEditing: false,
      note: "+3 new, 1 changed, 2 removed",
      hints: [
        Binding.ShownHint(keys: "j/k", label: "move"),
        Binding.ShownHint(keys: "Enter", label: "open"),
        Binding.ShownHint(keys: "?", label: "help"),
      ])
    let line = bar.screen(Size(columns: 50, rows: 1)).lines[0]
    #expect(line == " 2/3  j/k move       +3 new, 1 changed, 2 removed ")
    #expect(StatusBar.wholeHints(bar.hints, width: 13) == "j/k move")
    #expect(StatusBar.wholeHints(bar.hints, width: 7) == "")
  }

  @Test func whileTypingTheStatusBarShowsTheQueryAndWhyItDoesNotParseInsteadOfHints() {
    let bar = StatusBar(
      position: "0/0", search: "/\"harb", problem: "unclosed quote", isEditing: true,
      note: "Loading 3 / 9", hints: [Binding.ShownHint(keys: "j/k", label: "move")])
    let strong = Style(bold: true, reverse: true, color: .status)
    let screen = expected(
      [" 0/0  /\"harb  unclosed quote            "],
      [
        (Rect(x: 0, y: 0, width: 40, height: 1), Style(reverse: true, color: .status)),
        (Rect(x: 0, y: 0, width: 13, height: 1), strong),
      ])
    #expect(bar.screen(Size(columns: 40, rows: 1)) == screen)
  }

  @Test func theHelpBoxesTheKeymapsGroupsCentredOverTheScreen() {
    let keymap = Keymap([
      Binding([.character("j"), .down], .next, "Next article", group: .moving),
      Binding([.character("q")], .quit, "Quit", group: .other),
    ])
    // The box is 48 wide (the screen less a column each side), 6 high (4 lines and the
    // border); its text starts a column inside the border and has 44 columns. The keys
    // take a column as wide as the widest (`j ↓`), and the bottom edge names the keys
    // that work in the help: this keymap has no find and nothing to scroll.
    func row(_ text: String) -> String {
      " │ " + text + String(repeating: " ", count: 44 - text.count) + " │ "
    }
    let screen = expected(
      [
        " ┌─ Keys " + String(repeating: "─", count: 39) + "┐ ",
        row("Moving"),
        row("  j ↓  Next article"),
        row("Other"),
        row("  q    Quit"),
        " └─ q close " + String(repeating: "─", count: 36) + "┘ ",
        String(repeating: " ", count: 50),
        String(repeating: " ", count: 50),
      ],
      border(Size(columns: 48, rows: 6), focused: true).map {
        (Rect(x: $0.0.x + 1, y: $0.0.y, width: $0.0.width, height: $0.0.height), $0.1)
      } + [
        (Rect(x: 3, y: 0, width: 6, height: 1), Style(bold: true, color: .title)),
        (Rect(x: 3, y: 1, width: 6, height: 1), Style(bold: true, underline: true)),
        (Rect(x: 3, y: 3, width: 5, height: 1), Style(bold: true, underline: true)),
      ])
    let drawn = HelpOverlay(keymap: keymap, state: HelpState()).screen(Size(columns: 50, rows: 8))
    #expect(drawn == screen, "\(drawn)")
  }
}
