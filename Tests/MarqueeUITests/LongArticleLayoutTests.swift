import MarqueeCore
import Testing

@testable import MarqueeUI

/// A long article is laid out as far as the pane shows (and a screen more) when it is
/// selected or its search changes; the rest comes a step at a time between keys, or at
/// once for the key that needs it (`G`, `n`, an image far down). Lines are counted,
/// not timed: a key's cost follows the lines it lays out.
@Suite("Long articles laid out a screen at a time")
struct LongArticleLayoutTests {
  static let size = Size(columns: 120, rows: 30)
  static let paragraphs = 3_000

  /// 3,000 paragraphs of two lines each at the pane's width, an image at the end, and
  /// the word "needle" only in the last paragraph.
  static let long = Sample.article(
    "long", title: "A Very Long Story",
    paragraphs: (1...paragraphs).map {
      "Paragraph \($0) "
        + String(repeating: "words that run on ", count: 5)
        + ($0 == paragraphs ? "needle" : "hay")
    },
    images: [ArticleImage(label: "Last picture", caption: nil, credit: "Nordpix")],
    imagePositions: [paragraphs])

  private func state(after keys: [Key] = []) -> ReaderState {
    screenAfter(keys, articles: [Self.long], size: Self.size).0
  }

  private func whole(_ state: ReaderState) -> DetailDocument {
    wholeLayout(Self.long, width: ReaderLayout.textWidth(state.detailRectForLayout)).document
  }

  @Test func selectingItLaysOutAScreenOrTwoAndSaysSo() {
    let reader = state()
    let document = try! #require(reader.detailDocument)
    #expect(reader.isLayingOut)
    #expect(document.lines.count < 200)
    #expect(document.lines.count >= 2 * ReaderLayout.visibleRows(reader.detailRectForLayout))
    #expect(whole(reader).lines.count > 6_000)
    let screen = render(reader, size: Self.size)
    #expect(screen.lines.contains { $0.contains("Article · laying out ") })
  }

  @Test func stepsBetweenKeysLayOutTheRestAsAWholeLayoutWould() {
    var reader = state()
    var steps = 0
    while reader.isLayingOut {
      let before = reader.detailDocument!.lines.count
      reader = updated(reader, .layoutStep)
      #expect(reader.detailDocument!.lines.count - before <= DetailDocument.step + 2)
      steps += 1
    }
    #expect(steps > 3)
    #expect(reader.detailDocument!.lines == whole(reader).lines)
    #expect(reader.detailDocument!.imageLines == whole(reader).imageLines)
  }

  @Test func scrollingLaysOutOnlyWhatComesIntoView() {
    let reader = state(after: keys("l") + Array(repeating: .pageDown, count: 5))
    let rows = ReaderLayout.visibleRows(reader.detailRectForLayout)
    #expect(reader.detailTop == 5 * rows)
    #expect(reader.detailDocument!.lines.count <= reader.detailTop + 3 * rows)
  }

  @Test func endFollowsTheLayoutToTheLastLineOfTheWholeArticle() {
    var reader = state(after: keys("lG"))
    let rows = ReaderLayout.visibleRows(reader.detailRectForLayout)
    // The key itself lays out no more than a few screens; the pane keeps to the end.
    #expect(reader.isLayingOut)
    #expect(reader.detailDocument!.lines.count < 6 * rows)
    #expect(reader.detailTop == reader.maxDetailTop)
    while reader.isLayingOut {
      reader = updated(reader, .layoutStep)
      #expect(reader.detailTop == reader.maxDetailTop)
    }
    let full = whole(reader)
    #expect(reader.detailTop == full.lines.count - rows)
    #expect(render(reader, size: Self.size).lines.contains { $0.contains("Last picture") })
    // Any key stops following: a step then leaves the place alone.
    var stopped = updated(state(after: keys("lG")), .key(.character("k")))
    let top = stopped.detailTop
    stopped = updated(stopped, .layoutStep)
    #expect(stopped.detailTop == top)
  }

