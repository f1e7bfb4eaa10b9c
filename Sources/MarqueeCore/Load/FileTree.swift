#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file found while walking the paths a user gave, ready to be read.
struct FileCandidate: Sendable {
  /// The path as the user will see it.
  fileprivate(set) var displayPath: String
  /// The exact bytes of the path, NUL-terminated: file names need not be UTF-8, and a
  /// repaired name would not open.
  fileprivate(set) var systemPath: [CChar]
  /// The file's identity when the walk examined it; nil for a file the directory listing
  /// already showed to be regular, which the loader identifies when it opens it.
  let identity: FileIdentity?
  /// What the file looked like, when the walk was asked to look (`FileTree.stamping`).
  var stamp: FileStamp? = nil
  /// The folder (`FileTree.directories`) whose listing showed it, while its path (for
  /// now only its name) and its stamp are still to be made; -1 otherwise.
  var folder: Int32 = -1
}

/// Why a path given on the command line cannot be loaded at all.
public enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
  case missingPath(String)
  case unreadablePath(String, reason: String)

  public var description: String {
    switch self {
    case .missingPath(let path): "no such file or directory: \(path)"
    case .unreadablePath(let path, let reason): "cannot read \(path): \(reason)"
    }
  }
}

/// Finds the article files under the paths a user gave.
///
/// Uses `readdir` and `stat` directly: they are several times cheaper than
/// `FileManager`'s enumerator on large trees, and they let us see FIFOs, devices and
/// symbolic links for what they are before anything is opened. Entries the listing shows
/// to be regular files are not even examined here: a `stat` for each of 100k files was
/// most of the walk, and the loader's `fstat` on the open file gives the same facts (size
/// and identity) in parallel. Hidden entries are skipped inside directories; a directory
/// reached twice (a symlink loop, or the same folder named twice) is walked once; nothing
/// is ever opened for reading here. A file reached twice is a candidate twice: the loader
/// keeps the first, by identity.
struct FileTree: Sendable {
  let includeGlobs: [String]

  private(set) var candidates: [FileCandidate] = []
  private(set) var skipped: [SkippedFile] = []
  /// Files met, counting a file reached twice each time (the loader takes duplicates off).
  private(set) var filesSeen = 0
  /// Regular, visible files inside folders that no include glob matched: not met, so not
  /// in `filesSeen`, but counted so a folder that loads nothing can say why. Told from
  /// the directory listing's entry type (or the `stat` a link or an unknown type gets
  /// anyway), never from a `stat` of its own.
  private(set) var ignoredFiles = 0
  /// Every folder walked, as NUL-terminated bytes: what a watcher watches.
  private(set) var directories: [[CChar]] = []
  private var visitedDirectories = Set<FileIdentity>()
  /// Candidates before this one have their paths (`completeListedFiles`).
  private var completed = 0

  /// Whether every file found is examined for its stamp (as the walk completes its
  /// listed files): what a start from the cache compares with the cache's, in place of
  /// reading the files.
  let stamping: Bool

  /// For each include glob that is `*` and a plain ending (`*.txt`), that ending's bytes:
  /// matched by comparing the name's end rather than by `fnmatch`, for a million names.
  private let includeEndings: [[CChar]?]

  init(includeGlobs: [String], stamping: Bool = false) {
    self.includeGlobs = includeGlobs
    includeEndings = includeGlobs.map { glob in
      let ending = glob.utf8.dropFirst()
      guard glob.utf8.first == UInt8(ascii: "*"),
        !ending.contains(where: { "*?[\\".utf8.contains($0) })
      else { return nil }
      return ending.map { CChar(bitPattern: $0) }
    }
    self.stamping = stamping
  }

  /// Adds one path from the command line. A file named here is always a candidate,
  /// whatever `--include` says.
  ///
  /// A path named here that is not a file of text or a folder (a FIFO, a socket, a
  /// device), or that cannot be read, fails the whole command with its reason: inside a
  /// folder such entries are skipped, but a path the user typed is a mistake to report.
  mutating func add(path: String) throws(LoadError) {
    let info = try Self.examine(path)
    let systemPath = ArgumentBytes.systemPath(for: path)
    let display = ArgumentBytes.display(for: path)
    if isDirectory(info) {
      guard access(systemPath, R_OK | X_OK) == 0 else {
        throw .unreadablePath(display, reason: errorText(errno))
      }
      walk(directory: systemPath, info: info)
    } else {
      guard isRegularFile(info) else {
        throw .unreadablePath(
          display, reason: SkipReason.notRegularFile(kind: kind(of: info)).description)
      }
      guard access(systemPath, R_OK) == 0 else {
        throw .unreadablePath(display, reason: errorText(errno))
      }
      consider(file: systemPath, displayPath: display, info: info)
    }
  }

