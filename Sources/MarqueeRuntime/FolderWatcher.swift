import Foundation
import MarqueeCore

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps the reader's folders current while it is open: a new file appears, a changed
/// one is read again, a deleted one goes, within about a second.
///
/// On its own thread it learns of changes from inotify, a watch on every folder walked,
/// and looks again at the folders that had events (a walk that stats, never reads)
/// once they have been quiet for a moment. Where inotify is missing or its watch limit
/// is reached it rescans everything on a timer instead (and says so once). A file whose
/// modification time is younger than `settleTime` is still being written: it is looked
/// at again shortly and read once it settles. Changes come out in parts of a few hundred
/// articles (`take`), so a burst of ten thousand files never holds up the keys.
public final class FolderWatcher: @unchecked Sendable {
  /// How long a folder must be quiet after an event before it is looked at.
  static let quietTime = 0.1
  /// A file modified more recently than this is still being written.
  static let settleTime = 0.3
  /// The most articles handed to the reader at once.
  static let partSize = 256

  private let roots: [[CChar]]
  private let options: LoadOptions
  /// The parser's tables with the config file's `[layout]` additions, made once.
  private let tables: ParserTables
  private let usesInotify: Bool
  private let lock = NSLock()
  private var pending: [LibraryChange] = []
  private var cancelled = false
  private var rescanRequested = false
  private var started = false

  /// Watches the paths the reader opened (folders and files, as the user named them),
  /// reading files as the load did; without `inotify`, by rescanning on a timer (as where
  /// inotify is missing).
  public init(paths: [String], options: LoadOptions, inotify: Bool = true) {
    roots = paths.map { ArgumentBytes.systemPath(for: $0) }
    self.options = options
    tables = ParserTables.adding(options.layout)
    usesInotify = inotify
  }

  deinit { cancel() }

  /// Starts watching, from the articles the load read and the files it skipped: what
  /// changed since then comes first.
  public func start(from articles: [Article], skipped: [SkippedFile]) {
    let alreadyStarted = lock.withLock {
      defer { started = true }
      return started
    }
    guard !alreadyStarted else { return }
    let thread = Thread { [self] in
      watch(from: FolderSnapshot(articles: articles, skipped: skipped))
    }
    thread.name = "marquee folder watcher"
    thread.start()
  }

  /// Looks at every folder again now (the reload key); the answer comes even if nothing
  /// changed.
  public func rescan() {
    lock.withLock { rescanRequested = true }
  }

  /// The next part of what changed, if any.
  public func take() -> LibraryChange? {
    lock.withLock { pending.isEmpty ? nil : pending.removeFirst() }
  }

  /// Whether more parts are waiting.
  public var hasPending: Bool { lock.withLock { !pending.isEmpty } }

  public func cancel() {
    lock.withLock { cancelled = true }
  }

  private var isCancelled: Bool { lock.withLock { cancelled } }

  // MARK: - The watching thread

  private func watch(from known: FolderSnapshot) {
    var snapshot = known
    var inotify = usesInotify ? Inotify() : nil
    let failure = errno
    var note: String?
    // Folders are watched before they are walked, so nothing that changes in between is
    // missed; folders the walk finds are watched as they are met, and looked at again.
    if inotify == nil {
      if usesInotify {
        note =
          "Folders are rescanned every few seconds (inotify: \(String(cString: strerror(failure))))"
      }
    } else {
      for root in roots { inotify?.watch(root) }
    }
    var dirty: [[CChar]] = roots
    var dirtySince = Date.distantPast
    var lastEvent = Date.distantPast
    var pollInterval = 1.0
    var nextPoll = Date()
    while !isCancelled {
      let requested = lock.withLock {
        defer { rescanRequested = false }
        return rescanRequested
      }
      if requested { dirty = roots }
      let now = Date()
      let quiet = now.timeIntervalSince(lastEvent) >= Self.quietTime
      let overdue = now.timeIntervalSince(dirtySince) >= 1
      if inotify == nil, now >= nextPoll { dirty = roots }
      if !dirty.isEmpty && (quiet || overdue || requested || inotify == nil) {
        let started = Date()
        let walked = look(at: dirty, in: &snapshot, requested: requested, note: note)
        note = nil
        dirty = walked.again
        dirtySince = dirty.isEmpty ? .distantPast : Date()
        if var watcher = inotify {
          // A file opened by name is watched itself; an editor that saves by renaming
          // ends that watch, so it is set again.
          if !watcher.watch(walked.directories + roots) {
            // The watches made so far go with the instance: rescanning covers everything.
            watcher.close()
            inotify = nil
            note = "Too many folders for inotify; folders are rescanned every few seconds"
          } else {
            inotify = watcher
          }
        }
        if inotify == nil {
          // Rescanning everything costs in proportion to the corpus: never more than a
          // fifth of the time.
          pollInterval = max(1, 5 * Date().timeIntervalSince(started))
          nextPoll = Date().addingTimeInterval(pollInterval)
        }
      }
      if var watcher = inotify {
        let folders = watcher.events(waitingMilliseconds: 100)
        inotify = watcher
        if folders.overflowed { dirty = roots }
        if !folders.paths.isEmpty || folders.overflowed {
          if dirty.isEmpty { dirtySince = Date() }
          lastEvent = Date()
          for folder in folders.paths where !dirty.contains(folder) { dirty.append(folder) }
        }
      } else {
        usleep(100_000)
      }
    }
    inotify?.close()
  }

