import MarqueeCore
import Testing

@testable import MarqueeUI

@Suite("Detail pane")
struct DetailPaneTests {
  @Test func showsTitleDekBodyAndImageMarkers() {
    let (_, screen) = screenAfter([])
    let detail = (0..<screen.size.rows).map { screen.text(row: $0, columns: 48..<120) }
    #expect(detail[0].hasPrefix("┌─ Article · "))
    #expect(detail[1].hasPrefix("│ Glass Harbor Premiere Dazzles "))
    #expect(detail[3].hasPrefix("│ A standfirst that sets the scene. "))
    #expect(detail[5].hasPrefix("│ ▣ Ava Lind Theo Marsh — Image Credit: YouTube "))
    #expect(detail[7].hasPrefix("│ Paragraph 1 of the premiere story"))
  }

  @Test func titleIsBoldAndDekStyledApart() {
    let (_, screen) = screenAfter([])
    #expect(screen[50, 1].style.bold)
    #expect(screen[50, 3].style.color == .dek)
    #expect(screen[50, 5].style.color == .imageMarker)
  }

  @Test func enterFocusesTheArticleAndJScrollsIt() {
    let (opened, screen) = screenAfter([.enter])
    #expect(opened.focus == .detail)
    #expect(screen.lines.last?.contains("Space page") == true)
    let (scrolled, scrolledScreen) = screenAfter([.enter, .character("j"), .character("j")])
    #expect(scrolled.detailTop == 2)
    #expect(scrolled.selection == 0)
    #expect(scrolledScreen.text(row: 1, columns: 48..<120).hasPrefix("│ A standfirst"))
  }

  @Test func pagesAndHalfPagesScrollByTheVisibleHeight() {
    let size = Size(columns: 120, rows: 16)
    let visible = 16 - 1 - 2
    #expect(screenAfter([.enter, .character(" ")], size: size).0.detailTop == visible)
    #expect(screenAfter([.enter, .control("f"), .control("b")], size: size).0.detailTop == 0)
    #expect(screenAfter([.enter, .character("d")], size: size).0.detailTop == visible / 2)
    let (bottom, screen) = screenAfter([.enter, .character("G")], size: size)
    let total = bottom.detailDocument!.lines.count
    #expect(bottom.detailTop == total - visible)
    #expect(screen.lines[13].contains("Paragraph 12 of the premiere story"))
  }

  @Test func escGoesBackToTheList() {
    for key in [Key.escape, .character("h"), .left, .backspace] {
      #expect(screenAfter([.enter, key]).0.focus == .list)
    }
  }

  @Test func imageCaptionFollowsItsMarker() {
    let document = DetailDocument(article: Sample.premiere, width: 60)
    let marker = document.imageLines[1]
    #expect(document.lines[marker].text == "▣ Ava Lind — Image Credit: Nordpix")
    #expect(document.lines[marker + 1].text == "  Ava Lind waves on the carpet in Oslo.")
    #expect(document.lines[marker + 1].spans.allSatisfy { $0.style.dim })
  }
}

@Suite("Gallery-caption pane")
struct GalleryPaneTests {
  @Test func listsEachImageWithLabelCaptionCreditAndGalleryMark() {
    let (state, screen) = screenAfter(keys("c"))
    #expect(state.focus == .gallery)
    let text = (0..<screen.size.rows).map { screen.text(row: $0, columns: 48..<120) }
    let top = try! #require(text.firstIndex { $0.hasPrefix("┌─ Image credits (2) ") })
    #expect(text[top + 1].hasPrefix("│ 1. Ava Lind Theo Marsh ▦ gallery "))
    #expect(text[top + 2].hasPrefix("│    Credit: YouTube "))
    #expect(text[top + 4].hasPrefix("│ 2. Ava Lind "))
    #expect(text[top + 5].hasPrefix("│    Ava Lind waves on the carpet in Oslo. "))
    #expect(text[top + 6].hasPrefix("│    Credit: Nordpix "))
  }

  @Test func selectedImageIsHighlightedAndMoves() {
    let (state, screen) = screenAfter(keys("cj"))
    #expect(state.gallerySelection == 1)
    let row = try! #require(screen.lines.firstIndex { $0.contains("2. Ava Lind ") })
    let column = try! #require(Array(screen.lines[row]).firstIndex(of: "A"))
    #expect(screen[column, row].style.reverse)
    #expect(screenAfter(keys("cjjjj")).0.gallerySelection == 1)
  }

  @Test func enterScrollsTheArticleToTheImage() {
    let (state, screen) = screenAfter(keys("cj") + [.enter])
    let document = try! #require(state.detailDocument)
    let visible = ReaderLayout.visibleRows(state.layout.detail)
    #expect(state.detailTop == min(document.imageLines[1], document.lines.count - visible))
    #expect(screen.lines.contains { $0.contains("▣ Ava Lind — Image Credit: Nordpix") })
    #expect(state.focus == .gallery)
  }

  @Test func onNarrowScreensEnterShowsTheArticleAtTheImage() {
    let size = Size(columns: 70, rows: 20)
    let (state, screen) = screenAfter(
      [.enter, .character("c"), .character("j"), .enter], size: size)
    #expect(state.focus == .detail)
    #expect(screen.lines.contains { $0.contains("▣ Ava Lind — Image Credit: Nordpix") })
    #expect(state.detailTop > 0)
  }

  @Test func articleWithoutImagesSaysSo() {
    let (_, screen) = screenAfter(keys("jc"))
    #expect(screen.lines.contains { $0.contains("Image credits (0)") })
    #expect(screen.lines.contains { $0.contains(GalleryDocument.emptyMessage) })
  }

  @Test func cClosesThePaneAgain() {
    let (state, screen) = screenAfter(keys("cc"))
    #expect(!state.galleryOpen)
    #expect(state.focus == .detail)
    #expect(!screen.lines.contains { $0.contains("Image credits") })
  }

  @Test func tabCyclesThroughOpenPanes() {
    #expect(screenAfter([.tab]).0.focus == .detail)
    #expect(screenAfter([.tab, .tab]).0.focus == .list)
    #expect(screenAfter([.character("c"), .tab]).0.focus == .list)
    #expect(screenAfter([.character("c"), .tab, .tab, .tab]).0.focus == .gallery)
  }
}
