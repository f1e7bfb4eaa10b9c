import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What to load from the paths a user gives.
public struct LoadOptions: Sendable, Equatable {
  /// Globs matched against file names inside directories; files named directly are
  /// always loaded.
  public var includeGlobs: [String]
  /// Larger files are skipped with a reason rather than read.
  public var maxFileSize: Int64
  /// Photo sources and furniture phrases the parser knows besides its own.
  public var layout: LayoutAdditions

  public static let defaultIncludeGlobs = ["*.txt"]
  public static let defaultMaxFileSize: Int64 = 8 << 20
  /// No article is a gigabyte long, and below this every length and position in an
  /// article fits in 32 bits (a byte can decode to two), so `maxFileSize` stops here.
  public static let largestMaxFileSize: Int64 = 1 << 30

  public init(
    includeGlobs: [String] = LoadOptions.defaultIncludeGlobs,
    maxFileSize: Int64 = LoadOptions.defaultMaxFileSize, layout: LayoutAdditions = LayoutAdditions()
  ) {
    self.includeGlobs = includeGlobs
    self.maxFileSize = min(maxFileSize, Self.largestMaxFileSize)
    self.layout = layout
  }
}

/// Reads and parses article files, in parallel on all cores.
///
/// Files are only ever opened read-only, and with `O_NONBLOCK` so that a FIFO swapped
/// in after the walk cannot block the load; `fstat` on the open descriptor then
/// confirms it is still a regular file before a byte is read.
public enum ArticleLoader {
  public static func load(
    paths: [String], options: LoadOptions = LoadOptions()
  ) throws(LoadError) -> (articles: [Article], report: LoadReport) {
    try load(paths: paths, options: options, tables: ParserTables.adding(options.layout))
  }

  /// `load` with the parser's tables built already (by `ArticleStore`, which keeps them).
  static func load(
    paths: [String], options: LoadOptions, tables: ParserTables
  ) throws(LoadError) -> (articles: [Article], report: LoadReport) {
    var tree = FileTree(includeGlobs: options.includeGlobs)
    for path in paths { try tree.add(path: path) }
    var collector = LoadCollector(tree: tree)
    var articles: [Article] = []
    articles.reserveCapacity(collector.candidates.count)
    for start in stride(from: 0, to: collector.candidates.count, by: batchSize) {
      let end = min(start + batchSize, collector.candidates.count)
      articles += collector.read(
        collector.candidates[start..<end], maxFileSize: options.maxFileSize, tables: tables)
    }
    return (articles, collector.report(loaded: articles.count))
  }

  /// Files read and parsed together: the parse's scratch memory, and the articles'
  /// own copies of their text before a batch shares one, stay this many files' worth.
  static let batchSize = 4096

  /// What reading one file gave, and which file it was when that could be told.
  struct FileRead: Sendable {
    let result: Result<Article, SkipReason>
    let identity: FileIdentity?
  }

  /// Reads one file and parses it, identifying it for the loader's duplicate check: by
  /// the open descriptor, or by path when it cannot be opened.
  static func read(_ candidate: FileCandidate, maxFileSize: Int64, tables: ParserTables)
    -> FileRead
  {
    let descriptor = open(candidate.systemPath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      let failure = SkipReason.unreadable(errorText(errno))
      var info = stat()
      let identity = stat(candidate.systemPath, &info) == 0 ? FileIdentity(info) : nil
      return FileRead(result: .failure(failure), identity: identity)
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return FileRead(result: .failure(.unreadable(errorText(errno))), identity: nil)
    }
    let result = read(descriptor, info, candidate, maxFileSize: maxFileSize, tables: tables)
    return FileRead(result: result, identity: FileIdentity(info))
  }