  /// Walks a folder met before (by a watcher, again): false when it is no longer one.
  mutating func addFolder(systemPath: [CChar]) -> Bool {
    var info = stat()
    guard stat(systemPath, &info) == 0, isDirectory(info) else { return false }
    walk(directory: systemPath, info: info)
    return true
  }

  /// What a path from the command line is, or why it cannot be loaded at all.
  static func examine(_ path: String) throws(LoadError) -> stat {
    var info = stat()
    let systemPath = ArgumentBytes.systemPath(for: path)
    guard stat(systemPath, &info) == 0 else {
      let error = errno
      let display = ArgumentBytes.display(for: path)
      if error == ENOENT || error == ENOTDIR {
        var linkInfo = stat()
        if lstat(systemPath, &linkInfo) == 0 {
          throw .unreadablePath(display, reason: SkipReason.danglingSymlink.description)
        }
        throw .missingPath(display)
      }
      throw .unreadablePath(display, reason: errorText(error))
    }
    return info
  }

  private mutating func walk(directory root: [CChar], info rootInfo: stat) {
    visitedDirectories.insert(FileIdentity(rootInfo))
    var pending: [(path: [CChar], ancestors: Set<FileIdentity>)] = [
      (root, [FileIdentity(rootInfo)])
    ]
    while let (directory, ancestors) = pending.popLast() {
      directories.append(directory)
      guard let entries = listDirectory(directory) else { continue }
      // Entries are examined relative to the open directory: the kernel then resolves one
      // name rather than the whole path, which was most of the walk's time on big trees.
      let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      defer { if directoryDescriptor >= 0 { close(directoryDescriptor) } }
      // Files are met in the order of their names, as a fresh load and the cache hold
      // them; folders are stacked in reverse below, so they too are walked in order.
      var folders: [(path: [CChar], ancestors: Set<FileIdentity>)] = []
      defer { pending += folders.reversed() }
      for (name, type) in entries {
        if type == DT_REG {
          guard matchesInclude(name) else {
            ignoredFiles += 1
            continue
          }
          // Its path is made, with the others', once the walk is over.
          addCandidate(name, displayPath: "", nil, listedIn: Int32(directories.count - 1))
          continue
        }
        let childPath = Self.join(directory, name)
        let displayPath = displayString(childPath)
        var info = stat()
        guard examine(name, in: directoryDescriptor, path: childPath, &info) == 0 else {
          let error = errno
          if matchesInclude(name) || error == ELOOP {
            filesSeen += 1
            let reason: SkipReason =
              error == ELOOP
              ? .symlinkLoop : error == ENOENT ? .danglingSymlink : .unreadable(errorText(error))
            skipped.append(SkippedFile(path: displayPath, reason: reason))
          }
          continue
        }
        if isDirectory(info) {
          let identity = FileIdentity(info)
          if ancestors.contains(identity) {
            // Counted like any other entry that is skipped, so the report adds up.
            filesSeen += 1
            skipped.append(SkippedFile(path: displayPath, reason: .symlinkLoop))
          } else if visitedDirectories.insert(identity).inserted {
            folders.append((childPath, ancestors.union([identity])))
          }
        } else if matchesInclude(name) {
          consider(file: childPath, displayPath: displayPath, info: info)
        } else if isRegularFile(info) {
          ignoredFiles += 1
        }
      }
    }
    completeListedFiles()
  }

  /// Makes the path of every file a listing showed to be regular (and, `stamping`, its
  /// stamp), folder by folder on all cores: the walk itself only lists folders. A stamp
  /// is taken relative to the open folder (one name for the kernel to resolve).
  private mutating func completeListedFiles() {
    var runs: [Range<Int>] = []
    var start = completed
    for index in candidates.indices[completed...].dropFirst() + [candidates.count]
    where index == candidates.count || candidates[index].folder != candidates[start].folder
      || index - start == Self.filesPerTask
    {
      if start < candidates.count, candidates[start].folder >= 0 { runs.append(start..<index) }
      start = index
    }
    completed = candidates.count
    let (directories, stamping) = (directories, stamping)
    ParallelMap.update(&candidates, runs: runs) { candidates, run in
      let directory = directories[Int(candidates[run.lowerBound].folder)]
      let folder = stamping ? open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1
      defer { if folder >= 0 { close(folder) } }
      for index in run {
        let name = candidates[index].systemPath
        let path = Self.join(directory, name)
        if stamping {
          var info = stat()
          let found = name.withUnsafeBufferPointer { name in
            folder >= 0 ? fstatat(folder, name.baseAddress!, &info, 0) : stat(path, &info)
          }
          candidates[index].stamp = found == 0 && isRegularFile(info) ? FileStamp(info) : nil
        }
        candidates[index].displayPath = displayString(path)
        candidates[index].systemPath = path
        candidates[index].folder = -1
      }
    }
  }

  /// Files whose paths one worker makes at a time at most.
  private static let filesPerTask = 2048