  @Test func aSearchLaysOutNothingAgainAndNFindsAMatchFarBelow() {
    let before = state(after: keys("l") + Array(repeating: .pageDown, count: 5))
    let laidOut = before.detailDocument!.lines.count
    // As in the terminal: the query runs off the reader's thread, and its hits arrive.
    var reader = before
    reader.searchesInBackground = true
    for key in [Key.character("/")] + keys("needle") + [.enter] {
      reader = updated(reader, .key(key))
    }
    let request = try! #require(reader.awaitedSearch)
    reader = updated(
      reader, .searchFinished(id: request.id, hits: reader.index.search(request.query)))
    #expect(reader.search?.terms.isEmpty == false)
    // The same lines, kept: a search marks words, it does not move line breaks.
    #expect(reader.detailDocument!.lines.count == laidOut)
    #expect(reader.detailMatches!.lines.isEmpty)
    let jumped = updated(reader, .key(.character("n")))
    let full = wholeLayout(
      Self.long, width: ReaderLayout.textWidth(jumped.detailRectForLayout),
      terms: jumped.highlightTerms)
    #expect(full.matchLines.count == 1)
    #expect(jumped.detailTop == min(full.matchLines[0], jumped.maxDetailTop))
    // The rest is not looked through yet: how many there are is not known.
    #expect(jumped.message == "match 1 of 1+")
    let screen = render(jumped, size: Self.size)
    let row = try! #require(screen.lines.firstIndex { $0.contains("needle") })
    let line = screen.lines[row]
    let column = line.distance(from: line.startIndex, to: line.range(of: "needle")!.lowerBound)
    #expect(screen[column, row].style.color == .currentMatch)
    #expect(screen[column - 2, row].style.color != .currentMatch)
  }

  @Test func theGalleryOpensAnImageFarBelowAndAResizeKeepsThePlace() {
    let opened = state(after: keys("c") + [.enter])
    let full = whole(opened)
    #expect(opened.detailTop == min(full.imageLines[0], opened.maxDetailTop))
    var reader = state(after: keys("l") + Array(repeating: .pageDown, count: 40))
    let anchor = try! #require(reader.detailDocument?.anchor(atLine: reader.detailTop))
    reader = updated(reader, .resize(Size(columns: 80, rows: 30)))
    let narrow = whole(reader)
    #expect(reader.detailTop == narrow.line(for: anchor))
    #expect(reader.detailTop > 0)
  }
}

/// The gallery pane lays out as many images as it shows, and a step past the selection:
/// an article of thousands of images does not lay them all out to show its first.
@Suite("Galleries laid out as far as they are shown")
struct LongGalleryLayoutTests {
  static let count = 5_000
  static let article = Sample.article(
    "images", title: "Many Pictures", paragraphs: ["Text."],
    images: (1...count).map {
      ArticleImage(label: "Picture \($0)", caption: "Caption \($0).", credit: "Agency \($0 % 7)")
    },
    imagePositions: Array(repeating: 1, count: count))

  private func state(after keys: [Key]) -> ReaderState {
    screenAfter(keys, articles: [Self.article], size: Size(columns: 120, rows: 30)).0
  }

  private func whole(_ state: ReaderState) -> GalleryDocument {
    GalleryDocument(
      article: Self.article, width: ReaderLayout.textWidth(state.galleryRectForLayout))
  }

  @Test func openingShowsTheFirstImagesHavingLaidOutOnlyThose() {
    let reader = state(after: keys("c"))
    let shown = reader.galleryDocument
    #expect(shown.imageLines.count < 20)
    #expect(!shown.isComplete)
    let full = whole(reader)
    #expect(full.imageLines.count == Self.count)
    #expect(shown.lines == Array(full.lines.prefix(shown.lines.count)))
  }

  @Test func movingDownLaysOutAsFarAsTheSelectionAndTheEndLaysOutAll() {
    let moved = state(after: keys("c") + Array(repeating: .character("j"), count: 100))
    #expect(moved.gallerySelection == 100)
    #expect((101...120).contains(moved.galleryDocument.imageLines.count))
    let full = whole(moved)
    let rows = ReaderLayout.visibleRows(moved.galleryRectForLayout)
    // The selected entry is on screen, as it is in the whole gallery.
    #expect(moved.galleryTop <= full.imageLines[100])
    #expect(full.imageLines[101] - 1 <= moved.galleryTop + rows)
    let end = state(after: keys("cG"))
    #expect(end.gallerySelection == Self.count - 1)
    #expect(end.galleryDocument.isComplete)
    #expect(end.galleryTop == full.lines.count - rows)
  }
}
