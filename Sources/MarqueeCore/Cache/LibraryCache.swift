import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One library's cache: a folder under the cache folder named by what was loaded (the
/// roots, canonical, and the load options), holding a manifest and the segment files it
/// names.
///
/// Nothing here is ever written in place. Segment files are named by their checksum and
/// written to a temporary name first, then renamed; the manifest is renamed over the old
/// one after them. A process killed at any point leaves the old cache or the new one, and
/// two writing at once each leave a whole cache, the last rename winning. Files no
/// manifest names are removed by a later write once they are a while old, so a reader
/// that has just read the previous manifest still finds its files.
struct LibraryCache: Sendable {
  let folder: String
  /// The canonical roots, in the order the user gave them.
  let roots: [String]
  /// What the options loaded: a cache loaded with other options is another cache.
  let options: UInt64

  static let manifestName = "manifest"
  /// How old a file no manifest names must be before it is removed.
  static let unusedFileAge: Int64 = 10 * 60 * 1_000_000_000

  init(cacheFolder: String, roots: [String], options: LoadOptions) {
    self.roots = roots
    self.options = Self.fingerprint(options)
    var key = ByteWriter()
    for root in roots {
      key.append(Array(root.utf8))
      key.append(UInt8(0))
    }
    key.append(self.options)
    let name = key.bytes.withUnsafeBytes { ContentHash.hex(ContentHash.of($0)) }
    folder = cacheFolder + "/" + name
  }

  private static func fingerprint(_ options: LoadOptions) -> UInt64 {
    let text = "\(options.includeGlobs)\u{0}\(options.maxFileSize)\u{0}\(options.layout)"
    return ContentHash.of(text)
  }

  private var manifestPath: String { folder + "/" + Self.manifestName }

  func path(of segment: CacheManifest.Segment) -> String { folder + "/" + segment.fileName }

  /// The manifest, or nil when there is none yet.
  func readManifest() throws(CacheError) -> CacheManifest? {
    try Self.readManifest(in: folder)
  }

  /// The manifest of the library cached in `folder`, or nil when there is none.
  static func readManifest(in folder: String) throws(CacheError) -> CacheManifest? {
    let bytes: [UInt8]?
    do {
      bytes = try AtomicFile.read(folder + "/" + manifestName)
    } catch {
      throw .io(error.description)
    }
    return try bytes.map { bytes throws(CacheError) in try CacheManifest(bytes) }
  }

  /// A run of consecutive articles of the cache: a segment file there already, or
  /// articles (with their index segment, when there is one) to write as one.
  enum Part: Sendable {
    case written(CacheManifest.Segment)
    case new(ArraySlice<Article>, IndexSegment?)
  }

  /// Writes the new parts' files, in parallel, then the manifest naming every part's
  /// file in order.
  func write(_ parts: [Part], roots: CacheRoots) throws(CacheError) {
    let written = ParallelMap.map(count: parts.count) {
      number -> Result<CacheManifest.Segment, CacheError> in
      switch parts[number] {
      case .written(let segment): return .success(segment)
      case .new(let articles, let index):
        return Result { () throws(CacheError) in
          try writeSegment(articles, index: index, roots: roots)
        }
      }
    }
    var segments: [CacheManifest.Segment] = []
    for result in written { segments.append(try result.get()) }
    try writeManifest(segments)
  }

  /// Writes `articles` (with their index segment, if there is one) as one segment file;
  /// what the manifest will say of it. Each article's path is kept below the root it is
  /// under.
  func writeSegment(_ articles: ArraySlice<Article>, index: IndexSegment?, roots: CacheRoots)
    throws(CacheError) -> CacheManifest.Segment
  {
    var entries: [SegmentFile.Entry] = []
    entries.reserveCapacity(articles.count)
    for article in articles {
      guard let (root, relative) = roots.place(of: article.path) else {
        throw .malformed("\(article.path) is under none of the paths")
      }
      entries.append(SegmentFile.Entry(root: root, relativePath: relative, article: article))
    }
    return try writeSegment(entries, index: index)
  }

  /// Writes `articles` as one segment file, as `writeSegment` does, and maps it back:
  /// what a first load keeps in place of the articles it read, their text and index
  /// then read in place. The body is not read back to check it (this process has just
  /// summed it as it wrote it); the header, and that it names the file, are.
  func writeAndMap(_ articles: ArraySlice<Article>, index: IndexSegment?, roots: CacheRoots)
    throws(CacheError) -> (file: MappedSegment, segment: CacheManifest.Segment)
  {
    let segment = try writeSegment(articles, index: index, roots: roots)
    let file = try MappedSegment(
      path: path(of: segment), rootCount: roots.canonical.count, checkingBody: false)
    guard file.checksum == segment.checksum else { throw .checksum }
    return (file, segment)
  }

  /// Puts a manifest naming `segments`, in order, in place of the last one.
  func writeManifest(_ segments: [CacheManifest.Segment]) throws(CacheError) {
    try writeManifest(
      CacheManifest(
        build: Self.build, options: options,
        written: Int64(Date().timeIntervalSince1970 * 1e9), roots: self.roots,
        segments: segments))
  }

  /// Writes one segment file under its checksum's name; what the manifest will say of it.
  private func writeSegment(_ entries: [SegmentFile.Entry], index: IndexSegment?) throws(CacheError)
    -> CacheManifest.Segment
  {
    try makeFolder()
    let temporary = Self.temporaryName(in: folder)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw .system("write \(temporary)", errno) }
    let checksum: UInt64
    do {
      checksum = try SegmentFile.write(entries, index: index, to: descriptor)
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    var info = stat()
    fstat(descriptor, &info)
    close(descriptor)
    let segment = CacheManifest.Segment(
      checksum: checksum, size: UInt64(info.st_size), articles: entries.count)
    guard rename(temporary, path(of: segment)) == 0 else {
      let failure = errno
      unlink(temporary)
      throw .system("write \(path(of: segment))", failure)
    }
    return segment
  }

  /// Puts `manifest` in place of the last one, then removes files no manifest names
  /// that are old enough.
  private func writeManifest(_ manifest: CacheManifest) throws(CacheError) {
    try makeFolder()
    do {
      try AtomicFile.write(
        manifest.bytes, to: manifestPath, temporary: Self.temporaryName(in: folder))
    } catch {
      throw .io(error.description)
    }
    removeUnusedFiles(keeping: Set(manifest.segments.map(\.fileName)))
  }

  private func removeUnusedFiles(keeping names: Set<String>) {
    guard let listing = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return
    }
    let now = Int64(Date().timeIntervalSince1970 * 1e9)
    for name in listing where name != Self.manifestName && !names.contains(name) {
      var info = stat()
      let path = folder + "/" + name
      guard lstat(path, &info) == 0 else { continue }
      let modified = FileStamp(info).modified
      if now - modified > Self.unusedFileAge { unlink(path) }
    }
  }

  private func makeFolder() throws(CacheError) {
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw .io("cannot make \(folder): \(error.localizedDescription)")
    }
  }

  /// A name no other writer uses: the process, a counter and chance.
  private static func temporaryName(in folder: String) -> String {
    folder + "/.tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
  }
}
