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
    /// A path given by the user cannot be read at all.
    case failed(LoadError)
  }

  private let lock = NSLock()
  private var events: [Event] = []
  private var cancelled = false
  private let paths: [String]
  private let options: LoadOptions

  /// The first batch is small so the list fills almost at once; later ones double up
  /// to one index segment's worth, keeping the per-batch overhead (one search re-run,
  /// one array copy in the reader) rare while each batch is indexed on one thread.
  static let firstBatch = 256
  static let largestBatch = SearchIndex.defaultSegmentSize

  public init(paths: [String], options: LoadOptions = LoadOptions()) {
    self.paths = paths
    self.options = options
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
    Self.load(paths: paths, options: options, isCancelled: { isCancelled }, post: post)
  }

  /// Walks the paths, then reads batch after batch, each parsed on all cores and then
  /// indexed on one thread while the next batch is read: both cores stay busy, and at
  /// most one batch's parse and one segment's build are in memory at a time (indexing
  /// a batch's segments side by side held twice the scratch space).
  static func load(
    paths: [String], options: LoadOptions, isCancelled: () -> Bool, post: (Event) -> Void
  ) {
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
    var loaded = 0
    var next = 0
    var size = firstBatch
    var indexing: (batch: BackgroundResult<SearchIndex.Batch>, filesRead: Int)?
    while next < candidates.count {
      if isCancelled() { return }
      let end = min(candidates.count, next + size)
      let articles = collector.read(candidates[next..<end], maxFileSize: options.maxFileSize)
      if let indexing { post(.batch(indexing.batch.value, filesRead: indexing.filesRead)) }
      let first = loaded
      indexing = (BackgroundResult { SearchIndex.prepare(articles, after: first) }, end)
      loaded += articles.count
      next = end
      size = min(size * 2, largestBatch)
    }
    if let indexing { post(.batch(indexing.batch.value, filesRead: indexing.filesRead)) }
    post(.finished(collector.report(loaded: loaded)))
  }
}

extension SearchIndex {
  /// Loads and indexes a corpus on the calling thread, the way the reader does in the
  /// background: quicker, and lower in memory, than loading every article and then
  /// indexing them all.
  public static func load(
    paths: [String], options: LoadOptions = LoadOptions()
  ) throws(LoadError) -> (index: SearchIndex, report: LoadReport) {
    var index = SearchIndex(articles: [])
    var outcome: Result<LoadReport, LoadError>?
    func take(_ event: ArticleStream.Event) {
      switch event {
      case .found: break
      case .batch(let batch, _): index.append(batch)
      case .finished(let report): outcome = .success(report)
      case .failed(let error): outcome = .failure(error)
      }
    }
    ArticleStream.load(paths: paths, options: options, isCancelled: { false }, post: take)
    return (index, try outcome!.get())
  }
}

/// A value worked out on another thread, for the one that started it to collect.
///
/// `@unchecked Sendable`: `result` is written once, by the worker, before it signals
/// `done`, and read only after waiting for that signal.
final class BackgroundResult<Value: Sendable>: @unchecked Sendable {
  private var result: Value?
  private let done = DispatchSemaphore(value: 0)

  init(_ work: @escaping @Sendable () -> Value) {
    DispatchQueue.global().async { [self] in
      result = work()
      done.signal()
    }
  }

  /// Waits for the work to finish (once only).
  var value: Value {
    done.wait()
    return result.take()!
  }
}
