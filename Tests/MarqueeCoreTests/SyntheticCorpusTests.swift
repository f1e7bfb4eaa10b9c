import Foundation
import MarqueeCore
import MarqueeTestSupport
import Testing

@testable import MarqueeSynthetic

/// The generated benchmark corpus: it must be reproducible, read by the parser exactly as
/// generated, about the size of real articles, and searchable with the benchmark queries.
/// Nothing here times anything: the benchmarks live in Benchmarks/, outside CI.
@Suite("Synthetic corpus")
struct SyntheticCorpusTests {
  @Test func sameSeedGivesSameTextInAnyOrder() {
    let corpus = SyntheticCorpus(seed: 42)
    let forwards = (0..<20).map { corpus.articleText($0) }
    let backwards = (0..<20).reversed().map { SyntheticCorpus(seed: 42).articleText($0) }
    #expect(forwards == Array(backwards.reversed()))
    #expect(Set(forwards).count == forwards.count)
    #expect(SyntheticCorpus(seed: 43).articleText(0) != forwards[0])
  }

  /// Pinned so that a change to the generator, which would make benchmark figures
  /// incomparable with earlier ones, is a deliberate one.
  @Test func generatorOutputIsPinned() {
    let corpus = SyntheticCorpus(seed: 1)
    #expect(
      corpus.article(0).title == "Renée Mendoza And Mara Montague Drops Producer In Fashion: Photos"
    )
    #expect((0..<100).reduce(0) { $0 + corpus.articleText($1).utf8.count } == 253_508)
  }

  @Test func generatedArticlesParseAsGenerated() throws {
    let corpus = SyntheticCorpus(seed: 7)
    var bytes = 0
    for index in 0..<200 {
      let expected = corpus.article(index)
      bytes += expected.text.utf8.count
      let article = try parseArticle(expected.text, path: "\(index).txt")
      #expect(!article.title.isEmpty && article.title == expected.title)
      #expect(!article.dek.isEmpty && article.dek == expected.dek)
      #expect(article.paragraphs.count >= 3)
      #expect(article.paragraphs == expected.paragraphs)
      try #require(article.images.count == 2, "article \(index)")
      #expect(
        article.images[0]
          == ArticleImage(
            label: expected.galleryLabel, caption: nil, credit: expected.galleryCredit,
            isGallery: true))
      #expect(
        article.images[1]
          == ArticleImage(
            label: expected.captionLabel, caption: expected.caption,
            credit: expected.captionCredit))
      // The captioned image stands where it was written, between paragraphs.
      let before = article.body.prefix { $0 != .image(1) }.filter { $0 != .image(0) }
      #expect(before.count == expected.paragraphsBeforeCaption)
    }
    let averageKB = Double(bytes) / 200 / 1000
    #expect(averageKB > 2 && averageKB < 3.5, "average \(averageKB) KB")
  }

  @Test func creditsAreAPoolThatCaptionsCanCarry() {
    let credits = SyntheticCorpus.credits
    #expect(credits.count == 200 && Set(credits).count == 200)
    #expect(credits.first == "Getty Images")
    #expect(credits.contains { $0.unicodeScalars.contains { !$0.isASCII } })
    for credit in credits {
      // What the parser accepts as a bare `(Credit)` after a caption.
      #expect(credit.count <= 40 && credit.split(separator: " ").count <= 5, "\(credit)")
      #expect(credit.first?.isUppercase == true, "\(credit)")
    }
  }

  /// The benchmark queries name these words by rank; a generator change that moves them
  /// must update the queries too.
  @Test func queryWordsSitAtTheirDocumentedRanks() {
    let words = Vocabulary.pseudoWords
    #expect(words.count == 50_000 && Set(words).count == 50_000)
    #expect(words[0] == "zubo" && words[1_000] == "wason" && words[5_000] == "porfol")
    #expect(words[20_000] == "shudonou" && words[49_999] == "shousbrousprioxfliond")
    #expect(!words.contains { $0.contains("q") })
  }

  @Test func benchmarkQueriesParseAndMostFindSomething() throws {
    let corpus = SyntheticCorpus(seed: 2024)
    let articles = try (0..<2_000).map { index in
      try parseArticle(corpus.articleText(index), path: "\(index).txt")
    }
    let index = SearchIndex(articles: articles)
    let queries = SyntheticCorpus.benchmarkQueries
    #expect(queries.count >= 35)
    var answered = 0
    for text in queries {
      let query = try SearchQuery(text)
      if !index.search(query).isEmpty { answered += 1 }
    }
    #expect(Double(answered) >= 0.8 * Double(queries.count), "\(answered) of \(queries.count)")
  }

  @Test func writesNumberedFoldersThatTheLoaderReads() throws {
    let folder = try TemporaryFolder()
    let corpus = SyntheticCorpus(seed: 3)
    try corpus.write(count: 250, to: folder.url, perFolder: 100)
    let folders = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(folders == ["d0000", "d0001", "d0002"])
    let (articles, report) = try ArticleLoader.load(paths: [folder.path])
    #expect(report.skipped.isEmpty && articles.count == 250)
    #expect(articles.last?.path == folder.path + "/d0002/0000249.txt")
    let text = try String(contentsOfFile: folder.path + "/d0001/0000100.txt", encoding: .utf8)
    #expect(text == corpus.articleText(100))
  }
}
