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
    DetailDocument(
      article: Self.long, width: ReaderLayout.textWidth(state.detailRectForLayout),
      terms: state.highlightTerms)
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
      reader = update(reader, .layoutStep)
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

  @Test func endGoesToTheLastLineOfTheWholeArticle() {
    let reader = state(after: keys("lG"))
    let full = whole(reader)
    #expect(!reader.isLayingOut)
    #expect(
      reader.detailTop == full.lines.count - ReaderLayout.visibleRows(reader.detailRectForLayout))
    #expect(render(reader, size: Self.size).lines.contains { $0.contains("Last picture") })
  }

  @Test func aSearchLaysOutAgainOnlyAScreenAndNFindsAMatchFarBelow() {
    let reader = state(after: [.character("/")] + keys("needle") + [.enter, .enter])
    #expect(reader.search?.terms.isEmpty == false)
    #expect(reader.detailDocument!.lines.count < 200)
    #expect(reader.detailDocument!.matchLines.isEmpty)
    let jumped = update(reader, .key(.character("n")))
    let full = whole(jumped)
    #expect(full.matchLines.count == 1)
    #expect(jumped.detailTop == min(full.matchLines[0], jumped.maxDetailTop))
    #expect(jumped.message == nil)
  }

  @Test func theGalleryOpensAnImageFarBelowAndAResizeKeepsThePlace() {
    let opened = state(after: keys("c") + [.enter])
    let full = whole(opened)
    #expect(opened.detailTop == min(full.imageLines[0], opened.maxDetailTop))
    var reader = state(after: keys("l") + Array(repeating: .pageDown, count: 40))
    let anchor = try! #require(reader.detailDocument?.anchor(atLine: reader.detailTop))
    reader = update(reader, .resize(Size(columns: 80, rows: 30)))
    let narrow = whole(reader)
    #expect(reader.detailTop == narrow.line(for: anchor))
    #expect(reader.detailTop > 0)
  }
}
