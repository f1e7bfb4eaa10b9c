import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Brings a library's cached segments up to date with its files: walks the paths as the
/// loader does, keeps each cached article whose file looks the same (size, time,
/// identity), reads the rest, and regroups: a segment none of whose files changed stays
/// as it is, mapped; one with a changed, new or deleted file is made again (split when it
/// grows past the segment size), in path order, so the articles come out as a fresh load
/// gives them.
struct CacheRefresh {
  /// A run of consecutive articles (`articles[range]`): a cached segment kept as is, or
  /// one made now.
  private enum Group {
    case kept(MappedSegment, Range<Int>)
    /// Made now. `reusing` is the cached segment most of its articles come from, and
    /// where each article is in it (nil: read now): its index is made from the old one's
    /// postings, with only the articles read now tokenized.
    case made(Range<Int>, reusing: (MappedSegment, [Int?])?)

    var range: Range<Int> {
      switch self {
      case .kept(_, let range), .made(let range, _): range
      }
    }
  }

  private var groups: [Group] = []
  private(set) var report: LoadReport
  private(set) var reused = 0
  private(set) var parsed = 0
  /// Every article, in order: the groups' runs, one array (a million articles are not
  /// held twice).
  private(set) var articles: [Article] = []
  private(set) var index = SearchIndex(articles: [])
  private var indexSegments: [IndexSegment?] = []
  private let roots: CacheRoots
  /// Whether anything differs from what the cache holds.
  private(set) var changed = false

  /// Articles in a segment made now at most.
  private let segmentSize: Int

  /// Compares `tree` (the paths walked, its files stamped when there are cached articles
  /// to compare with: `FileTree.stamping`) with the cached segments' articles (`cached`, in order).
  /// There is at least one segment: a load with none it can use is a `StreamedFirstLoad`.
  init(
    tree: FileTree, options: LoadOptions, tables: ParserTables, roots: CacheRoots,
    segments: [MappedSegment], cached: CachedArticles,
    segmentSize: Int = SearchIndex.defaultSegmentSize
  ) {
    precondition(!segments.isEmpty, "a refresh of a cache with segments")
    self.roots = roots
    self.segmentSize = segmentSize
    var places = CachedPlaces(cached)
    var keep = (0..<cached.segmentCount).map {
      [Bool](repeating: false, count: cached.count(of: $0))
    }
    var toRead: [FileCandidate] = []
    let candidates = tree.candidates
    let found = candidates.map { places.place(of: $0.displayPath) }
    for (number, candidate) in candidates.enumerated() {
      if let (segment, position) = found[number], !keep[segment][position],
        let stamp = candidate.stamp, stamp == cached[segment, position].stamp
      {
        keep[segment][position] = true
      } else {
        toRead.append(candidate)
      }
    }
    let loaded = Self.sharedFiles(candidates, found, keep: &keep, toRead: &toRead)
    var collector = LoadCollector(tree: tree, reading: toRead, loaded: loaded)
    var fresh: [Article] = []
    for start in stride(from: 0, to: collector.candidates.count, by: ArticleLoader.batchSize) {
      let end = min(start + ArticleLoader.batchSize, collector.candidates.count)
      fresh += collector.read(
        collector.candidates[start..<end], maxFileSize: options.maxFileSize, tables: tables)
    }
    parsed = fresh.count
    // Each new article joins the group whose first path comes before its own.
    let firsts = (0..<cached.segmentCount).map { segment in
      cached.count(of: segment) > 0 ? cached[segment, 0].path : ""
    }
    var joining = [[Article]](repeating: [], count: segments.count)
    for article in fresh {
      var low = 0
      var high = firsts.count
      while low < high {
        let middle = (low + high) / 2
        if firsts[middle] <= article.path { low = middle + 1 } else { high = middle }
      }
      joining[max(0, low - 1)].append(article)
    }
    let keptWhole = segments.indices.map { segment in
      keep[segment].allSatisfy { $0 } && joining[segment].isEmpty
        && cached.count(of: segment) == segments[segment].articleCount
    }
    // With no segment changed (a start like most), the cached articles are taken whole.
    let allKept = !keptWhole.contains(false)
    if allKept { articles = cached.all }
    for (segment, file) in segments.enumerated() {
      let start = allKept ? cached.range(of: segment).lowerBound : articles.count
      if keptWhole[segment] {
        if !allKept { articles += cached.all[cached.range(of: segment)] }
        reused += cached.count(of: segment)
        groups.append(.kept(file, start..<(start + cached.count(of: segment))))
        continue
      }
      changed = true
      // The articles kept, each with its place in the cached segment, and the new ones.
      var run: [(article: Article, origin: Int?)] =
        keep[segment].indices.filter { keep[segment][$0] }.map { (cached[segment, $0], $0) }
      reused += run.count
      run += joining[segment].map { ($0, nil) }
      run.sort { $0.article.path < $1.article.path }
      articles += run.map(\.article)
      for range in Self.chunks(start..<articles.count, segmentSize) {
        let origins = run[(range.lowerBound - start)..<(range.upperBound - start)].map(\.origin)
        groups.append(.made(range, reusing: (file, origins)))
      }
    }
    report = collector.report(loaded: articles.count)
  }

