import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a file looked like when last seen: enough to tell that it changed without
/// reading it. Size and identity are unknown (`size` -1) for a file known only from its
/// article, whose modification time is all the store keeps.
public struct FileStamp: Sendable, Hashable {
  public let size: Int64
  /// Nanoseconds since 1970.
  public let modified: Int64
  public let device: UInt64
  public let inode: UInt64

  init(_ info: stat) {
    size = Int64(info.st_size)
    modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    (device, inode) = (UInt64(info.st_dev), UInt64(info.st_ino))
  }

  /// A stamp as a cache file keeps it.
  init(size: Int64, modified: Int64, device: UInt64, inode: UInt64) {
    (self.size, self.modified, self.device, self.inode) = (size, modified, device, inode)
  }

  /// The modification time as the loader gives articles it (`Article.modified`): whole
  /// seconds plus the nanoseconds, so a time read back from a cache is the same `Date`.
  var modificationDate: Date {
    let (seconds, nanoseconds) = modified.quotientAndRemainder(dividingBy: 1_000_000_000)
    let (whole, part) =
      nanoseconds < 0 ? (seconds - 1, nanoseconds + 1_000_000_000) : (seconds, nanoseconds)
    return Date(timeIntervalSince1970: Double(whole) + Double(part) / 1e9)
  }

  /// A stamp known only by the modification time an article carries.
  init(modified date: Date?) {
    size = -1
    modified = date.map { Int64(($0.timeIntervalSince1970 * 1e9).rounded()) } ?? 0
    (device, inode) = (0, 0)
  }

  /// A file known only by name (one the load skipped): whatever is seen next is taken as
  /// what it was, so it is not read again until it changes.
  static let unknown = FileStamp(size: -2)

  private init(size: Int64) {
    self.init(size: size, modified: 0, device: 0, inode: 0)
  }

  /// Whether the file changed from `older`: by time, and by size and identity when both
  /// are known. A time read back from an article's `Date` is a microsecond off at most.
  func differs(from older: FileStamp) -> Bool {
    guard older.size != Self.unknown.size else { return false }
    guard older.size >= 0, size >= 0 else { return abs(modified - older.modified) > 2_000 }
    return self != older
  }
}

/// The article files under some paths, each with its stamp: what a walk that reads no
/// file finds, compared with the last one to tell what was added, changed or removed.
public struct FolderSnapshot: Sendable {
  public struct Entry: Sendable {
    public let stamp: FileStamp
    /// The path's exact bytes, NUL-terminated, for reading it; nil when they are the
    /// path's UTF-8 (all but names that are not UTF-8), to keep a million entries small.
    let systemPath: [CChar]?

    init(stamp: FileStamp, systemPath: [CChar]? = nil, path: String) {
      self.stamp = stamp
      self.systemPath = systemPath.flatMap { $0 == Array(path.utf8CString) ? nil : $0 }
    }
  }

  /// By the path users see (the article's `path`).
  public private(set) var entries: [String: Entry] = [:]
  /// The folders walked, NUL-terminated: what a watcher watches.
  public private(set) var directories: [[CChar]] = []

  public init() {}

  /// The files a store's articles came from, known by the stamps they were read with
  /// (by modification time alone for articles made in code), and those the load skipped: a first walk compared with this finds what changed since
  /// they were read (not the skipped files again).
  public init(articles: some Sequence<Article>, skipped: [SkippedFile] = []) {
    for file in skipped {
      entries[file.path] = Entry(
        stamp: .unknown, systemPath: ArgumentBytes.systemPath(for: file.path), path: file.path)
    }
    for article in articles {
      entries[article.path] = Entry(
        stamp: article.stamp ?? FileStamp(modified: article.modified),
        systemPath: ArgumentBytes.systemPath(for: article.path), path: article.path)
    }
  }

