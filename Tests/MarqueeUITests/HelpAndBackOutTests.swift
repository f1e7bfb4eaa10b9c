import MarqueeCore
import Testing

@testable import MarqueeUI

/// `q` backs out a level at a time and `Q` quits from anywhere; the help scrolls, fits
/// 80×24, and `/` in it finds a key by what it does.
@Suite("Backing out and the help")
struct HelpAndBackOutTests {
  static let standard = Size(columns: 80, rows: 24)

  @Test func qClosesTheHelpThenTheCreditsThenTheArticleThenQuits() {
    var state = updated(
      ReaderState(articles: Sample.trio, size: Self.standard), .resize(Self.standard))
    for key in [Key.enter, .character("c"), .character("?")] { state = updated(state, .key(key)) }
    #expect(state.helpVisible && state.galleryOpen)
    var steps: [String] = []
    for _ in 0..<4 {
      let (next, effects) = update(state, .key(.character("q")))
      state = next
      steps.append(
        effects.contains { $0.isQuit }
          ? "quit" : "help \(state.helpVisible) credits \(state.galleryOpen) \(state.focus)")
    }
    #expect(
      steps == [
        "help false credits true gallery", "help false credits false detail",
        "help false credits false list", "quit",
      ])
  }

  @Test func capitalQQuitsFromTheArticleTheCreditsAndTheHelp() {
    #expect(quits(after: [.enter, .character("Q")]))
    #expect(quits(after: [.enter, .character("c"), .character("Q")]))
    #expect(quits(after: [.character("?"), .character("Q")]))
    // On the query line it is a letter.
    #expect(!quits(after: [.character("/"), .character("Q")]))
  }

  /// Every line of the help at 80×24, gathered by scrolling with `j` from the top: every
  /// binding's description is there in full, and no line is wider than the box.
  @Test func theHelpScrollsAndEveryDescriptionFitsAt80By24() throws {
    var state = updated(
      ReaderState(articles: Sample.trio, size: Self.standard), .resize(Self.standard))
    state = updated(state, .key(.character("?")))
    // The box is 78 wide at 80 columns; its text starts 2 columns inside its left
    // edge (column 1). Line `top + row` of the help shows on the box's row `row`.
    var seen: [Int: String] = [:]
    var previousTop = -1
    while state.help!.top != previousTop {
      previousTop = state.help!.top
      let screen = render(state)
      let rows = screen.lines.indices.filter { screen.text(row: $0, columns: 1..<8) == "┌─ Keys" }
      let boxTop = try #require(rows.first)
      for row in (boxTop + 1)..<(Self.standard.rows - 1) {
        guard screen.text(row: row, columns: 1..<2) == "│" else { break }
        seen[previousTop + row - boxTop - 1] = screen.text(row: row, columns: 3..<77)
      }
      state = updated(state, .key(.character("j")))
    }
    #expect(previousTop > 0, "at 80×24 the help is longer than a screen")
    let text = seen.keys.sorted().map { seen[$0]! }.joined(separator: " ")
      .split(separator: " ").joined(separator: " ")
    for binding in Keymap.standard.bindings {
      #expect(text.contains(binding.help), "\(binding.help)")
    }
    // The footer says where the help is and how to move in it.
    let top = render(updated(state, .key(.character("g"))))
    #expect(
      top.lines.contains { $0.contains(" 1–") && $0.contains("j/k scroll · / find · q close") })
  }

  @Test func slashInTheHelpNarrowsItToTheKeysThatMatch() {
    let (state, screen) = screenAfter(keys("?/credit"), size: Self.standard)
    #expect(state.help == HelpState(top: 0, filter: "credit", isTypingFilter: true))
    let text = screen.lines.joined(separator: "\n")
    #expect(text.contains("Keys matching “credit”"))
    #expect(text.contains("Open or close the image credits pane"))
    #expect(text.contains("Articles with images from this credit"))
    #expect(!text.contains("Page down"))
    #expect(text.contains("/credit▏  Enter keeps · Esc clears"))
    // Enter keeps the filter and scrolling works again; Esc then drops it; another Esc
    // closes the help.
    let kept = updated(state, .key(.enter))
    #expect(kept.help?.filter == "credit" && kept.help?.isTypingFilter == false)
    let cleared = updated(kept, .key(.escape))
    #expect(cleared.help == HelpState())
    #expect(!updated(cleared, .key(.escape)).helpVisible)
    let (_, none) = screenAfter(keys("?/zzz"), size: Self.standard)
    #expect(none.lines.contains { $0.contains("No key matches “zzz”") })
  }
}
