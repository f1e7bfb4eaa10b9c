import MarqueeCore
import MarqueeSynthetic
import Testing

@testable import MarqueeUI

/// Shapes an outside probe found slow: the layout must do its work once per article,
/// not once per image. Work is counted, not timed.
@Suite("Pathological shapes in the reader's layout")
struct PathologicalShapeLayoutTests {
  @Test func anArticleOfManyImagesUnpacksItsImagesOnce() throws {
    let text = PathologicalShape.imageBlocks.article(bytes: 20_000)
    let article = try ArticleParser.parse(text: text, path: "images.txt").get()
    #expect(article.imageCount > 500)
    let counter = WorkCounter()
    let document = WorkCounter.$imageUnpacking.withValue(counter) {
      DetailDocument(article: article, width: 60)
    }
    // Each image once, read as the body reaches it.
    #expect(counter.value == article.imageCount)
    #expect(document.imageLines.count == article.imageCount)
  }
}
