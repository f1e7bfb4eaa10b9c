/// Writes a first load's segments to the cache as they are made, each file mapped back
/// so that its articles' text and index are read in place from then on, and at the end
/// the manifest naming them: what `StreamedFirstLoad` and the reader's `ArticleStream`
/// do, so that neither holds a whole library until one write at the end.
///
/// The first file that cannot be written stops the writing: the load goes on in memory,
/// and `finish` says why once.
struct CacheWriter: Sendable {
  let cache: LibraryCache
  let roots: CacheRoots
  /// Whether a manifest names files that could not be used: a new one is written even
  /// when no file is, so that they are not named again.
  private let replacing: Bool
  private var written: [CacheManifest.Segment] = []
  /// Why writing stopped, if it did.
  private var problem: CacheError?

  init(cache: LibraryCache, roots: CacheRoots, replacing: Bool = false) {
    self.cache = cache
    self.roots = roots
    self.replacing = replacing
  }

  private var isWriting: Bool { problem == nil }

  /// Writes each part (consecutive articles, with their index segment when there is
  /// one) as a segment file, on all cores, and maps them back; nil when writing has
  /// stopped, now or before.
  mutating func write(_ parts: [(articles: ArraySlice<Article>, index: IndexSegment?)])
    -> [MappedSegment]?
  {
    guard isWriting else { return nil }
    let (cache, roots) = (cache, roots)
    let results = ParallelMap.map(count: parts.count) { number in
      Result { () throws(CacheError) in
        try cache.writeAndMap(parts[number].articles, index: parts[number].index, roots: roots)
      }
    }
    var files: [MappedSegment] = []
    var segments: [CacheManifest.Segment] = []
    for result in results {
      switch result {
      case .success(let (file, segment)):
        files.append(file)
        segments.append(segment)
      case .failure(let failure):
        problem = failure
        return nil
      }
    }
    written += segments
    return files
  }

  /// Names the files written in the manifest, in order; a line for each problem.
  func finish() -> [String] {
    if let problem { return ["cannot write the cache (\(problem)); going on without it"] }
    guard !written.isEmpty || replacing else { return [] }
    do {
      try cache.writeManifest(written)
      return []
    } catch {
      return ["cannot write the cache (\(error)); going on without it"]
    }
  }
}

extension SearchIndex.Batch {
  /// The articles and index segments of segment files, read in place, the first
  /// numbered `first`; `roots` spell the articles' paths (`CachedArticles`).
  init(files: [MappedSegment], first: Int, roots: [String]) {
    var segments: [IndexSegment] = []
    var next = first
    for file in files {
      if let segment = file.indexSegment(firstDocument: next) { segments.append(segment) }
      next += file.articleCount
    }
    self.init(
      articles: CachedArticles(files, roots: roots).all, first: first, segments: segments)
  }
}
