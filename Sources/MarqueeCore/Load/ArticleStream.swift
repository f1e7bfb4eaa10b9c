import Foundation

/// Loads a corpus on a background thread in growing batches, each read, parsed and
/// indexed there, so the reader can draw its first frame at once and fill its list as
/// articles arrive, instead of waiting for the whole corpus.
///
/// Articles arrive in the same order `ArticleLoader.load` gives (by path), so the
/// index built batch by batch is the same one the CLI builds in one go. The owner
/// polls `take()` between key presses; nothing here calls back into the owner.
public final class ArticleStream: @unchecked Sendable {
  // @unchecked Sendable: `events` and `cancelled` are only touched under `lock`; the
  // rest is immutable after init.

  public enum Event: Sendable {
    /// The walk is done: this many files will be read.
    case found(files: Int)
    /// More articles, indexed, and how many files have been read so far.
    case batch(SearchIndex.Batch, filesRead: Int)
    /// Every file has been read; the report lists what was skipped and why.
    case finished(LoadReport)
    /// Something about the cache worth a line (a damaged file made again, a cache that
    /// could not be written).
    case note(String)
    /// A path given by the user cannot be read at all.
    case failed(LoadError)
  }

  private let lock = NSLock()
  private var events: [Event] = []
  private var cancelled = false
  /// The files and folders loaded, as the user named them.
  public let paths: [String]
  /// What is loaded of them, and how: a file read again later (after an editor, or by
  /// the folder watcher) is read the same way.
  public let options: LoadOptions
  /// The cache folder (`CacheFolder`): where the articles and index are kept for the next
  /// start, and read from when kept already; nil for none.
  public let cacheFolder: String?

  /// The first batch is small so the list fills almost at once; later ones double up
  /// to this size, keeping the per-batch overhead (one search re-run, one array copy
  /// in the reader) rare.
  static let firstBatch = 256
  static let largestBatch = 8192

  public init(paths: [String], options: LoadOptions = LoadOptions(), cacheFolder: String? = nil) {
    self.paths = paths
    self.options = options
    self.cacheFolder = cacheFolder
  }

  /// Checks that every path exists and can be examined, so a mistyped path is reported
  /// before the reader takes over the terminal. Loading re-checks, as files can vanish.
  public static func checkPaths(_ paths: [String]) throws(LoadError) {
    for path in paths { _ = try FileTree.examine(path) }
  }

  /// Starts loading on a new thread.
  public func start() {
    Thread.detachNewThread { [self] in run() }
  }

  /// The events since the last call, in order.
  public func take() -> [Event] {
    lock.withLock {
      defer { events.removeAll() }
      return events
    }
  }

  /// Asks the loading thread to stop after its current batch.
  public func cancel() {
    lock.withLock { cancelled = true }
  }

  private var isCancelled: Bool { lock.withLock { cancelled } }

  private func post(_ event: Event) {
    lock.withLock { events.append(event) }
  }

  private func run() {
    if let cacheFolder,
      CachedLibrary.isCached(paths: paths, options: options, cacheFolder: cacheFolder)
    {
      runFromCache(cacheFolder)
      return
    }
    // Built once for every batch of the load.
    let tables = ParserTables.adding(options.layout)
    var tree = FileTree(includeGlobs: options.includeGlobs)
    do throws(LoadError) {
      for path in paths { try tree.add(path: path) }
    } catch {
      post(.failed(error))
      return
    }
    var collector = LoadCollector(tree: tree)
    let candidates = collector.candidates
    post(.found(files: candidates.count))
    // Each batch's segments are written to the cache as they are made and read back in
    // place, so the reader never holds the library's text (`CacheWriter`).
    var writer = cacheFolder.flatMap { folder in
      CacheRoots(paths).map { roots in
        CacheWriter(
          cache: LibraryCache(cacheFolder: folder, roots: roots.canonical, options: options),
          roots: roots)
      }
    }
    var loaded = 0
    var next = 0
    var size = Self.firstBatch
    while next < candidates.count {
      if isCancelled { return }
      let end = min(candidates.count, next + size)
      let articles = collector.read(
        candidates[next..<end], maxFileSize: options.maxFileSize, tables: tables)
      var batch = SearchIndex.prepare(articles, after: loaded)
      if let roots = writer?.roots,
        let files = writer?.write(
          batch.segments.map { segment in
            let start = segment.firstDocument - loaded
            return (articles[start..<(start + segment.documentCount)], segment)
          })
      {
        batch = SearchIndex.Batch(files: files, first: loaded, roots: roots.display)
      }
      post(.batch(batch, filesRead: end))
      loaded += batch.articles.count
      next = end
      size = min(size * 2, Self.largestBatch)
    }
    post(.finished(collector.report(loaded: loaded)))
    // The manifest, once the reader has every article.
    if let writer, !isCancelled {
      for note in writer.finish() { post(.note(note)) }
    }
  }

  /// A start from the cache: files are only looked at (those changed since are read),
  /// and the articles and index arrive as one batch.
  private func runFromCache(_ cacheFolder: String) {
    do {
      let library = try CachedLibrary.load(
        paths: paths, options: options, cacheFolder: cacheFolder, withIndex: true)
      let articles = library.store.articles
      post(.found(files: articles.count))
      post(
        .batch(
          SearchIndex.Batch(
            articles: articles, first: 0, segments: library.index?.segments ?? []),
          filesRead: articles.count))
      for note in library.notes { post(.note(note)) }
      post(.finished(library.store.report))
    } catch {
      post(.failed(error))
    }
  }
}
