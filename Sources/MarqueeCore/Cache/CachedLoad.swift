import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A library loaded through its cache: the articles, the index when it was asked for,
/// and one line for each thing about the cache worth saying (a damaged file rebuilt, a
/// cache that could not be written).
public struct CachedLibrary: Sendable {
  public let store: ArticleStore
  public let index: SearchIndex?
  public let notes: [String]
  /// Articles read in place from the cache, and files read and parsed this time.
  public let reused: Int
  public let parsed: Int
}

extension CachedLibrary {
  /// Loads `paths` as `ArticleStore.load` does, through the cache in `cacheFolder` (nil:
  /// no cache, the plain load). With a cache written by an earlier run on the same paths
  /// and options, the files are only looked at (size, time, identity; a walk that reads
  /// none): those unchanged come from the cache in place, and only changed and new files
  /// are read; the segments of the index holding changed, new or deleted files are built
  /// again, and the cache is brought up to date. `withIndex` also gives the index (and
  /// keeps it in the cache).
  public static func load(
    paths: [String], options: LoadOptions = LoadOptions(), cacheFolder: String?,
    withIndex: Bool
  ) throws(LoadError) -> CachedLibrary {
    try load(
      paths: paths, options: options, cacheFolder: cacheFolder, withIndex: withIndex,
      segmentSize: SearchIndex.defaultSegmentSize)
  }

  /// `load`, making segments of `segmentSize` articles at most (tests make small ones).
  static func load(
    paths: [String], options: LoadOptions, cacheFolder: String?, withIndex: Bool,
    segmentSize: Int
  ) throws(LoadError) -> CachedLibrary {
    let tables = ParserTables.adding(options.layout)
    guard let cacheFolder, let roots = CacheRoots(paths) else {
      let store = try ArticleStore.load(paths: paths, options: options)
      return CachedLibrary(
        store: store, index: withIndex ? SearchIndex(articles: store.articles) : nil, notes: [],
        reused: 0, parsed: store.count)
    }
    let cache = LibraryCache(cacheFolder: cacheFolder, roots: roots.canonical, options: options)
    var notes: [String] = []
    var manifest: CacheManifest?
    do {
      manifest = try cache.readManifest()
    } catch {
      notes.append("the cache's manifest is \(error); the cache is built again")
    }
    if let found = manifest, found.build != LibraryCache.build || found.roots != roots.canonical {
      notes.append("the cache was written by another build of marquee; it is built again")
      manifest = nil
    }
    // The cache's files are checked and their articles made on one core while the
    // folders are walked, their files examined, on the other.
    let segments = manifest?.segments ?? []
    let open: @Sendable () -> ([Result<MappedSegment, CacheError>], CachedArticles) = {
      let opened = ParallelMap.map(count: segments.count) { number in
        Result { () throws(CacheError) -> MappedSegment in
          try MappedSegment(
            path: cache.path(of: segments[number]), rootCount: roots.canonical.count)
        }
      }
      let files = opened.compactMap { try? $0.get() }
      return (opened, CachedArticles(files, roots: roots.display))
    }
    let walk = {
      Result { () throws(LoadError) -> FileTree in
        var tree = FileTree(includeGlobs: options.includeGlobs, stamping: manifest != nil)
        // Each path's files are stamped (on both cores) once its folders are listed,
        // while the cache's files are still being checked.
        for path in paths { try tree.add(path: path) }
        return tree
      }
    }
    let ((opened, cached), walked) = ParallelMap.both(open, walk)
    let tree = try walked.get()
    var mapped: [MappedSegment] = []
    for (segment, result) in zip(segments, opened) {
      switch result {
      case .success(let file): mapped.append(file)
      case .failure(let problem):
        notes.append("cache file \(segment.fileName) is \(problem); its files are read again")
      }
    }
    let named = segments.count
    if mapped.isEmpty {
      // Nothing cached that can be used: the files are read, and written to the cache, a
      // few segments at a time.
      let load = StreamedFirstLoad(
        tree: tree, options: options, tables: tables,
        writer: CacheWriter(cache: cache, roots: roots, replacing: named > 0),
        withIndex: withIndex, segmentSize: segmentSize)
      ParallelMap.release(tree)
      return CachedLibrary(
        store: ArticleStore(articles: load.articles, report: load.report, tables: tables),
        index: load.index, notes: notes + load.notes, reused: 0, parsed: load.articles.count)
    }
    var refresh = CacheRefresh(
      tree: tree, options: options, tables: tables, roots: roots, segments: mapped,
      cached: cached, segmentSize: segmentSize)
    ParallelMap.release(tree)
    refresh.rebuild(withIndex: withIndex)
    // A file the manifest names but that could not be used is left out of the next one.
    if refresh.changed || mapped.count != named {
      do {
        try refresh.write(to: cache)
      } catch {
        notes.append("cannot write the cache (\(error)); going on without it")
      }
    }
    return CachedLibrary(
      store: ArticleStore(articles: refresh.articles, report: refresh.report, tables: tables),
      index: withIndex ? refresh.index : nil, notes: notes, reused: refresh.reused,
      parsed: refresh.parsed)
  }
}

extension CachedLibrary {
  /// Whether `paths` have a cache that this build of marquee wrote: the reader then
  /// loads through it in one go, rather than file by file as it does the first time.
  static func isCached(paths: [String], options: LoadOptions, cacheFolder: String) -> Bool {
    guard let roots = CacheRoots(paths) else { return false }
    let cache = LibraryCache(cacheFolder: cacheFolder, roots: roots.canonical, options: options)
    guard let manifest = try? cache.readManifest() else { return false }
    return manifest.build == LibraryCache.build && manifest.roots == roots.canonical
  }
}

/// The paths a user gave, canonical (for the cache's name) and as they name them (for the
/// articles' paths).
struct CacheRoots: Sendable {
  let canonical: [String]
  let display: [String]

  /// Nil when a path cannot be made canonical (it is missing: the load will say so).
  init?(_ paths: [String]) {
    var canonical: [String] = []
    for path in paths {
      guard let resolved = realpath(ArgumentBytes.systemPath(for: path), nil) else { return nil }
      canonical.append(String(cString: resolved))
      free(resolved)
    }
    self.canonical = canonical
    display = paths.map(ArgumentBytes.display(for:))
  }

  /// Which root `path` (as the loader named it) is under, and the path below it.
  func place(of path: String) -> (root: Int, relative: [UInt8])? {
    for (root, prefix) in display.enumerated() {
      if let relative = CachePaths.relative(path, to: prefix) { return (root, relative) }
    }
    return nil
  }
}

extension LibraryCache {
  /// Which marquee this is: its executable's size, time and identity. A cache written by
  /// another build is not trusted, as the parser that made it may differ.
  static let build: UInt64 = {
    var info = stat()
    let executable = stat("/proc/self/exe", &info) == 0 ? info : nil
    guard let executable else { return 0 }
    let stamp = FileStamp(executable)
    var writer = ByteWriter()
    writer.append(stamp.size)
    writer.append(stamp.modified)
    writer.append(stamp.device)
    writer.append(stamp.inode)
    writer.append(UInt64(SegmentFile.formatVersion))
    return writer.bytes.withUnsafeBytes { ContentHash.of($0) }
  }()
}
