import Testing

@testable import MarqueeCore

/// "Did you mean": the nearest indexed word for each word no article has in any form.
@Suite("Suggestions")
struct SuggestionTests {
  private let index = SearchIndex(articles: [
    Article(
      path: "a.txt", title: "Oscar night at the gala", dek: "", body: [.paragraph("Beyoncé sang.")],
      images: []),
    Article(
      path: "b.txt", title: "Oscars party", dek: "", body: [.paragraph("Oscar winners.")],
      images: []),
    Article(
      path: "c.txt", title: "Osaka premiere", dek: "", body: [.paragraph("A red carpet.")],
      images: []),
  ])

  private func suggestion(_ text: String) throws -> String? {
    index.suggestion(for: try SearchQuery(text))
  }

  @Test func aMisspeltWordIsCorrectedInPlace() throws {
    #expect(try suggestion("oscr") == "oscar")
    #expect(try suggestion("beyonse") == "beyonce", "accents folded")
    #expect(try suggestion("title:premeire") == "title:premiere", "a swap is one edit")
    #expect(try suggestion("gala oscr") == "gala oscar", "known words stay")
    #expect(try suggestion("\"red carpte\"") == "\"red carpet\"")
    #expect(try suggestion("gal*") == nil, "a prefix that begins words is known")
    #expect(try suggestion("oscr*") == "oscar*", "one that begins none is not")
  }

  @Test func knownWordsAndFarOnesGetNothing() throws {
    #expect(try suggestion("oscar") == nil)
    #expect(try suggestion("oscars") == nil)
    #expect(try suggestion("zebra") == nil)
    #expect(try suggestion("osca") == "oscar", "four letters: one edit")
    #expect(try suggestion("oca") == nil, "three letters, two edits away")
    #expect(try suggestion("xscar") == nil, "the first letter is kept")
  }

  /// Of two words as close, the one more articles have.
  @Test func tiesGoToTheMoreFrequentWord() throws {
    let tied = SearchIndex(articles: [
      Article(path: "1.txt", title: "cast", dek: "", body: [], images: []),
      Article(path: "2.txt", title: "cart", dek: "", body: [], images: []),
      Article(path: "3.txt", title: "cart", dek: "", body: [], images: []),
    ])
    #expect(tied.suggestion(for: try SearchQuery("carst")) == "cart")
  }

  @Test(arguments: [
    ("oscar", "oscar", 0), ("oscr", "oscar", 1), ("oscar", "osacr", 1), ("kitten", "sitting", nil),
    ("abc", "", nil), ("ab", "ba", 1), ("premeire", "premiere", 1), ("gala", "galas", 1),
  ])
  func editDistanceCountsSwapsAsOne(a: String, b: String, expected: Int?) {
    let distance = Array(a.utf8).withUnsafeBufferPointer {
      EditDistance.between($0, Array(b.utf8), atMost: 2)
    }
    #expect(distance == expected)
  }
}