  /// Walks `roots` (NUL-terminated paths) as the loader walks the paths a user gave, with
  /// the same include globs and hidden entries skipped, and stats every file found. A
  /// file reached twice is kept under its first path; a root that is gone gives nothing.
  public static func take(roots: [[CChar]], includeGlobs: [String]) -> FolderSnapshot {
    var tree = FileTree(includeGlobs: includeGlobs)
    var snapshot = FolderSnapshot()
    var files: [[CChar]] = []
    for root in roots where !tree.addFolder(systemPath: root) { files.append(root) }
    var identities = Set<FileIdentity>()
    var info = stat()
    let found =
      tree.candidates.map { ($0.displayPath, $0.systemPath) }
      + files.map { (displayString($0), $0) }
    for (path, systemPath) in found.sorted(by: { $0.0 < $1.0 }) {
      guard stat(systemPath, &info) == 0, isRegularFile(info),
        identities.insert(FileIdentity(info)).inserted
      else { continue }
      snapshot.entries[path] = Entry(stamp: FileStamp(info), systemPath: systemPath, path: path)
    }
    snapshot.directories = tree.directories
    return snapshot
  }

  /// The paths of `newer` (a snapshot of `roots` only) that are new or changed from this
  /// one, and this one's paths under `roots` that `newer` lacks.
  public func changes(to newer: FolderSnapshot, under roots: [[CChar]]) -> FolderChanges {
    var changes = FolderChanges()
    for (path, entry) in newer.entries {
      if let old = entries[path] {
        if entry.stamp.differs(from: old.stamp) { changes.changed.append(path) }
      } else {
        changes.added.append(path)
      }
    }
    let prefixes = Self.prefixes(of: roots)
    for path in entries.keys where newer.entries[path] == nil && Self.isUnder(path, prefixes) {
      changes.removed.append(path)
    }
    changes.added.sort()
    changes.changed.sort()
    changes.removed.sort()
    return changes
  }

  /// Takes what `newer` (a snapshot of `roots`) says of the paths under `roots`, but for
  /// `keeping`: paths whose old entry (or absence) stands until they are seen again.
  public mutating func update(
    with newer: FolderSnapshot, under roots: [[CChar]], keeping: Set<String> = []
  ) {
    let prefixes = Self.prefixes(of: roots)
    for path in Array(entries.keys)
    where newer.entries[path] == nil && !keeping.contains(path) && Self.isUnder(path, prefixes) {
      entries[path] = nil
    }
    for (path, entry) in newer.entries where !keeping.contains(path) { entries[path] = entry }
    // The folders under `roots` are those the new walk met: one deleted is forgotten, so
    // if it comes back it is new again (and looked at once more after it is watched).
    directories =
      directories.filter { !Self.isUnder(displayString($0), prefixes) } + newer.directories
  }

  /// The system path of a file in the snapshot, for reading it.
  public func systemPath(of path: String) -> [CChar] {
    entries[path]?.systemPath ?? ArgumentBytes.systemPath(for: path)
  }

  /// A root's path as users see it: itself, and the prefix of everything under it.
  private static func prefixes(of roots: [[CChar]]) -> [String] {
    roots.map { displayString($0) }
  }

  private static func isUnder(_ path: String, _ prefixes: [String]) -> Bool {
    prefixes.contains { prefix in
      path == prefix
        || path.hasPrefix(prefix)
          && (prefix.hasSuffix("/")
            || path.utf8.dropFirst(prefix.utf8.count).first == UInt8(ascii: "/"))
    }
  }
}

/// What a new walk found different from the last: paths as users see them, sorted.
public struct FolderChanges: Sendable, Equatable {
  public var added: [String] = []
  public var changed: [String] = []
  public var removed: [String] = []

  public init(added: [String] = [], changed: [String] = [], removed: [String] = []) {
    (self.added, self.changed, self.removed) = (added, changed, removed)
  }

  public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }
}

extension ArticleLoader {
  /// Reads and parses these files of a snapshot in parallel, each one's article or why
  /// it was skipped, in the order given. `tables` are those `options` make (made once by
  /// the caller, who reads again and again).
  public static func read(
    _ paths: [String], of snapshot: FolderSnapshot, options: LoadOptions,
    tables: ParserTables = .builtIn
  ) -> [(path: String, result: Result<Article, SkipReason>)] {
    let candidates = paths.map {
      FileCandidate(
        displayPath: $0,
        systemPath: snapshot.systemPath(of: $0),
        identity: nil)
    }
    let reads = ParallelMap.map(count: candidates.count) {
      read(candidates[$0], maxFileSize: options.maxFileSize, tables: tables)
    }
    return zip(paths, reads).map { ($0, $1.result) }
  }
}
