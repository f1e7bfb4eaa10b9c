import MarqueeCore
import Testing

@testable import MarqueeUI

/// Clicks, double-clicks and the wheel, at cells of a 120×30 screen: the list is 48
/// columns wide (its border, a header row, then rows from screen row 2), the article
/// pane to its right.
@Suite("The mouse")
struct MouseTests {
  private func after(_ state: ReaderState, _ events: [MouseEvent]) -> ReaderState {
    events.reduce(state) { updated($0, .mouse($1)) }
  }

  @Test func aClickOnARowSelectsItAndFocusesTheList() {
    let start = screenAfter([.enter]).0
    #expect(start.focus == .detail)
    let state = after(start, [MouseEvent(.click, column: 10, row: 4)])
    #expect(state.selection == 2, "screen row 4 is the third article")
    #expect(state.focus == .list)
    // The header row and the border select nothing.
    #expect(after(state, [MouseEvent(.click, column: 10, row: 1)]).selection == 2)
    #expect(after(state, [MouseEvent(.click, column: 0, row: 0)]).selection == 2)
    // Nor does a click below the last article.
    #expect(after(state, [MouseEvent(.click, column: 10, row: 20)]).selection == 2)
  }

  @Test func aDoubleClickOpensTheArticleAndMarksItRead() {
    let state = after(
      screenAfter([]).0,
      [MouseEvent(.click, column: 10, row: 3), MouseEvent(.doubleClick, column: 10, row: 3)])
    #expect(state.selection == 1)
    #expect(state.focus == .detail)
    #expect(state.marks[1] == .read)
  }

  @Test func theWheelScrollsThePaneUnderThePointer() {
    let start = screenAfter([]).0
    let scrolled = after(start, [MouseEvent(.wheelDown, column: 80, row: 10)])
    #expect(scrolled.detailTop == 3)
    #expect(scrolled.focus == .detail)
    #expect(after(scrolled, [MouseEvent(.wheelUp, column: 80, row: 10)]).detailTop == 0)
    let list = after(start, [MouseEvent(.wheelDown, column: 10, row: 10)])
    #expect(list.selection == 2, "three rows down, stopped at the last of three")
    #expect(after(list, [MouseEvent(.wheelUp, column: 10, row: 10)]).selection == 0)
  }

  @Test func aClickInTheCreditsPaneSelectsTheImageUnderIt() throws {
    var state = screenAfter(keys("c")).0
    #expect(state.focus == .gallery)
    let gallery = try #require(state.layout.gallery)
    let second = try #require(state.galleryDocument.imageLines.dropFirst().first)
    let row = gallery.inner.y + second - state.galleryTop
    state = after(state, [MouseEvent(.click, column: gallery.x + 5, row: 0)])
    #expect(state.focus == .detail, "a click above it, in the article")
    state = after(state, [MouseEvent(.click, column: gallery.x + 5, row: row)])
    #expect(state.focus == .gallery)
    #expect(state.gallerySelection == 1)
  }

  @Test func aClickWhileTypingASearchKeepsItsResults() {
    let typing = screenAfter(keys("/harbor")).0
    #expect(typing.search?.isEditing == true)
    let state = after(typing, [MouseEvent(.click, column: 10, row: 2)])
    #expect(state.search?.isEditing == false)
    #expect(state.search?.query == "harbor")
    #expect(state.rowCount == 1)
    #expect(state.searchHistory == ["harbor"])
  }

  @Test func onANarrowScreenOnlyTheShownPaneTakesClicks() {
    let size = Size(columns: 80, rows: 24)
    let state = after(screenAfter([], size: size).0, [MouseEvent(.doubleClick, column: 60, row: 3)])
    #expect(state.focus == .detail, "the list fills the screen: row 3 is the second article")
    #expect(state.selection == 1)
  }

  @Test func theWheelScrollsTheHelpAndAClickLeavesItOpen() {
    let help = screenAfter(keys("?"), size: Size(columns: 80, rows: 12)).0
    let scrolled = after(help, [MouseEvent(.wheelDown, column: 40, row: 5)])
    #expect(scrolled.help?.top == 3)
    #expect(after(scrolled, [MouseEvent(.click, column: 40, row: 5)]).help != nil)
  }
}