  /// `stat` of a directory entry (following links), relative to the open directory when
  /// there is one, else by its whole path. Returns the call's status; errno says why.
  private func examine(
    _ name: [CChar], in directory: Int32, path: [CChar], _ info: inout stat
  ) -> Int32 {
    guard directory >= 0 else { return stat(path, &info) }
    return name.withUnsafeBufferPointer { fstatat(directory, $0.baseAddress!, &info, 0) }
  }

  /// Sorted names of a directory's visible entries (NUL-terminated, ready for the calls
  /// that take them) with their types as the listing gives them (`DT_REG`, `DT_DIR`, …,
  /// or `DT_UNKNOWN`), or nil (and a skip) if unreadable.
  private mutating func listDirectory(_ directory: [CChar]) -> [(name: [CChar], type: Int)]? {
    guard let handle = opendir(directory) else {
      filesSeen += 1
      skipped.append(
        SkippedFile(path: displayString(directory), reason: .unreadable(errorText(errno))))
      return nil
    }
    defer { closedir(handle) }
    var entries: [(name: [CChar], type: Int)] = []
    // `dirent` records are only as long as their name: copying the whole `d_name`
    // field (256 bytes) reads past the end of the last record in readdir's buffer
    // (AddressSanitizer caught it), so the name is read in place, up to its NUL.
    let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    while let entry = readdir(handle) {
      let start = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self)
      let name = Array(UnsafeBufferPointer(start: start, count: strlen(start) + 1))
      if name.first == CChar(UInt8(ascii: ".")) { continue }
      entries.append((name, Int(entry.pointee.d_type)))
    }
    // Byte by byte, unsigned (`strcmp`): the order of the names' bytes, as the paths'
    // UTF-8 sorts.
    return entries.sorted { first, second in
      first.name.withUnsafeBufferPointer { first in
        second.name.withUnsafeBufferPointer { strcmp(first.baseAddress!, $0.baseAddress!) < 0 }
      }
    }
  }

  private mutating func consider(
    file path: [CChar], displayPath: String, info: stat
  ) {
    guard isRegularFile(info) else {
      filesSeen += 1
      skipped.append(SkippedFile(path: displayPath, reason: .notRegularFile(kind: kind(of: info))))
      return
    }
    addCandidate(path, displayPath: displayPath, FileIdentity(info))
    if stamping { candidates[candidates.count - 1].stamp = FileStamp(info) }
  }

  /// A regular file for the loader, which checks its size when it opens it. One a
  /// folder's listing showed (`listedIn` that folder) has only its name in `path` until
  /// `completeListedFiles` makes the rest.
  private mutating func addCandidate(
    _ path: [CChar], displayPath: String, _ identity: FileIdentity?, listedIn folder: Int32 = -1
  ) {
    filesSeen += 1
    candidates.append(
      FileCandidate(
        displayPath: displayPath, systemPath: path, identity: identity, folder: folder))
  }

  /// Whether a NUL-terminated name matches an include glob.
  private func matchesInclude(_ name: [CChar]) -> Bool {
    name.withUnsafeBufferPointer { namePointer in
      let length = namePointer.count - 1
      return zip(includeGlobs, includeEndings).contains { glob, ending in
        guard let ending else { return fnmatch(glob, namePointer.baseAddress!, 0) == 0 }
        return length >= ending.count
          && namePointer[(length - ending.count)..<length].elementsEqual(ending)
      }
    }
  }

  /// `directory/name` (both NUL-terminated) as NUL-terminated bytes; no doubled slash
  /// after a trailing one.
  private static func join(_ directory: [CChar], _ name: [CChar]) -> [CChar] {
    let slash = CChar(UInt8(ascii: "/"))
    let base = directory.count - 1
    let gap = base > 0 && directory[base - 1] == slash ? 0 : 1
    // One allocation: a walk makes one of these for every file.
    return [CChar](unsafeUninitializedCapacity: base + gap + name.count) { buffer, count in
      var end = buffer.initialize(fromContentsOf: directory[..<base])
      if gap == 1 {
        buffer[end] = slash
        end += 1
      }
      count =
        end
        + UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(
          fromContentsOf: name)
    }
  }
}

/// Identifies a file or directory independently of the path that reached it.
struct FileIdentity: Hashable, Sendable {
  let device: UInt64
  let inode: UInt64

  init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }

  /// The file an article was read from, as its stamp says.
  init(_ stamp: FileStamp) {
    device = stamp.device
    inode = stamp.inode
  }
}

func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
func isRegularFile(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }

/// A short name for a file type that is not a regular file or directory.
func kind(of info: stat) -> String {
  switch info.st_mode & S_IFMT {
  case S_IFIFO: "FIFO"
  case S_IFSOCK: "socket"
  case S_IFCHR: "character device"
  case S_IFBLK: "block device"
  case S_IFDIR: "directory"
  default: "special file"
  }
}

/// The C library's message for an errno value.
func errorText(_ code: Int32) -> String {
  String(cString: strerror(code))
}
