import Foundation
import Testing

@testable import MarqueeCore

/// Articles keep their text packed as bytes, shared by a load batch; every field must
/// come back exactly as given, whatever the mix of present, absent, empty and long
/// values, whether an article has its bytes to itself or shares them.
@Suite("Packed article fields")
struct PackedFieldsTests {
  @Test func everyFieldRoundTripsExactly() {
    var generator = SeededGenerator(seed: 77)
    let words = ["", " ", "Zoë", "月影", "Getty Images", "a\nb", "emoji 👩‍👩‍👧 here", "(x)"]
    func text() -> String {
      (0..<Int.random(in: 0...3, using: &generator)).map { _ in
        words.randomElement(using: &generator)!
      }.joined(separator: " ")
    }
    func maybe() -> String? { Bool.random(using: &generator) ? text() : nil }
    var made: [(Article, check: (Article) -> Void)] = []
    for number in 0..<300 {
      let images = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
        ArticleImage(
          label: maybe(), caption: maybe(), credit: maybe(),
          isGallery: Bool.random(using: &generator))
      }
      // Image references in any order, repeated or missing, as a test might build them.
      let body: [ArticleBlock] = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
        Bool.random(using: &generator)
          ? .paragraph(text()) : .image(Int.random(in: 0...70_000, using: &generator))
      }
      let related = (0..<Int.random(in: 0...2, using: &generator)).map { _ in text() }
      let sourceURL = maybe()
      let author = maybe()
      let date = maybe()
      // Every so often a title long enough that its length takes three bytes.
      let title = number % 50 == 7 ? String(repeating: "Zoë ", count: 5_000) : text()
      let dek = text()
      let article = Article(
        path: "p\(number).txt", sourceURL: sourceURL, author: author, date: date, title: title,
        dek: dek, body: body, images: images, relatedLinks: related)
      made.append((article, { article in check(article) }))
      func check(_ article: Article) {
        #expect(article.sourceURL == sourceURL)
        #expect(article.author == author)
        #expect(article.date == date)
        #expect(article.title == title)
        #expect(article.dek == dek)
        #expect(article.body == body)
        #expect(article.images == images)
        #expect(article.imageCount == images.count)
        #expect(article.relatedLinks == related)
        // The body read a part at a time, images with it (a missing one left out).
        var reader = article.bodyReader()
        var read: [BodyReader.Block] = []
        while !reader.isAtEnd { read += reader.next(bytes: 1 + number % 7) }
        #expect(reader.percentRead == 100)
        #expect(
          read
            == body.compactMap { block -> BodyReader.Block? in
              switch block {
              case .paragraph(let text): .paragraph(text)
              case .image(let index):
                images.indices.contains(index) ? .image(index, images[index]) : nil
              }
            })
        #expect(
          article.paragraphs
            == body.compactMap {
              if case .paragraph(let text) = $0 { return text }
              return nil
            })
      }
    }
    let articles = made.map(\.0)
    let shared = Article.sharingStorage(articles)
    #expect(shared == articles)
    #expect(shared.map(\.hashValue) == articles.map(\.hashValue))
    for ((article, check), sharing) in zip(made, shared) {
      check(article)
      check(sharing)
    }
  }

  @Test func equalFieldsMakeEqualArticlesAndDifferentOnesDiffer() {
    func make(caption: String?) -> Article {
      Article(
        path: "p.txt", title: "T", dek: "D", body: [.paragraph("P"), .image(0)],
        images: [ArticleImage(label: "L", caption: caption, credit: "C")])
    }
    #expect(make(caption: "x") == make(caption: "x"))
    #expect(make(caption: nil) != make(caption: ""))
    #expect(make(caption: "x") != make(caption: "y"))
  }
}
