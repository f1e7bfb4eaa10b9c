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
/// the cache is not written (one note says why).
struct StreamedFirstLoad {
  private(set) var articles: [Article] = []
  private(set) var index: SearchIndex?
  /// Set once every file is read.
  private(set) var report = LoadReport()
  private(set) var notes: [String] = []

  /// Segments read, indexed and written together: as many as keep both cores busy
  /// indexing, few enough that the step's text stays a few tens of megabytes.
  static let segmentsPerStep = 4

  private let cache: LibraryCache
  private let roots: CacheRoots
  private let withIndex: Bool
  private let segmentSize: Int
  /// The segments written and mapped back, in order: every article before `held`.
  private var files: [MappedSegment] = []
  private var written: [CacheManifest.Segment] = []
  /// From the first file that could not be written on, the articles and index
  /// segments held in memory instead.
  private var held: [Article] = []
  private var heldSegments: [IndexSegment] = []
  private var writing = true

  init(
    tree: FileTree, options: LoadOptions, tables: ParserTables, roots: CacheRoots,
    cache: LibraryCache, withIndex: Bool, segmentSize: Int
  ) {
    self.cache = cache
    self.roots = roots
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

  /// Cuts `articles` (the next ones in order) into segments, indexes them and writes
  /// each to the cache on all cores, each mapped back once written.
  private mutating func take(_ articles: ArraySlice<Article>) {
    guard !articles.isEmpty else { return }
    let first = loadedCount
    let starts = Array(stride(from: articles.startIndex, to: articles.endIndex, by: segmentSize))
    // Copies for the workers; `writes` is whether this step writes (`writing` may turn
    // false while its results are looked at).
    let (cache, roots, withIndex, segmentSize, writes) = (
      cache, roots, withIndex, segmentSize, writing
    )
    let made = ParallelMap.map(count: starts.count) {
      number -> (IndexSegment?, Result<(MappedSegment, CacheManifest.Segment), CacheError>?) in
      let chunk = articles[starts[number]..<min(starts[number] + segmentSize, articles.endIndex)]
      let index =
        withIndex
        ? IndexSegment(
          articles: chunk, firstDocument: first + starts[number] - articles.startIndex) : nil
      guard writes else { return (index, nil) }
      let file = Result { () throws(CacheError) -> (MappedSegment, CacheManifest.Segment) in
        let segment = try cache.writeSegment(chunk, index: index, roots: roots)
        let file = try MappedSegment(
          path: cache.path(of: segment), rootCount: roots.canonical.count, checkingBody: false)
        guard file.checksum == segment.checksum else { throw .checksum }
        return (file, segment)
      }
      return (index, file)
    }
    MemoryTrim.returnFreePages()
    if writing {
      var mapped: [(MappedSegment, CacheManifest.Segment)] = []
      for (_, result) in made {
        switch result {
        case .success(let pair)?: mapped.append(pair)
        case .failure(let problem)?: stopWriting(problem)
        case nil: break
        }
      }
      if writing {
        files += mapped.map(\.0)
        written += mapped.map(\.1)
        return
      }
    }
    held += articles
    heldSegments += made.compactMap(\.0)
  }

  private mutating func stopWriting(_ problem: CacheError) {
    guard writing else { return }
    writing = false
    notes.append("cannot write the cache (\(problem)); going on without it")
  }

  /// Names the files written in a manifest, and makes the articles (those written read
  /// in place, made on all cores) and the index.
  private mutating func finish() {
    if writing && !written.isEmpty {
      do {
        try cache.writeManifest(written)
      } catch {
        notes.append("cannot write the cache (\(error)); going on without it")
      }
    }
    let cached = CachedArticles(files, roots: roots.display).all
    // Held articles are rare (a cache that could not be written): no copy without them.
    articles = held.isEmpty ? cached : cached + held
    guard withIndex else { return }
    var segments: [IndexSegment] = []
    var first = 0
    for file in files {
      if let segment = file.indexSegment(firstDocument: first) { segments.append(segment) }
      first += file.articleCount
    }
    var index = SearchIndex(articles: [])
    index.append(
      SearchIndex.Batch(articles: articles, first: 0, segments: segments + heldSegments))
    self.index = index
  }
}
