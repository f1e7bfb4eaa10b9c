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

  /// Against a scan of every word: a suggestion is always a word of the articles, as
  /// close as any word that begins with the same letter, and within the limit; and
  /// there is one whenever such a word exists.
  @Test func suggestionsAreAsCloseAsAnyIndexedWord() throws {
    var random = SeededGenerator(seed: 31)
    let letters = Array("abcdefgh")
    func word() -> String {
      String(
        (0..<Int.random(in: 3...7, using: &random)).map { _ in
          letters.randomElement(using: &random)!
        })
    }
    let vocabulary = (0..<60).map { _ in word() }
    let articles = (0..<40).map { number in
      Article(
        path: "\(number).txt",
        title: (0..<5).map { _ in vocabulary.randomElement(using: &random)! }
          .joined(separator: " "), dek: "", body: [], images: [])
    }
    let index = SearchIndex(articles: articles)
    let known = Set(articles.flatMap { Tokenizer.tokens($0.title) })
    func distance(_ a: String, _ b: String) -> Int? {
      Array(a.utf8).withUnsafeBufferPointer { EditDistance.between($0, Array(b.utf8), atMost: 2) }
    }
    var (some, none) = (0, 0)
    for _ in 0..<200 {
      let typed = word()
      let query = try SearchQuery("=" + typed)
      guard !known.contains(where: { EnglishStemmer.stem($0) == EnglishStemmer.stem(typed) })
      else { continue }
      let limit = typed.count <= 4 ? 1 : 2
      let candidates = known.filter { $0.first == typed.first }.compactMap { term in
        distance(term, typed).flatMap { $0 <= limit ? $0 : nil }
      }
      let suggestion = index.suggestion(for: query)
      #expect((suggestion != nil) == !candidates.isEmpty, "\(typed)")
      guard let suggestion else {
        none += 1
        continue
      }
      some += 1
      let word = String(suggestion.dropFirst())
      #expect(known.contains(word), "\(typed) → \(word)")
      #expect(distance(word, typed) == candidates.min(), "\(typed) → \(word)")
    }
    #expect(some > 20 && none > 20, "both kinds were tried: \(some) with, \(none) without")
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
