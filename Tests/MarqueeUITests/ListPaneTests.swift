import Foundation
import MarqueeCore
import Testing

@testable import MarqueeUI

@Suite("List pane")
struct ListPaneTests {
  @Test func rowsShowTitleImageCountAndMinutes() {
    let (_, screen) = screenAfter([])
    #expect(screen.lines[0].hasPrefix("┌─ Articles (3) · 3 unread ─"))
    // A header row names the columns that fit: at 120 columns, not the date.
    #expect(screen.lines[1].hasPrefix("│ Title "))
    #expect(screen.lines[1].contains(" Img Min │"))
    #expect(screen.lines[2].hasPrefix("│NGlass Harbor Premiere Dazzles "))
    #expect(screen.lines[2].contains("  2▣  1m │"))
    #expect(screen.lines[3].hasPrefix("│NA Quiet Week In Streaming "))
    #expect(screen.lines[3].contains("  0▣  1m │"))
  }

  @Test func aWideListShowsTheDateColumnTheArticlesOwnElseTheFiles() {
    let dated = Article(
      path: "/articles/dated.txt", modified: Date(timeIntervalSince1970: 0), date: "2024-03-05",
      title: "Dated Story", dek: "", body: [], images: [])
    let undated = Article(
      path: "/articles/undated.txt", modified: Date(timeIntervalSince1970: 86_400 * 365),
      title: "Undated Story", dek: "", body: [], images: [])
    let (_, screen) = screenAfter(
      [], articles: [dated, undated], size: Size(columns: 160, rows: 10))
    #expect(screen.lines[1].hasPrefix("│ Title "))
    #expect(screen.lines[1].contains(" Img Min       Date │"))
    #expect(screen.lines[2].contains("Dated Story"))
    #expect(screen.lines[2].contains("  0▣  1m 2024-03-05 │"))
    #expect(screen.lines[3].contains("  0▣  1m 1971-01-01 │"))
  }

  @Test func columnsThatWouldSqueezeTheTitleAreLeftOutLastFirst() {
    let all = ListColumn.standard
    #expect(ListColumn.fitting(all, width: 80) == all)
    #expect(ListColumn.fitting(all, width: 46) == [.images, .time])
    #expect(ListColumn.fitting(all, width: 33) == [.images])
    #expect(ListColumn.fitting(all, width: 20) == [])
    #expect(ListColumn.fitting([.date, .images], width: 40) == [.date])
  }

  @Test func selectedRowIsHighlightedAcrossThePane() {
    let (_, screen) = screenAfter(keys("j"))
    for column in 1..<47 {
      #expect(screen[column, 3].style.reverse, "column \(column)")
      #expect(!screen[column, 2].style.reverse, "column \(column)")
    }
  }

  @Test func detailFollowsTheSelectionOnWideScreens() {
    let (state, screen) = screenAfter(keys("j"))
    #expect(state.selection == 1)
    #expect(screen.lines[1].contains("│ A Quiet Week In Streaming  "))
    #expect(screen.lines.last?.hasPrefix(" 2/3 ") == true)
  }

  @Test func movementStopsAtTheEnds() {
    #expect(screenAfter(keys("kkk")).0.selection == 0)
    #expect(screenAfter(keys("jjjjjj")).0.selection == 2)
    #expect(screenAfter(keys("G")).0.selection == 2)
    #expect(screenAfter(keys("Gg")).0.selection == 0)
    #expect(screenAfter([.end, .up]).0.selection == 1)
    #expect(screenAfter([.down, .home]).0.selection == 0)
  }

  @Test func scrollingKeepsTheSelectionInView() {
    let articles = Sample.many(100)
    let size = Size(columns: 120, rows: 20)
    let (end, endScreen) = screenAfter(keys("G"), articles: articles, size: size)
    #expect(end.selection == 99)
    #expect(endScreen.lines[17].contains("Story number 99"))
    #expect(endScreen.lines.last?.hasPrefix(" 100/100 ") == true)
    let (paged, pagedScreen) = screenAfter([.pageDown, .pageDown], articles: articles, size: size)
    // 17 rows inside the border, less the header: pages of 16.
    #expect(paged.selection == 32)
    #expect(pagedScreen.lines.contains { $0.contains("Story number 32 ") })
    let (half, _) = screenAfter(keys("dd"), articles: articles, size: size)
    #expect(half.selection == 16)
    let (back, _) = screenAfter(keys("Gbu"), articles: articles, size: size)
    #expect(back.selection == 99 - 16 - 8)
  }

  @Test func emptyCorpusSaysSo() {
    let (_, screen) = screenAfter(keys("jjG"), articles: [])
    #expect(screen.lines[0].contains("Articles (0)"))
    #expect(screen.lines[1].contains("No articles."))
    #expect(screen.lines.last?.hasPrefix(" 0/0 ") == true)
  }

  @Test func wideAndEmojiTitlesKeepTheBorderAligned() {
    let articles =
      [Sample.cjk, Sample.premiere] + [
        Sample.article("wide", title: "한국어 제목과 👩‍👩‍👧 가족 그리고 🇯🇵 깃발 ❤️ 긴 제목이 계속됩니다 끝까지"),
        Sample.article("accents", title: "Beyonce\u{301} and Zoë at the Café — “quoted”"),
      ]
    for size in [Size(columns: 120, rows: 20), Size(columns: 101, rows: 12)] {
      let (state, screen) = screenAfter([], articles: articles, size: size)
      let border = ReaderLayout(size: size, focus: state.focus, galleryOpen: false).list!.maxX - 1
      for row in 0..<(size.rows - 1) {
        let cell = screen[border, row]
        #expect(["│", "┐", "┘"].contains(cell.text), "row \(row):\n\(screen)")
      }
      for row in 1...4 {
        #expect(DisplayWidth.of(screen.lines[row]) == size.columns, "row \(row):\n\(screen)")
      }
    }
  }
}
