import Foundation
import Testing

@testable import MarqueeCore

/// The index is built in segments, in parallel, and grows while a corpus loads. These
/// tests check that none of that shows in the answers: a phrase or prefix found by the
/// index is exactly what a scan of the same tokens finds, and an index cut into tiny
/// segments, or built batch by batch, ranks exactly like one built whole.
@Suite("Segmented index")
struct SegmentedIndexTests {
  static let vocabulary =
    (0..<40).map { "w\($0)" } + ["Beyoncé", "Halsey’s", "gala", "galas", "gallery", "2022"]

  /// Small articles over a small vocabulary, so that phrases and prefixes recur.
  static func corpus(count: Int, seed: UInt64) -> [Article] {
    var generator = SeededGenerator(seed: seed)
    func words(_ count: Int) -> String {
      (0..<count).map { _ in
        let pick = Int(
          Double(vocabulary.count) * pow(Double.random(in: 0..<1, using: &generator), 2))
        return vocabulary[pick]
      }.joined(separator: " ")
    }
    return (0..<count).map { number in
      Article(
        path: String(format: "%04d.txt", number), title: words(3), dek: words(6),
        body: [.paragraph(words(25)), .image(0), .paragraph(words(15))],
        images: [ArticleImage(label: words(2), caption: words(4), credit: words(1))])
    }
  }

  /// Each field's pieces as token lists, as the index sees them.
  static func pieces(_ article: Article) -> [(SearchField, [String])] {
    SearchField.allCases.flatMap { field in
      var result: [(SearchField, [String])] = []
      IndexSegment.forEachPiece(of: article, in: field) {
        result.append((field, Tokenizer.tokens(String(decoding: $0, as: UTF8.self))))
      }
      return result
    }
  }

  static func queries(seed: UInt64) -> [String] {
    var generator = SeededGenerator(seed: seed)
    func word() -> String { vocabulary.randomElement(using: &generator)! }
    var queries = ["gal*", "w1*", "w2*", "title:w1*", "credit:w3", "caption:gala"]
    for _ in 0..<60 {
      queries += [
        word(), "\(word()) \(word())", "\"\(word()) \(word())\"", "\(word()) OR \(word())",
        "\(word()) -\(word())", "body:\"\(word()) \(word()) \(word())\"",
      ]
    }
    return queries
  }

  @Test func phrasesAndPrefixesMatchAScanAcrossSegments() throws {
    let articles = Self.corpus(count: 200, seed: 11)
    let index = SearchIndex(articles: articles, segmentSize: 9)
    let pieces = articles.map(Self.pieces)
    var generator = SeededGenerator(seed: 12)
    func stem(_ word: String) -> String { EnglishStemmer.stem(word) }
    for _ in 0..<150 {
      let first = Tokenizer.fold(Self.vocabulary.randomElement(using: &generator)!)
      let second = Tokenizer.fold(Self.vocabulary.randomElement(using: &generator)!)
      // A phrase finds its last word in any of its forms; `="…"` only as typed.
      let secondStem = stem(second)
      let expected = Set(
        articles.indices.filter { document in
          pieces[document].contains { (_, tokens: [String]) -> Bool in
            zip(tokens, tokens.dropFirst()).contains { (left: String, right: String) -> Bool in
              left == first && stem(right) == secondStem
            }
          }
        })
      let found = Set(index.search(try SearchQuery("\"\(first) \(second)\"")).map(\.id))
      #expect(found == expected, "\"\(first) \(second)\"")
      let exact = Set(
        articles.indices.filter { document in
          pieces[document].contains { _, tokens in
            zip(tokens, tokens.dropFirst()).contains { $0 == (first, second) }
          }
        })
      let foundExact = Set(index.search(try SearchQuery("=\"\(first) \(second)\"")).map(\.id))
      #expect(foundExact == exact, "=\"\(first) \(second)\"")
    }
    for stem in ["ga", "gal", "w1", "w3", "be", "20", "ha", "zz"] {
      let expected = Set(
        articles.indices.filter { document in
          pieces[document].contains { _, tokens in tokens.contains { $0.hasPrefix(stem) } }
        })
      let found = Set(index.search(try SearchQuery("\(stem)*")).map(\.id))
      #expect(found == expected, "\(stem)*")
    }
  }

  @Test func segmentsAndBatchesRankExactlyLikeOneWholeIndex() throws {
    let articles = Self.corpus(count: 150, seed: 21)
    let whole = SearchIndex(articles: articles, segmentSize: 10_000)
    let tiny = SearchIndex(articles: articles, segmentSize: 4)
    var grown = SearchIndex(articles: [], segmentSize: 16)
    var generator = SeededGenerator(seed: 22)
    var next = 0
    while next < articles.count {
      let batch = Int.random(in: 1...40, using: &generator)
      grown.append(Array(articles[next..<min(articles.count, next + batch)]))
      next += batch
    }
    #expect(grown.paths == articles.map(\.path))
    for text in Self.queries(seed: 23) {
      let query = try SearchQuery(text)
      let expected = whole.search(query)
      #expect(tiny.search(query) == expected, "\(text)")
      #expect(grown.search(query) == expected, "\(text)")
    }
  }

