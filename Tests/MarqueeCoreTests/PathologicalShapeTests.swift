import MarqueeSynthetic
import Testing

@testable import MarqueeCore

/// Shapes an outside probe found slow or greedy. Work and memory are counted, not timed.
@Suite("Pathological shapes")
struct PathologicalShapeTests {
  @Test func showTextUnpacksAnArticlesImagesOnce() throws {
    let text = PathologicalShape.imageBlocks.article(bytes: 20_000)
    let article = try parseArticle(text)
    #expect(article.imageCount > 500)
    let counter = WorkCounter()
    let rendered = WorkCounter.$imageUnpacking.withValue(counter) {
      ArticleText.render(article, width: 80)
    }
    // Each image once (and perhaps one look past the last).
    #expect((article.imageCount...article.imageCount + 1).contains(counter.value))
    #expect(rendered.components(separatedBy: "[Image: ").count - 1 == article.imageCount)
  }

  /// A block of a million one-letter lines holds a million lines: each must stay small
  /// (its credit, when it is one, is kept apart).
  @Test func aSourceLineIsAStringAndAFewBytes() {
    #expect(MemoryLayout<SourceLine>.stride <= 24)
  }

  /// A long block takes room for its lines once, not grown by doubling as they come.
  @Test func aLongBlockTakesRoomForItsLinesOnce() {
    let blocks = SourceBlock.split(String(repeating: "a\n", count: 10_000) + "\n \nb\n")
    #expect(blocks.count == 2)
    #expect(blocks[0].lines.count == 10_000)
    #expect(blocks[0].lines.capacity < 10_100)
  }

  /// The parse holds a block and the few after it that the filter looks at, never the
  /// page: blocks wait only until enough lines and blocks follow them.
  @Test func blocksWaitForTheFilterOnlyUntilEnoughFollowThem() {
    var waiting = WaitingBlocks()
    var most = 0
    var taken: [Int] = []
    for number in 1...1_000 {
      var block = SourceBlock(lines: [SourceLine(text: "a", indented: false, number: number)])
      waiting.append(&block)
      most = max(most, waiting.count)
      while let (block, lookahead) = waiting.takeFirst(atEnd: false) {
        #expect(lookahead.nextLine?.number == block.lines[0].number + 1)
        #expect(lookahead.linesAfter > FurniturePhrases.longestSignature)
        taken.append(block.lines[0].number)
      }
    }
    #expect(most <= FurniturePhrases.longestSignature + 2)
    var last: StoryFilter.Lookahead?
    while let (block, lookahead) = waiting.takeFirst(atEnd: true) {
      taken.append(block.lines[0].number)
      last = lookahead
    }
    #expect(taken == Array(1...1_000))
    #expect(last?.nextLine == nil && last?.linesAfter == 0 && last?.blocksFromHere == 1)
  }

  /// The story filter keeps a block that loses no line as it is, sharing its lines,
  /// rather than copying it line by line.
  @Test func theStoryFilterSharesTheLinesOfABlockItKeepsWhole() {
    var block = SourceBlock.split(
      "Title\n\nFirst paragraph of the story, long enough to be one, and then a little more "
        + "than that so that no rule for short lines reads it.\n")[1]
    let before = block.lines.withUnsafeBufferPointer { $0.baseAddress }
    var filter = StoryFilter(trace: nil, tables: .builtIn)
    var kept: [SourceBlock] = []
    let lookahead = StoryFilter.Lookahead(nextLine: nil, linesAfter: 0, blocksFromHere: 1)
    filter.filter(&block, lookahead, into: &kept)
    #expect(kept.count == 1)
    #expect(kept.first?.lines.withUnsafeBufferPointer { $0.baseAddress } == before)
  }
}
