import Foundation
import MarqueeSynthetic
import MarqueeTestSupport
import Testing

@testable import MarqueeCore

/// Loading through the cache gives what a fresh load gives, every time: after the first
/// run writes it, with files changed, added and deleted since, with a cache file
/// damaged, and with two processes writing it at once.
@Suite("Loading through the cache")
struct CachedLoadTests {
  private static let queries = [
    "premiere", "zubo", "\"red carpet\"", "kl*", "oscar OR grammy", "premiere -sequel",
    "credit:\"getty images\"", "title:album", "fans",
  ]

  /// A corpus and a cache folder beside it.
  private func corpus(_ count: Int) throws -> (TemporaryFolder, String, String) {
    let folder = try TemporaryFolder()
    let articles = try folder.makeFolder("articles")
    try SyntheticCorpus(seed: 11).write(
      count: count, to: URL(fileURLWithPath: articles), perFolder: 7)
    return (folder, articles, folder.path("cache"))
  }

  private func load(_ path: String, cache: String?) throws -> CachedLibrary {
    try CachedLibrary.load(
      paths: [path], options: LoadOptions(), cacheFolder: cache, withIndex: true,
      segmentSize: 16)
  }

  /// What a fresh load of `path` says to every query, by path and score.
  private func expectSameAnswers(_ library: CachedLibrary, as path: String) throws {
    let store = try ArticleStore.load(paths: [path])
    let fresh = SearchIndex(articles: store.articles)
    #expect(library.store.articles == store.articles)
    #expect(library.store.report == store.report)
    let index = try #require(library.index)
    for text in Self.queries {
      let query = try SearchQuery(text)
      let cached = index.results(for: query, limit: nil)
      let expected = fresh.results(for: query, limit: nil)
      #expect(cached.total == expected.total, "\(text)")
      #expect(
        cached.hits.map { library.store[$0.id].path } == expected.hits.map { store[$0.id].path },
        "\(text)")
      #expect(cached.hits.map(\.score) == expected.hits.map(\.score), "\(text)")
    }
  }

  @Test func theSecondLoadReadsNoFileAndAnswersAsAFreshOne() throws {
    let (folder, articles, cache) = try corpus(70)
    defer { withExtendedLifetime(folder) {} }
    let first = try load(articles, cache: cache)
    #expect(first.parsed == 70)
    #expect(first.reused == 0)
    #expect(first.notes.isEmpty)
    let second = try load(articles, cache: cache)
    #expect(second.parsed == 0)
    #expect(second.reused == 70)
    #expect(second.notes.isEmpty)
    #expect(second.index!.storageBytes == 0, "the index is read in place")
    try expectSameAnswers(second, as: articles)
  }

  @Test func changedNewAndDeletedFilesAreReadAgainAndNothingElse() throws {
    let (folder, articles, cache) = try corpus(70)
    defer { withExtendedLifetime(folder) {} }
    _ = try load(articles, cache: cache)
    let names = try FileManager.default.subpathsOfDirectory(atPath: articles)
      .filter { $0.hasSuffix(".txt") }.sorted()
    let edited = articles + "/" + names[20]
    try "A Premiere Rewritten\n\nThe red carpet moved to the album launch.\n".write(
      toFile: edited, atomically: false, encoding: .utf8)
    try FileManager.default.removeItem(atPath: articles + "/" + names[40])
    _ = try folder.write(
      "Zubo Arrives Late\n\nA new article about the premiere and its fans.\n",
      to: "articles/" + names[5].replacingOccurrences(of: ".txt", with: "-late.txt"))
    let second = try load(articles, cache: cache)
    #expect(second.parsed == 2)
    #expect(second.reused == 68)
    try expectSameAnswers(second, as: articles)
    let third = try load(articles, cache: cache)
    #expect(third.parsed == 0, "the cache was brought up to date")
    try expectSameAnswers(third, as: articles)
  }

  /// A file reached twice (a hard link, a symbolic link) loads once, from the cache as
  /// from the files, and is counted once.
  @Test func aFileReachedTwiceLoadsOnceFromTheCacheToo() throws {
    let (folder, articles, cache) = try corpus(30)
    defer { withExtendedLifetime(folder) {} }
    let names = try FileManager.default.subpathsOfDirectory(atPath: articles)
      .filter { $0.hasSuffix(".txt") }.sorted()
    try #require(link(articles + "/" + names[3], articles + "/" + names[0] + ".hard.txt") == 0)
    try FileManager.default.createSymbolicLink(
      atPath: articles + "/zz-symbolic.txt", withDestinationPath: articles + "/" + names[7])
    let first = try load(articles, cache: cache)
    try expectSameAnswers(first, as: articles)
    let second = try load(articles, cache: cache)
    #expect(second.store.count == 30)
    try expectSameAnswers(second, as: articles)
    // Links made since to files the cache holds, one at a path after the file's and one
    // before it: each file loads under its first path, as from the files.
    try #require(link(articles + "/" + names[4], articles + "/" + names[20] + ".late.txt") == 0)
    let third = try load(articles, cache: cache)
    #expect(third.parsed == 0)
    #expect(third.store.count == 30)
    try expectSameAnswers(third, as: articles)
    try #require(link(articles + "/" + names[10], articles + "/" + names[1] + ".early.txt") == 0)
    let fourth = try load(articles, cache: cache)
    #expect(fourth.parsed == 1)
    #expect(fourth.store.count == 30)
    try expectSameAnswers(fourth, as: articles)
  }

  @Test func aDamagedCacheFileIsSaidOnceAndItsFilesReadAgain() throws {
    let (folder, articles, cache) = try corpus(48)
    defer { withExtendedLifetime(folder) {} }
    _ = try load(articles, cache: cache)
    let library = try #require(
      try FileManager.default.contentsOfDirectory(atPath: cache).first)
    let segments = try FileManager.default.contentsOfDirectory(atPath: cache + "/" + library)
      .filter { $0.hasSuffix(".seg") }.sorted()
    #expect(segments.count == 3, "48 articles in segments of 16 (any one damaged holds 16)")
    let damaged = cache + "/" + library + "/" + segments[1]
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: damaged)))
    bytes[bytes.count / 2] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: damaged))
    let second = try load(articles, cache: cache)
    #expect(second.notes.count == 1)
    #expect(second.notes.first?.contains("damaged") == true)
    #expect(second.parsed == 16)
    try expectSameAnswers(second, as: articles)
    let third = try load(articles, cache: cache)
    #expect(third.notes.isEmpty)
    #expect(third.parsed == 0)
  }

  @Test func aDamagedManifestRebuildsTheCache() throws {
    let (folder, articles, cache) = try corpus(20)
    defer { withExtendedLifetime(folder) {} }
    _ = try load(articles, cache: cache)
    let library = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first)
    let manifest = cache + "/" + library + "/manifest"
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: manifest)))
    try Data(bytes.dropLast(3)).write(to: URL(fileURLWithPath: manifest))
    let second = try load(articles, cache: cache)
    #expect(second.notes.count == 1)
    #expect(second.parsed == 20)
    try expectSameAnswers(second, as: articles)
    #expect(try load(articles, cache: cache).parsed == 0)
  }

  /// Two loads writing the same cache at once each leave a whole cache behind: the next
  /// load reads no file and answers as a fresh one.
  @Test func twoWritersAtOnceLeaveOneGoodCache() throws {
    let (folder, articles, cache) = try corpus(60)
    defer { withExtendedLifetime(folder) {} }
    let results = ParallelMap.map(count: 2) { _ in
      Result {
        try CachedLibrary.load(
          paths: [articles], options: LoadOptions(), cacheFolder: cache, withIndex: true,
          segmentSize: 16)
      }
    }
    for result in results { #expect(try result.get().notes.isEmpty) }
    let after = try load(articles, cache: cache)
    #expect(after.parsed == 0)
    #expect(after.notes.isEmpty)
    try expectSameAnswers(after, as: articles)
  }

  /// A file name that is not UTF-8 (a Latin-1 one, from an old archive) is spelt the
  /// same from the cache as from the folder, and is matched with its file again.
  @Test func aNameThatIsNotUTF8ComesBackSpeltAsTheLoaderSpellsIt() throws {
    let (folder, articles, cache) = try corpus(12)
    defer { withExtendedLifetime(folder) {} }
    let name =
      Array((articles + "/caf").utf8CString.dropLast()) + [CChar(bitPattern: 0xE9)]
      + Array(".txt".utf8CString)
    let descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    try #require(descriptor >= 0)
    let text = Array("Caf\u{e9} Premiere\n\nThe premiere drew fans to the album launch.\n".utf8)
    try #require(write(descriptor, text, text.count) == text.count)
    close(descriptor)
    let first = try load(articles, cache: cache)
    #expect(first.store.articles.contains { $0.path.hasSuffix(#"caf\xE9.txt"#) })
    let second = try load(articles, cache: cache)
    #expect(second.parsed == 0)
    #expect(second.reused == 13)
    try expectSameAnswers(second, as: articles)
  }

  @Test func anotherSpellingOfTheSamePathUsesTheSameCache() throws {
    let (folder, articles, cache) = try corpus(20)
    defer { withExtendedLifetime(folder) {} }
    _ = try load(articles, cache: cache)
    let other = folder.path + "/./articles/"
    let again = try load(other, cache: cache)
    #expect(again.parsed == 0)
    try expectSameAnswers(again, as: other)
  }

  /// The first load writes each segment as soon as it is read and indexed, and reads it
  /// back in place: no article's text and no index is left on the heap, and the files
  /// are those a load writing them all at the end makes.
  @Test func theFirstLoadWritesAsItReadsAndHoldsNeitherTextNorIndex() throws {
    let (folder, articles, cache) = try corpus(70)
    defer { withExtendedLifetime(folder) {} }
    _ = try folder.write("", to: "articles/empty.txt")
    let first = try load(articles, cache: cache)
    #expect(first.notes.isEmpty)
    #expect(first.parsed == 70)
    #expect(first.store.report.skipped.count == 1)
    #expect(first.index!.storageBytes == 0, "the index is read in place")
    #expect(first.store.articles.allSatisfy { $0.packedFields.heapBytes == 0 })
    try expectSameAnswers(first, as: articles)

    let store = try ArticleStore.load(paths: [articles])
    let atTheEnd = folder.path("at-the-end")
    let roots = try #require(CacheRoots([articles]))
    let parts = SearchIndex(articles: store.articles, segmentSize: 16).segments.map { segment in
      LibraryCache.Part.new(
        store.articles[segment.firstDocument..<(segment.firstDocument + segment.documentCount)],
        segment)
    }
    try LibraryCache(cacheFolder: atTheEnd, roots: roots.canonical, options: LoadOptions())
      .write(parts, roots: roots)
    let segmentFiles = { (cache: String) throws -> [String] in
      let library = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first)
      return try FileManager.default.contentsOfDirectory(atPath: cache + "/" + library)
        .filter { $0.hasSuffix(".seg") }.sorted()
    }
    #expect(try segmentFiles(cache).count == 5, "70 articles in segments of 16")
    #expect(try segmentFiles(cache) == segmentFiles(atTheEnd))
  }

  /// A cache that cannot be written (its folder cannot be made) is said once, and the
  /// load goes on in memory with the same answers, the articles read after the first
  /// write failed included.
  @Test func aCacheThatCannotBeWrittenIsSaidAndTheLoadGoesOn() throws {
    // 70: a first step of four segments of 16, and the rest after it.
    let (folder, articles, _) = try corpus(70)
    defer { withExtendedLifetime(folder) {} }
    let blocked = try folder.write("a file where the cache folder would go", to: "blocked")
    for _ in 0..<2 {
      let library = try load(articles, cache: blocked + "/cache")
      // (The manifest cannot be read either, which is said first.)
      #expect(library.notes.filter { $0.contains("cannot write the cache") }.count == 1)
      #expect(library.parsed == 70)
      try expectSameAnswers(library, as: articles)
    }
  }
}