  /// Files to read that are files the cache holds, met under another path (a new link):
  /// one file loads once, under the first of its paths, as in a fresh load. A file the
  /// cache holds under a later path is read again with the others, to be counted as the
  /// duplicate; one under an earlier path stays, and the identities returned are those
  /// of such files, so that the file met again is the duplicate. With a file to read
  /// that could not be examined, every cached file's identity is returned.
  private static func sharedFiles(
    _ candidates: [FileCandidate], _ found: [(Int, Int)?], keep: inout [[Bool]],
    toRead: inout [FileCandidate]
  ) -> Set<FileIdentity> {
    guard !toRead.isEmpty else { return [] }
    var firstPath: [FileIdentity: String] = [:]
    for candidate in toRead {
      guard let identity = candidate.identity ?? candidate.stamp.map(FileIdentity.init) else {
        firstPath = [:]
        break
      }
      firstPath[identity] = min(firstPath[identity] ?? candidate.displayPath, candidate.displayPath)
    }
    let everyFile = firstPath.isEmpty
    var loaded = Set<FileIdentity>()
    for (candidate, place) in zip(candidates, found) {
      guard let (segment, position) = place, keep[segment][position],
        let identity = candidate.stamp.map(FileIdentity.init)
      else { continue }
      if let other = firstPath[identity], other < candidate.displayPath {
        keep[segment][position] = false
        toRead.append(candidate)
      } else if everyFile || firstPath[identity] != nil {
        loaded.insert(identity)
      }
    }
    return loaded
  }

  /// `range` cut into runs of `size` at most.
  private static func chunks(_ range: Range<Int>, _ size: Int) -> [Range<Int>] {
    stride(from: range.lowerBound, to: range.upperBound, by: size).map {
      $0..<min($0 + size, range.upperBound)
    }
  }

  /// Numbers the articles and, `withIndex`, gives every group its index segment: a kept
  /// one's from its file (or built, if the file has none), a made one's built now from
  /// its old segment's postings (or from its articles' text, when there are none), in
  /// parallel.
  mutating func rebuild(withIndex: Bool) {
    let (groups, articles) = (groups, articles)
    let built = ParallelMap.map(count: groups.count) { number -> IndexSegment? in
      let range = groups[number].range
      switch groups[number] {
      case .kept(let file, _):
        if let segment = file.indexSegment(firstDocument: range.lowerBound) { return segment }
      case .made(_, let reusing?):
        if withIndex, let old = reusing.0.indexSegment(firstDocument: 0) {
          return IndexSegment(
            articles: articles[range], firstDocument: range.lowerBound, reusing: old,
            origins: reusing.1)
        }
      case .made: break
      }
      return withIndex
        ? IndexSegment(articles: articles[range], firstDocument: range.lowerBound) : nil
    }
    indexSegments = built
    if withIndex {
      index = SearchIndex(articles: [])
      index.append(
        SearchIndex.Batch(articles: articles, first: 0, segments: built.compactMap { $0 }))
    }
    for (number, group) in groups.enumerated() {
      if case .kept(let file, let range) = group, !file.hasIndex, built[number] != nil {
        self.groups[number] = .made(range, reusing: nil)
        changed = true
      }
    }
  }

  /// Writes the groups made now, then the manifest naming every group's file in order.
  func write(to cache: LibraryCache) throws(CacheError) {
    try cache.write(
      zip(groups, indexSegments).map { group, index in
        switch group {
        case .kept(let file, let range):
          .written(
            CacheManifest.Segment(
              checksum: file.checksum, size: UInt64(file.file.size), articles: range.count))
        case .made(let range, _): .new(articles[range], index)
        }
      }, roots: roots)
  }
}

/// Where each walked file's cached article is, if it has one. Files are met in the order
/// their articles were cached, so each is first looked for just after the last one found:
/// with nothing changed, a million paths are matched with no hashing at all. The first
/// file not where expected (a new, moved or deleted one) brings in a table of every
/// cached path.
private struct CachedPlaces {
  private let cached: CachedArticles
  /// The cached article after the last one found: (segment, position).
  private var next = (0, 0)
  private var byPath: [UInt64: (Int, Int)]?

  init(_ cached: CachedArticles) {
    self.cached = cached
  }

  mutating func place(of path: String) -> (Int, Int)? {
    while next.0 < cached.segmentCount && next.1 >= cached.count(of: next.0) {
      next = (next.0 + 1, 0)
    }
    if next.0 < cached.segmentCount, cached[next.0, next.1].path == path {
      defer { next.1 += 1 }
      return next
    }
    guard let place = table()[ContentHash.of(path)], cached[place.0, place.1].path == path
    else { return nil }
    next = (place.0, place.1 + 1)
    return place
  }

  /// Every cached article by its path's hash, made the first time it is needed.
  private mutating func table() -> [UInt64: (Int, Int)] {
    if let byPath { return byPath }
    var table: [UInt64: (Int, Int)] = [:]
    table.reserveCapacity(cached.all.count)
    for segment in 0..<cached.segmentCount {
      for position in 0..<cached.count(of: segment) {
        table[ContentHash.of(cached[segment, position].path)] = (segment, position)
      }
    }
    byPath = table
    return table
  }
}
