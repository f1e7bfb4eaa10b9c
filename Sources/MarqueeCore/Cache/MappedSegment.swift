#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A segment file mapped and checked: its header, its checksum over every byte, and
/// that its sections hold together, before anything is read from it. Its articles and
/// its index segment then read their bytes in place.
struct MappedSegment: Sendable {
  let file: MappedFile
  let articleCount: Int
  let hasIndex: Bool
  /// The header's checksum: the file's name.
  let checksum: UInt64
  private let sections: [(offset: Int, count: Int)]

  /// Opens and checks the segment file at `path`, whose articles are under `rootCount`
  /// roots. `checkingBody: false` is for a file this process has just written, and so
  /// checksummed as it wrote it (the file's name is that checksum, which the header's
  /// check still confirms): reading every byte back would only find the same sum.
  init(path: String, rootCount: Int, checkingBody: Bool = true) throws(CacheError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .system("open \(path)", errno) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw .system("examine \(path)", errno) }
    let size = Int(info.st_size)
    guard size >= SegmentFile.align(SegmentFile.headerSize) else { throw .truncated }
    guard let file = MappedFile(descriptor: descriptor, size: size) else {
      throw .system("map \(path)", errno)
    }
    var header = ByteReader(file.bytes)
    guard header.bytes(SegmentFile.magic.count).elementsEqual(SegmentFile.magic),
      header.number(UInt32.self) == SegmentFile.formatVersion
    else { throw .foreignVersion }
    let articleCount = Int(header.number(UInt32.self))
    let flags = header.number(UInt32.self)
    _ = header.number(UInt32.self)
    guard header.number(UInt64.self) == UInt64(size) else { throw .truncated }
    let bodyChecksum = header.number(UInt64.self)
    var sections: [(offset: Int, count: Int)] = []
    for _ in SegmentFile.Section.allCases {
      let offset = header.number(UInt64.self)
      let count = header.number(UInt64.self)
      guard offset <= UInt64(size), count <= UInt64(size) - offset else {
        throw .malformed("a section outside the file")
      }
      sections.append((Int(offset), Int(count)))
    }
    let headerEnd = header.offset
    let checksum = header.number(UInt64.self)
    guard Checksum.of(UnsafeRawBufferPointer(rebasing: file.bytes[0..<headerEnd])) == checksum,
      !checkingBody || Self.checksumOfBody(file) == bodyChecksum
    else { throw .checksum }
    self.file = file
    self.articleCount = articleCount
    hasIndex = flags & 1 != 0
    self.checksum = checksum
    self.sections = sections
    try check(rootCount: rootCount)
  }

  /// The checksum of everything after the header, read a few megabytes at a time, each
  /// stretch let go of once read so that checking a big cache holds little memory.
  private static func checksumOfBody(_ file: MappedFile) -> UInt64 {
    var checksum = Checksum()
    let stretch = 8 << 20
    var start = SegmentFile.align(SegmentFile.headerSize)
    while start < file.size {
      let end = min(file.size, start + stretch)
      checksum.add(UnsafeRawBufferPointer(rebasing: file.bytes[start..<end]))
      file.release(start..<end)
      start = end
    }
    return checksum.value
  }

  /// A section as values of `T`.
  func values<T: BitwiseCopyable>(_ section: SegmentFile.Section, as type: T.Type = T.self)
    -> FlatArray<T>
  {
    let (offset, count) = sections[section.rawValue]
    return FlatArray(mapped: file, offset: offset, count: count / MemoryLayout<T>.stride)
  }

  /// That every section has the size its article count (and term count) gives it, and
  /// that offsets into others ascend and end where those end: what reading in place
  /// relies on. The checksum already vouches for the bytes; this vouches for the writer.
  private func check(rootCount: Int) throws(CacheError) {
    typealias Section = SegmentFile.Section
    let count = articleCount
    guard count <= IndexSegment.maxArticles else { throw .malformed("too many articles") }
    for (section, (offset, _)) in zip(Section.allCases, sections) where offset % 8 != 0 {
      throw .malformed("section \(section) misaligned")
    }
    let sizes: [(Section, Int)] = [
      (.stamps, 32 * count), (.contentHashes, 8 * count), (.counts, 8 * count),
      (.roots, 4 * count), (.pathStarts, 4 * (count + 1)), (.textStarts, 8 * (count + 1)),
    ]
    for (section, size) in sizes where sections[section.rawValue].count != size {
      throw .malformed("section \(section) has the wrong size")
    }
    let roots = values(.roots, as: UInt32.self)
    guard roots.allSatisfy({ Int($0) < rootCount }) else { throw .malformed("unknown root") }
    try Self.checkStarts(
      values(.pathStarts, as: UInt32.self), end: sections[Section.pathBytes.rawValue].count)
    try Self.checkStarts(
      values(.textStarts, as: UInt64.self), end: sections[Section.textBytes.rawValue].count)
    guard hasIndex else { return }
    let termStarts = values(.termStarts, as: UInt32.self)
    guard !termStarts.isEmpty,
      values(.entryStarts, as: UInt32.self).count == termStarts.count,
      values(.positionStarts, as: UInt32.self).count == termStarts.count,
      values(.lengths, as: UInt32.self).count == count * IndexSegment.fieldCount
    else { throw .malformed("index sections of different sizes") }
    try Self.checkStarts(termStarts, end: sections[Section.termBytes.rawValue].count)
    try Self.checkStarts(
      values(.entryStarts, as: UInt32.self),
      end: sections[Section.entries.rawValue].count - VarInt.readPadding)
    try Self.checkStarts(
      values(.positionStarts, as: UInt32.self),
      end: sections[Section.positions.rawValue].count - VarInt.readPadding)
  }

  /// Offsets that start at 0, never go down, and end at `end`.
  private static func checkStarts<T: FixedWidthInteger & BitwiseCopyable>(
    _ starts: FlatArray<T>, end: Int
  ) throws(CacheError) {
    let ascending = starts.withUnsafeBufferPointer { starts in
      guard let last = starts.last, starts[0] == 0, Int(last) == end else { return false }
      for index in starts.indices.dropFirst() where starts[index - 1] > starts[index] {
        return false
      }
      return true
    }
    guard ascending else { throw .malformed("offsets out of order") }
  }
}

