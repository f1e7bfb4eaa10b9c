/// The first load of a library whose cache is to be written: its files are read a few
/// segments at a time, and each segment, once read (and indexed, when the index is
/// asked for), is written to the cache and mapped back, its articles' text and its
/// index then read in place from the file, as a second start reads them.
///
/// Only those few segments are ever held in memory, not the library: the first start
/// at a million articles held every article's text and the whole index until the cache
/// was written at the end, and peaked at 1.69× the text. The segments come out as a load
/// that writes the cache at the end cuts them (`segmentSize` articles each, in path
/// order, the last one shorter), so their files are the same files.
///
/// When a file cannot be written, the load goes on in memory from that step on, and
/// the cache is not written (one note says why: `CacheWriter`).
struct StreamedFirstLoad {
  private(set) var articles: [Article] = []
  private(set) var index: SearchIndex?
  /// Set once every file is read.
  private(set) var report = LoadReport()
  private(set) var notes: [String] = []

  /// Segments read, indexed and written together: as many as keep both cores busy
  /// indexing, few enough that the step's text stays a few tens of megabytes.
  static let segmentsPerStep = 4

  private var writer: CacheWriter
  private let withIndex: Bool
  private let segmentSize: Int
  /// The segments written and mapped back, in order: every article before `held`.
  private var files: [MappedSegment] = []
  /// From the first file that could not be written on, the articles and index
  /// segments held in memory instead.
  private var held: [Article] = []
  private var heldSegments: [IndexSegment] = []

  init(
    tree: FileTree, options: LoadOptions, tables: ParserTables, writer: CacheWriter,
    withIndex: Bool, segmentSize: Int
  ) {
    self.writer = writer
    self.withIndex = withIndex
    self.segmentSize = segmentSize
    var collector = LoadCollector(tree: tree)
    let candidates = collector.candidates
    var pending: [Article] = []
    let step = segmentSize * Self.segmentsPerStep
    for start in stride(from: 0, to: candidates.count, by: ArticleLoader.batchSize) {
      let end = min(start + ArticleLoader.batchSize, candidates.count)
      pending += collector.read(
        candidates[start..<end], maxFileSize: options.maxFileSize, tables: tables)
      if pending.count >= step {
        let whole = pending.count / segmentSize * segmentSize
        take(pending[..<whole])
        pending.removeFirst(whole)
      }
    }
    take(pending[...])
    report = collector.report(loaded: loadedCount)
    finish()
  }

  /// Articles loaded so far, written or held.
  private var loadedCount: Int {
    files.reduce(0) { $0 + $1.articleCount } + held.count
  }

  /// Cuts `articles` (the next ones in order) into segments and indexes them on all
  /// cores, then writes them (`CacheWriter`), or holds them once writing has stopped.
  private mutating func take(_ articles: ArraySlice<Article>) {
    guard !articles.isEmpty else { return }
    let first = loadedCount
    let (withIndex, segmentSize) = (withIndex, segmentSize)
    let chunks = stride(from: articles.startIndex, to: articles.endIndex, by: segmentSize).map {
      articles[$0..<min($0 + segmentSize, articles.endIndex)]
    }
    let indexes = ParallelMap.map(count: chunks.count) { number in
      withIndex
        ? IndexSegment(
          articles: chunks[number],
          firstDocument: first + chunks[number].startIndex - articles.startIndex) : nil
    }
    MemoryTrim.returnFreePages()
    if let written = writer.write(Array(zip(chunks, indexes))) {
      files += written
    } else {
      held += articles
      heldSegments += indexes.compactMap { $0 }
    }
  }

  /// Names the files written in a manifest, and makes the articles (those written read
  /// in place, made on all cores) and the index.
  private mutating func finish() {
    notes = writer.finish()
    let mapped = SearchIndex.Batch(files: files, first: 0, roots: writer.roots.display)
    // Held articles are rare (a cache that could not be written): no copy without them.
    articles = held.isEmpty ? mapped.articles : mapped.articles + held
    guard withIndex else { return }
    var index = SearchIndex(articles: [])
    index.append(
      SearchIndex.Batch(articles: articles, first: 0, segments: mapped.segments + heldSegments))
    self.index = index
  }
}
