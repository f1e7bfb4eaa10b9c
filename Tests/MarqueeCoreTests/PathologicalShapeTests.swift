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
    // Each image once (and one look past the last).
    #expect(counter.value == article.imageCount + 1)
    #expect(rendered.components(separatedBy: "[Image: ").count - 1 == article.imageCount)
  }

  /// A page of a million one-line paragraphs holds a million lines: each must stay
  /// small (its credit, when it is one, is kept apart).
  @Test func aSourceLineIsAStringAndAFewWords() {
    #expect(MemoryLayout<SourceLine>.stride <= 40)
  }

  /// The story filter keeps a block that loses no line as it is, sharing its lines,
  /// rather than copying it line by line.
  @Test func theStoryFilterSharesTheLinesOfABlockItKeepsWhole() {
    var blocks = SourceBlock.split(
      "Title\n\nFirst paragraph of the story, long enough to be one.\n\nSecond paragraph.\n")
    blocks.removeFirst()
    let before = blocks.map { $0.lines.withUnsafeBufferPointer { $0.baseAddress } }
    var filter = StoryFilter(trace: nil)
    filter.filter(&blocks)
    let after = blocks.map { $0.lines.withUnsafeBufferPointer { $0.baseAddress } }
    #expect(blocks.count == 2)
    #expect(after == before)
  }
}