  @Test func equalScoresListInPathOrderWhateverTheInputOrder() throws {
    let names = ["d", "b", "e", "a", "c"]
    let articles = names.map { name in
      Article(path: "\(name).txt", title: "Same title", dek: "", body: [], images: [])
    }
    let index = SearchIndex(articles: articles, segmentSize: 2)
    let hits = index.search(try SearchQuery("same"))
    #expect(hits.map { index.paths[$0.id] } == names.sorted().map { "\($0).txt" })
    #expect(Set(hits.map(\.score)).count == 1)
  }

  @Test func aLimitKeepsTheBestHits() throws {
    let articles = Self.corpus(count: 120, seed: 31)
    let index = SearchIndex(articles: articles, segmentSize: 8)
    let query = try SearchQuery("w1 OR w2 OR gala")
    let all = index.search(query)
    #expect(all.count > 10)
    #expect(index.search(query, limit: 10) == Array(all.prefix(10)))
    #expect(zip(all, all.dropFirst()).allSatisfy { $0.score >= $1.score })
  }

  /// A limit small beside the matches keeps the best few in a heap rather than sorting
  /// them all; the total counts every match either way.
  @Test func aSmallLimitKeepsTheSameBestHitsAndCountsEveryMatch() throws {
    let articles = Self.corpus(count: 600, seed: 37)
    let index = SearchIndex(articles: articles, segmentSize: 64)
    let query = try SearchQuery("w1 OR w2 OR w3 OR gala")
    let all = index.search(query)
    try #require(all.count > 16 * 7, "the heap must be used for small limits")
    for limit in [1, 2, 3, 7, all.count / 16 + 1, all.count - 1, all.count, all.count + 5] {
      let results = index.results(for: query, limit: limit)
      #expect(results.hits == Array(all.prefix(limit)), "limit \(limit)")
      #expect(results.total == all.count, "limit \(limit)")
    }
    #expect(index.results(for: try SearchQuery("nosuchword"), limit: 3).total == 0)
  }

  @Test func topKeysAgreesWithSortingEverything() {
    var generator = SeededGenerator(seed: 43)
    for count in [0, 1, 9, 500, 6000] {
      let keys = (0..<count).map { _ in UInt64.random(in: 0..<1000, using: &generator) }
      for wanted in [0, 1, 2, 5, 31, count / 2, count] where wanted <= count {
        var kept = keys
        TopKeys.keepSmallest(wanted, of: &kept)
        #expect(kept == Array(keys.sorted().prefix(wanted)), "\(wanted) of \(count)")
      }
    }
  }

  @Test func radixSortAgreesWithSort() {
    var generator = SeededGenerator(seed: 41)
    for count in [0, 5, 5000, 20_000] {
      // Few distinct high digits, so some passes are skipped and some are not.
      var keys = (0..<count).map { _ in
        UInt64.random(in: 0..<8, using: &generator) << 48
          | UInt64.random(in: 0..<UInt64(UInt32.max), using: &generator)
      }
      let expected = keys.sorted()
      RadixSort.sort(&keys)
      #expect(keys == expected)
    }
  }

  @Test func phrasesMatchPastTheTwoBytePositionLimit() throws {
    // 70,000 tokens in one body: positions no longer fit in two bytes.
    let long = (0..<70_000).map { "w\($0 % 97)" }.joined(separator: " ") + " closing phrase here"
    let articles = [
      Article(path: "a.txt", title: "Short", dek: "", body: [.paragraph(long)], images: []),
      Article(
        path: "b.txt", title: "closing phrase", dek: "", body: [.paragraph("here")], images: []),
    ]
    for size in [1, 2] {
      let index = SearchIndex(articles: articles, segmentSize: size)
      let paths = { (text: String) in
        index.search(try SearchQuery(text)).map { index.paths[$0.id] }.sorted()
      }
      #expect(try paths("\"closing phrase here\"") == ["a.txt"])
      #expect(try paths("\"closing phrase\"") == ["a.txt", "b.txt"])
      #expect(try paths("\"w96 w0 w1\"") == ["a.txt"])
      #expect(try paths("\"w1 w0\"").isEmpty)
    }
  }

  @Test func aWordRepeatedPastTwoByteFrequenciesStillCountsAndChains() throws {
    let repeated = String(repeating: "echo ", count: 70_000) + "final word"
    let articles = [
      Article(path: "a.txt", title: "T", dek: "", body: [.paragraph(repeated)], images: []),
      Article(path: "b.txt", title: "echo", dek: "", body: [.paragraph("echo final")], images: []),
    ]
    let index = SearchIndex(articles: articles, segmentSize: 4)
    let paths = { (text: String) in
      index.search(try SearchQuery(text)).map { index.paths[$0.id] }.sorted()
    }
    #expect(try paths("\"echo final word\"") == ["a.txt"])
    #expect(try paths("\"echo echo echo\"") == ["a.txt"])
    #expect(try paths("\"echo final\"") == ["a.txt", "b.txt"])
    #expect(try paths("word") == ["a.txt"])
  }
}
