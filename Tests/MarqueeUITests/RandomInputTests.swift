import MarqueeCore
import Testing

@testable import MarqueeSynthetic
@testable import MarqueeUI

/// Whatever a user types and however the window is dragged, `update` and `render` never
/// trap, and every frame is exactly the size asked for: each row as wide as the screen,
/// measured the way the terminal will draw it. Seeded, so a failure repeats exactly.
@Suite("Random keys and resizes")
struct RandomInputTests {
  /// Articles that stress layout: wide characters, emoji, a word longer than any pane,
  /// images, and enough articles to scroll.
  static let articles =
    Sample.trio + Sample.many(40) + [
      Sample.article(
        "wide", title: "🎬🎬 配信開始 ‘Glass Harbor’ — a title that runs on and on and on",
        dek: String(repeating: "名", count: 300),
        paragraphs: [String(repeating: "abcdefghij", count: 500), "Short. 👩‍👩‍👧 ❤️ é"],
        images: [ArticleImage(label: "Lantern", caption: "日本語の字幕", credit: "ÉCU")],
        imagePositions: [1])
    ]

  /// Keys the reader binds, plus characters it does not (typed into the search line),
  /// and none of `q`, `Q` and Ctrl-C, which would end the session early.
  static let keys: [Key] =
    Keymap.standard.bindings.flatMap(\.keys).filter {
      ![.character("q"), .character("Q"), .control("c")].contains($0)
    }
    + "abcxyzAZ019 -/?*\"éü日😀".map { Key.character($0) }
    + [.control("a"), .control("z"), .backTab, .function(1), .function(12)]

  /// Sizes from nothing to huge, weighted towards the small ones where layouts break.
  static func randomSize(_ random: inout SplitMix64) -> Size {
    random.chance(0.5)
      ? Size(columns: random.within(0...12), rows: random.within(0...12))
      : Size(columns: random.within(0...200), rows: random.within(0...60))
  }

  /// The problem with `screen` rendered for `size`, or nil when it is the right shape.
  static func shapeProblem(_ screen: Screen, _ size: Size) -> String? {
    guard screen.size == size else { return "rendered \(screen.size) for \(size)" }
    guard screen.cells.count == size.columns * size.rows else { return "cell count" }
    for (row, line) in screen.lines.enumerated() where DisplayWidth.of(line) != size.columns {
      return "row \(row) is \(DisplayWidth.of(line)) columns wide at \(size): \(line)"
    }
    return nil
  }

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func randomKeysAndResizesNeverTrapAndEveryFrameHasTheRequestedSize(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var size = Size(columns: 120, rows: 30)
    var state = updated(
      ReaderState(store: ArticleStore(), size: size, loading: LoadingStatus()),
      .resize(size))
    state = updated(state, .filesFound(Self.articles.count))
    var pending = Self.articles[...]
    for step in 0..<2_500 {
      let roll = random.below(100)
      if roll < 3, !pending.isEmpty {
        let batch = Array(pending.prefix(random.within(1...10)))
        pending = pending.dropFirst(batch.count)
        let prepared = SearchIndex.prepare(batch, after: state.store.count)
        state = updated(
          state, .articlesArrived(prepared, filesRead: Self.articles.count - pending.count))
        if pending.isEmpty { state = updated(state, .loadingFinished(LoadReport())) }
      } else if roll < 18 {
        size = Self.randomSize(&random)
        state = updated(state, .resize(size))
      } else {
        let (next, effects) = update(state, .key(random.pick(Self.keys)))
        state = next
        #expect(!effects.contains { $0.isQuit }, "no quitting key was sent (step \(step))")
      }
      if let problem = Self.shapeProblem(render(state, size: size), size) {
        Issue.record("seed \(seed), step \(step): \(problem)")
        return
      }
    }
  }
}