  /// Walks `folders`, reads what changed in them, and hands it over in parts. Returns
  /// the folders walked (to watch) and those to look at again (files still being
  /// written, or folders just watched whose files may have come before the watch).
  private func look(
    at folders: [[CChar]], in snapshot: inout FolderSnapshot, requested: Bool, note: String?
  ) -> (directories: [[CChar]], again: [[CChar]]) {
    let newer = FolderSnapshot.take(roots: folders, includeGlobs: options.includeGlobs)
    var changes = snapshot.changes(to: newer, under: folders)
    let now = Int64(Date().timeIntervalSince1970 * 1e9)
    let settle = Int64(Self.settleTime * 1e9)
    let unsettled = Set(
      (changes.added + changes.changed).filter { path in
        let age = now - (newer.entries[path]?.stamp.modified ?? 0)
        return age >= 0 && age < settle
      })
    changes.added.removeAll(where: unsettled.contains)
    changes.changed.removeAll(where: unsettled.contains)
    let known = Set(snapshot.directories)
    let newFolders = newer.directories.filter { !known.contains($0) }
    snapshot.update(with: newer, under: folders, keeping: unsettled)
    var change = LibraryChange(removed: changes.removed, requested: requested, note: note)
    let added = Set(changes.added)
    for (path, result) in ArticleLoader.read(
      changes.added + changes.changed, of: snapshot, options: options, tables: tables)
    {
      switch result {
      case .success(let article):
        if added.contains(path) {
          change.added.append(article)
        } else {
          change.changed.append(article)
        }
      case .failure(let reason):
        change.skipped.append(SkippedFile(path: path, reason: reason))
        // A file that can no longer be read is not the article it was.
        if !added.contains(path) { change.removed.append(path) }
      }
    }
    if requested || note != nil || !change.isEmpty {
      let parts = change.parts(of: Self.partSize)
      lock.withLock { pending += parts }
    }
    let again = unsettled.isEmpty ? newFolders : folders + newFolders
    return (newer.directories, again)
  }
}

/// An inotify instance with a watch on each folder it was given, and the folders its
/// events came from.
private struct Inotify {
  private let descriptor: Int32
  private var folders: [Int32: [CChar]] = [:]
  private var watched = Set<[CChar]>()

  /// Nil where inotify cannot be had.
  init?() {
    #if os(Linux)
      descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard descriptor >= 0 else { return nil }
    #else
      return nil
    #endif
  }

  func close() {
    _ = Glibc.close(descriptor)
  }

  /// Watches `folder` for files coming, going and changing; false when the watch limit
  /// is reached (a folder that vanished meanwhile is no failure).
  @discardableResult
  mutating func watch(_ folder: [CChar]) -> Bool {
    #if os(Linux)
      guard !watched.contains(folder) else { return true }
      let mask =
        IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF
      let handle = inotify_add_watch(descriptor, folder, UInt32(mask))
      if handle < 0 { return errno != ENOSPC }
      folders[handle] = folder
      watched.insert(folder)
    #endif
    return true
  }

  mutating func watch(_ newFolders: [[CChar]]) -> Bool {
    newFolders.allSatisfy { watch($0) }
  }

  /// Waits up to `milliseconds` for events; the folders they came from, and whether the
  /// kernel dropped some (then every folder must be looked at).
  mutating func events(waitingMilliseconds milliseconds: Int32) -> (
    paths: [[CChar]], overflowed: Bool
  ) {
    var paths: [[CChar]] = []
    var overflowed = false
    #if os(Linux)
      var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&waiting, 1, milliseconds) > 0 else { return ([], false) }
      var buffer = [UInt8](repeating: 0, count: 64 * 1024)
      while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { break }
        var offset = 0
        buffer.withUnsafeBytes { bytes in
          while offset + MemoryLayout<inotify_event>.size <= count {
            let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
            offset += MemoryLayout<inotify_event>.size + Int(event.len)
            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { overflowed = true }
            if event.mask & UInt32(IN_IGNORED) != 0 {
              if let folder = folders.removeValue(forKey: event.wd) { watched.remove(folder) }
              continue
            }
            if let folder = folders[event.wd], !paths.contains(folder) { paths.append(folder) }
          }
        }
      }
    #endif
    return (paths, overflowed)
  }
}