  /// Reads and parses an open file that `fstat` described.
  private static func read(
    _ descriptor: Int32, _ info: stat, _ candidate: FileCandidate, maxFileSize: Int64,
    tables: ParserTables
  ) -> Result<Article, SkipReason> {
    guard isRegularFile(info) else { return .failure(.notRegularFile(kind: kind(of: info))) }
    let size = Int64(info.st_size)
    guard size <= maxFileSize else { return .failure(.tooLarge(bytes: size, limit: maxFileSize)) }

    // Read until end of file, allowing for a file that grew since fstat, but never
    // past the size limit.
    // The buffer comes from malloc: an array would be zeroed first, a pass over every
    // file's bytes for nothing.
    let limit = Int(maxFileSize)
    var capacity = min(limit + 1, Int(size) + 4096)
    guard var buffer = malloc(capacity) else { return .failure(.unreadable("out of memory")) }
    defer { free(buffer) }
    var filled = 0
    while true {
      if filled == capacity {
        guard capacity <= limit else { break }
        let grown = min(capacity * 2, limit + 1)
        guard let moved = realloc(buffer, grown) else {
          return .failure(.unreadable("out of memory"))
        }
        (buffer, capacity) = (moved, grown)
      }
      let count = readFile(descriptor, buffer + filled, capacity - filled)
      if count < 0 {
        // EAGAIN from a regular file (`/proc/kmsg`) means no data until something
        // happens: retrying spun forever, and waiting could too. Only EINTR is retried.
        if errno == EINTR { continue }
        return .failure(.unreadable(errorText(errno)))
      }
      if count == 0 { break }
      filled += count
    }
    if filled > limit { return .failure(.tooLarge(bytes: Int64(filled), limit: maxFileSize)) }
    let stamp = FileStamp(info)
    return ArticleParser.parse(
      bytes: UnsafeRawBufferPointer(start: buffer, count: filled), path: candidate.displayPath,
      modified: stamp.modificationDate, tables: tables
    ).map { $0.stamped(stamp) }
  }
}

/// Reads a walked tree's files, in path order, in one go or batch by batch (the
/// reader's `ArticleStream`), so both ways give the same articles in the same order.
///
/// A file reached twice (named twice, named beside its folder, or linked) loads once,
/// under the first of its paths in path order, and is counted once.
struct LoadCollector {
  /// The files to read, sorted by the path users see: articles come out in path order.
  let candidates: [FileCandidate]
  private let filesSeen: Int
  private let ignoredFiles: Int
  private let includeGlobs: [String]
  private var skipped: [SkippedFile]
  private var identities = Set<FileIdentity>()
  private var duplicates = 0

  init(tree: FileTree) {
    self.init(tree: tree, reading: tree.candidates)
  }

  /// Reads only `candidates` of the tree's (those a cache does not hold as they are now);
  /// the report still counts every file the walk met. A candidate that is one of the
  /// `loaded` files (a link to an article the cache holds) is a duplicate, as it was
  /// when the cache was written.
  init(tree: FileTree, reading candidates: [FileCandidate], loaded: Set<FileIdentity> = []) {
    identities = loaded
    self.candidates = candidates.sorted { $0.displayPath < $1.displayPath }
    filesSeen = tree.filesSeen
    ignoredFiles = tree.ignoredFiles
    includeGlobs = tree.includeGlobs
    skipped = tree.skipped
  }

  /// Reads and parses some of the candidates in parallel; the articles, in order, their
  /// text in one allocation for the batch.
  mutating func read(
    _ batch: ArraySlice<FileCandidate>, maxFileSize: Int64, tables: ParserTables
  ) -> [Article] {
    let results = ParallelMap.map(count: batch.count) { offset in
      ArticleLoader.read(
        batch[batch.startIndex + offset], maxFileSize: maxFileSize, tables: tables)
    }
    MemoryTrim.returnFreePages()
    var articles: [Article] = []
    articles.reserveCapacity(batch.count)
    for (candidate, read) in zip(batch, results) {
      if let identity = candidate.identity ?? read.identity,
        !identities.insert(identity).inserted
      {
        duplicates += 1
        continue
      }
      switch read.result {
      case .success(let article): articles.append(article)
      case .failure(let reason):
        skipped.append(SkippedFile(path: candidate.displayPath, reason: reason))
      }
    }
    return Article.sharingStorage(articles)
  }

  /// The report once every candidate has been read.
  func report(loaded: Int) -> LoadReport {
    LoadReport(
      filesSeen: filesSeen - duplicates, loaded: loaded,
      skipped: skipped.sorted { $0.path < $1.path }, ignoredFiles: ignoredFiles,
      includeGlobs: includeGlobs)
  }
}

/// `read(2)`, named through its module: the loader has a `read` of its own.
private func readFile(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
  #else
    Darwin.read(descriptor, buffer, count)
  #endif
}
