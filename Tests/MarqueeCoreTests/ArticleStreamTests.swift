import Foundation
import MarqueeTestSupport
import Testing

@testable import MarqueeCore

/// The reader's background loader must end with exactly what the CLI's one-shot load
/// gives: the same articles in the same order, the same skips, the same index.
@Suite("Loading in the background")
struct ArticleStreamTests {
  /// Runs a stream to its end and collects its events.
  private func drain(_ stream: ArticleStream) -> [ArticleStream.Event] {
    stream.start()
    var events: [ArticleStream.Event] = []
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline {
      events += stream.take()
      // A note about the cache may follow the end at once.
      for event in events {
        switch event {
        case .finished, .failed: return events
        default: continue
        }
      }
      Thread.sleep(forTimeInterval: 0.005)
    }
    Issue.record("the stream did not finish within a minute")
    return events
  }

  /// `count` small numbered articles spread over `folders` folders under `prefix`.
  private func writeArticles(
    _ count: Int, in folder: TemporaryFolder, under prefix: String, folders: Int
  ) throws {
    for number in 0..<count {
      try folder.write(
        "Title number \(number)\n\nA standfirst for \(number).\n\nBody text \(number) here.\n",
        to: "\(prefix)d\(number % folders)/\(number).txt")
    }
  }

  @Test func batchesAddUpToTheOneShotLoad() throws {
    let folder = try TemporaryFolder()
    try writeArticles(700, in: folder, under: "", folders: 7)
    try folder.write("", to: "d1/empty.txt")
    try folder.write("a\u{0}b", to: "d2/binary.txt")
    // Files reached twice load once, under the same path both ways.
    try #require(link(folder.path + "/d3/3.txt", folder.path + "/d0/linked.txt") == 0)
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/d6/symlink.txt", withDestinationPath: folder.path + "/d4/4.txt")
    let (expected, report) = try ArticleLoader.load(paths: [folder.path])
    let events = drain(ArticleStream(paths: [folder.path]))

    guard case .found(let files)? = events.first else {
      Issue.record(
        "the first event should count the files: \(events.first.map { "\($0)" } ?? "none")")
      return
    }
    #expect(files == 704, "candidates, duplicates included")
    var store = ArticleStore()
    var index = SearchIndex(articles: [])
    var batches = 0
    var lastRead = 0
    for case .batch(let batch, let filesRead) in events {
      store.append(contentsOf: batch.articles)
      index.append(batch)
      batches += 1
      #expect(filesRead > lastRead)
      lastRead = filesRead
    }
    #expect(batches > 1, "a 700-file corpus should arrive in several batches")
    #expect(lastRead == 704)
    #expect(store.articles.map(\.path) == expected.map(\.path))
    #expect(index.paths == expected.map(\.path))
    guard case .finished(let streamed)? = events.last else {
      Issue.record("the stream should end with a report")
      return
    }
    #expect(streamed == report)
    #expect(store.articles == expected)
    let whole = SearchIndex(articles: expected)
    for text in ["title", "number 42", "\"body text 699\"", "standfirst -title"] {
      let query = try SearchQuery(text)
      #expect(index.search(query) == whole.search(query), "\(text)")
    }
  }

  @Test func aMissingPathFailsBeforeAndDuringLoading() throws {
    let folder = try TemporaryFolder()
    let missing = folder.path + "/nowhere"
    #expect(throws: LoadError.missingPath(missing)) {
      try ArticleStream.checkPaths([folder.path, missing])
    }
    let events = drain(ArticleStream(paths: [missing]))
    guard case .failed(let error)? = events.last else {
      Issue.record("expected a failure, got \(events)")
      return
    }
    #expect(error == .missingPath(missing))
  }

  /// The first start reads file by file and then keeps the articles and the index in the
  /// cache; the next arrives in one batch from it, the same articles and answers, and
  /// sees a file edited in between.
  @Test func theNextStartComesFromTheCacheInOneBatch() throws {
    let folder = try TemporaryFolder()
    try writeArticles(600, in: folder, under: "articles/", folders: 6)
    let paths = [folder.path + "/articles"]
    let cache = folder.path + "/cache"
    func articles(_ events: [ArticleStream.Event]) -> (Int, ArticleStore, SearchIndex) {
      var store = ArticleStore()
      var index = SearchIndex(articles: [])
      var batches = 0
      for case .batch(let batch, _) in events {
        store.append(contentsOf: batch.articles)
        index.append(batch)
        batches += 1
      }
      return (batches, store, index)
    }
    let (firstBatches, firstStore, firstIndex) = articles(
      drain(ArticleStream(paths: paths, cacheFolder: cache)))
    #expect(firstBatches > 1)
    // Each batch was written to the cache as it was made, and read back in place.
    #expect(firstStore.articles == (try ArticleStore.load(paths: paths)).articles)
    #expect(firstStore.articles.allSatisfy { $0.packedFields.heapBytes == 0 })
    #expect(firstIndex.storageBytes == 0)
    // The manifest is written after the last batch, on the stream's thread.
    let deadline = Date().addingTimeInterval(30)
    while !CachedLibrary.isCached(paths: paths, options: LoadOptions(), cacheFolder: cache),
      Date() < deadline
    {
      Thread.sleep(forTimeInterval: 0.01)
    }
    try folder.write("Title rewritten\n\nA zeppelin now.\n", to: "articles/d1/7.txt")
    let events = drain(ArticleStream(paths: paths, cacheFolder: cache))
    let (batches, store, index) = articles(events)
    #expect(batches == 1)
    let expected = try ArticleStore.load(paths: paths)
    #expect(store.articles == expected.articles)
    #expect(store.articles != firstStore.articles, "the edited file was read again")
    let whole = SearchIndex(articles: expected.articles)
    for text in ["title", "zeppelin", "\"body text 599\"", "standfirst -title"] {
      let query = try SearchQuery(text)
      #expect(index.search(query) == whole.search(query), "\(text)")
    }
    #expect(index.storageBytes < whole.storageBytes / 2, "most of the index is read in place")
  }

  /// A cache that cannot be written: every batch still arrives, held in memory, and one
  /// note says why once the last is in.
  @Test func aCacheThatCannotBeWrittenLeavesTheArticlesInMemory() throws {
    let folder = try TemporaryFolder()
    try writeArticles(600, in: folder, under: "articles/", folders: 6)
    let blocked = try folder.write("a file where the cache folder would go", to: "blocked")
    let paths = [folder.path + "/articles"]
    let stream = ArticleStream(paths: paths, cacheFolder: blocked + "/cache")
    var events = drain(stream)
    func notes() -> [String] {
      events.compactMap { event in
        if case .note(let note) = event { note } else { nil }
      }
    }
    let deadline = Date().addingTimeInterval(30)
    while notes().isEmpty && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.01)
      events += stream.take()
    }
    var store = ArticleStore()
    for case .batch(let batch, _) in events { store.append(contentsOf: batch.articles) }
    #expect(store.articles == (try ArticleStore.load(paths: paths)).articles)
    #expect(notes().count == 1)
    #expect(notes().first?.contains("cannot write the cache") == true)
  }
}