/// Little-endian numbers read from bytes, in order.
struct ByteReader {
  private let bytes: UnsafeRawBufferPointer
  private(set) var offset = 0

  init(_ bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  var remaining: Int { bytes.count - offset }

  /// The next `count` bytes (fewer at the end).
  mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer {
    let end = min(bytes.count, offset + max(0, count))
    defer { offset = end }
    return UnsafeRawBufferPointer(rebasing: bytes[offset..<end])
  }

  /// The next number; zero past the end.
  mutating func number<T: FixedWidthInteger>(_ type: T.Type) -> T {
    guard remaining >= MemoryLayout<T>.size else {
      offset = bytes.count
      return 0
    }
    defer { offset += MemoryLayout<T>.size }
    return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
  }
}

extension MappedSegment {
  /// Makes the articles in `buffer` (`articleCount` elements, uninitialized), their text
  /// read in place, each path its root's (as `roots` names them) joined with the path
  /// below it: `CachedArticles` makes a library's side by side this way. Each section is
  /// looked up once, not once per article: a million articles are made at every start.
  func initializeArticles(roots: [String], in buffer: UnsafeMutableBufferPointer<Article>) {
    precondition(buffer.count == articleCount, "one place for each article")
    let stamps = values(.stamps, as: Int64.self)
    let hashes = values(.contentHashes, as: UInt64.self)
    let counts = values(.counts, as: UInt32.self)
    let rootNumbers = values(.roots, as: UInt32.self)
    let pathStarts = values(.pathStarts, as: UInt32.self)
    let pathBytes = values(.pathBytes, as: UInt8.self)
    let textStarts = values(.textStarts, as: UInt64.self)
    let text = values(.textBytes, as: UInt8.self)
    pathBytes.withUnsafeBufferPointer { pathBytes in
      for index in 0..<articleCount {
        let relative = pathBytes[Int(pathStarts[index])..<Int(pathStarts[index + 1])]
        let stamp = FileStamp(
          size: stamps[4 * index], modified: stamps[4 * index + 1],
          device: UInt64(bitPattern: stamps[4 * index + 2]),
          inode: UInt64(bitPattern: stamps[4 * index + 3]))
        (buffer.baseAddress! + index).initialize(
          to: Article(
            path: CachePaths.join(
              roots[Int(rootNumbers[index])], UnsafeBufferPointer(rebasing: relative)),
            stamp: stamp, wordCount: Int(counts[2 * index]),
            imageCount: Int(counts[2 * index + 1]), contentHash: hashes[index],
            packed: PackedFields(
              bytes: text, range: Int(textStarts[index])..<Int(textStarts[index + 1]))))
      }
    }
  }

  /// The index segment over the articles, numbered from `firstDocument`; nil when the
  /// file was written without one.
  func indexSegment(firstDocument: Int) -> IndexSegment? {
    guard hasIndex else { return nil }
    return IndexSegment(
      firstDocument: firstDocument, documentCount: articleCount,
      termBytes: values(.termBytes), termStarts: values(.termStarts),
      entryStarts: values(.entryStarts), entries: values(.entries),
      positionStarts: values(.positionStarts), positions: values(.positions),
      lengths: values(.lengths))
  }
}

/// How the cache names an article's file: by the root it was found under and the path
/// below that root, so that the same folder reached by another spelling (`news`,
/// `./news`, `/home/me/news`) finds the same articles, each path spelt as given now.
enum CachePaths {
  /// The path below `root` of `path` (which the loader named by joining the two).
  static func relative(_ path: String, to root: String) -> [UInt8]? {
    guard path.utf8.starts(with: root.utf8) else { return nil }
    var rest = path.utf8.dropFirst(root.utf8.count)
    if !root.hasSuffix("/") {
      guard rest.isEmpty || rest.first == UInt8(ascii: "/") else { return nil }
      rest = rest.dropFirst()
    }
    return Array(rest)
  }

  /// `root` and a path below it, joined as the loader joins them.
  /// Made in one allocation (a million are made at every start); bytes that are not
  /// UTF-8 are repaired as `String(decoding:)` repairs them.
  static func join(_ root: String, _ relative: UnsafeBufferPointer<UInt8>) -> String {
    guard !relative.isEmpty else { return root }
    let slash = root.utf8.last == UInt8(ascii: "/") ? 0 : 1
    let count = root.utf8.count + slash + relative.count
    return String(unsafeUninitializedCapacity: count) { buffer in
      var end = buffer.initialize(fromContentsOf: root.utf8)
      if slash == 1 {
        buffer[end] = UInt8(ascii: "/")
        end += 1
      }
      let rest = UnsafeMutableBufferPointer(rebasing: buffer[end...])
      return end + rest.initialize(fromContentsOf: relative)
    }
  }
}
