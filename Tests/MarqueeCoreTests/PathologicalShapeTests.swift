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
    #expect(counter.value == 1)
    #expect(rendered.components(separatedBy: "[Image: ").count - 1 == article.imageCount)
  }
}
