#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One file of the cache: a run of consecutive articles (in path order), their packed
/// text, and the index segment over them, laid out so that all of it is read in place
/// from a mapping (`FlatArray`).
///
/// Layout, little-endian, every section 8-byte aligned:
///
///     header   magic "MARQSEG\n", format version, article count, whether the index is
///              there, file size, the checksum of everything after the header, and the
///              offset and length of each section; then the header's own checksum
///     sections in `Section` order: per article its file stamp, content hash, word and
///              image counts, root and path (relative to the root), text; then the
///              seven arrays of `IndexSegment` (empty when the index is not there)
///
/// A file is written whole to a temporary name and renamed (`CacheFolder`); the name is
/// its checksum, so a file is never changed in place and a damaged one never matches
/// its name or the manifest.
enum SegmentFile {
  static let magic: [UInt8] = Array("MARQSEG\n".utf8)
  /// Bumped whenever the layout or the meaning of a section changes.
  static let formatVersion: UInt32 = 1

  enum Section: Int, CaseIterable {
    /// `Int64` × 4 per article: size, modification time (ns), device, inode.
    case stamps
    /// `UInt64` per article: `Article.contentHash`.
    case contentHashes
    /// `UInt32` × 2 per article: words, images.
    case counts
    /// `UInt32` per article: which of the cache's roots the file is under.
    case roots
    /// `UInt32` × (articles + 1): where each relative path starts in `pathBytes`.
    case pathStarts
    case pathBytes
    /// `UInt64` × (articles + 1): where each article's packed fields start.
    case textStarts
    case textBytes
    case termBytes, termStarts, entryStarts, entries, positionStarts, positions, lengths
  }

  /// magic, version, article count, index flag, file size, body checksum, sections, own
  /// checksum.
  static let headerSize = 8 + 4 + 4 + 4 + 4 + 8 + 8 + Section.allCases.count * 16 + 8

  /// What a segment file holds for one article, besides its text.
  struct Entry {
    let root: Int
    /// The path below the root (no leading `/`; empty when the root is the file).
    let relativePath: [UInt8]
    let article: Article
  }
}

extension SegmentFile {
  /// Writes the file for `entries` (whose articles carry stamps) and, when given, the
  /// index segment built over exactly those articles, to `descriptor` (a new, empty
  /// file); its checksum, which names it.
  ///
  /// Big sections go out straight from where they are (the index's arrays) or through
  /// a small buffer (the articles' text), so writing a million articles' cache copies
  /// their text once, not three times.
  static func write(_ entries: [Entry], index: IndexSegment?, to descriptor: Int32)
    throws(CacheError) -> UInt64
  {
    var output = SectionOutput(descriptor: descriptor, start: align(headerSize))
    var sections: [(offset: Int, count: Int)] = []
    func section(_ body: (inout SectionOutput) -> Void) {
      let start = output.offset
      body(&output)
      sections.append((start, output.offset - start))
      output.pad()
    }
    func numbers<T: FixedWidthInteger>(_ values: some Sequence<T>) {
      section { output in for value in values { output.append(value) } }
    }
    func array<T: FixedWidthInteger>(_ values: FlatArray<T>?) {
      section { output in
        values?.withUnsafeBufferPointer { output.append(UnsafeRawBufferPointer($0)) }
      }
    }
    let stamps = entries.map {
      $0.article.stamp ?? FileStamp(size: -1, modified: 0, device: 0, inode: 0)
    }
    numbers(
      stamps.lazy.flatMap { stamp in
        [
          stamp.size, stamp.modified, Int64(bitPattern: stamp.device),
          Int64(bitPattern: stamp.inode),
        ]
      })
    numbers(entries.lazy.map(\.article.contentHash))
    numbers(entries.lazy.flatMap { [UInt32($0.article.wordCount), UInt32($0.article.imageCount)] })
    numbers(entries.lazy.map { UInt32($0.root) })
    numbers(Self.starts(entries.map { UInt32($0.relativePath.count) }))
    section { output in
      for entry in entries { entry.relativePath.withUnsafeBytes { output.append($0) } }
    }
    numbers(Self.starts(entries.map { UInt64($0.article.packed.withPieceBytes(\.count)) }))
    section { output in
      for entry in entries {
        entry.article.packed.withPieceBytes { output.append(UnsafeRawBufferPointer($0)) }
      }
    }
    array(index?.termBytes)
    array(index?.termStarts)
    array(index?.entryStarts)
    array(index?.entries)
    array(index?.positionStarts)
    array(index?.positions)
    array(index?.lengths)
    output.flush()

    var header = ByteWriter()
    header.append(magic)
    header.append(formatVersion)
    header.append(UInt32(entries.count))
    header.append(UInt32(index != nil ? 1 : 0))
    header.append(UInt32(0))
    header.append(UInt64(output.offset))
    header.append(output.checksum.value)
    for (offset, count) in sections {
      header.append(UInt64(offset))
      header.append(UInt64(count))
    }
    let headerChecksum = header.bytes.withUnsafeBytes { Checksum.of($0) }
    header.append(headerChecksum)
    header.bytes += [UInt8](repeating: 0, count: align(headerSize) - header.bytes.count)
    header.bytes.withUnsafeBytes { output.write($0, at: 0) }
    if let failure = output.failure { throw failure }
    return headerChecksum
  }

  /// Running totals from 0: where each of a run of pieces starts, then where the last
  /// ends.
  private static func starts<T: FixedWidthInteger>(_ sizes: [T]) -> [T] {
    var total: T = 0
    return [0]
      + sizes.map { size in
        total += size
        return total
      }
  }

  static func align(_ offset: Int) -> Int { (offset + 7) & ~7 }
}

/// Little-endian numbers appended to bytes.
struct ByteWriter {
  var bytes: [UInt8] = []

  mutating func append(_ raw: [UInt8]) { bytes += raw }

  mutating func append<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }
}

/// Sections written out through a buffer, checksummed as they go. The first failure
/// to write is kept (and later writes skipped) for the writer to throw at the end.
struct SectionOutput {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  /// Where the next byte lands in the file.
  private(set) var offset: Int
  private(set) var checksum = Checksum()
  private(set) var failure: CacheError?
  private static let bufferSize = 1 << 20

  init(descriptor: Int32, start: Int) {
    self.descriptor = descriptor
    offset = start
    buffer.reserveCapacity(Self.bufferSize)
  }

  mutating func append<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.littleEndian) { append($0) }
  }

  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    if buffer.count + bytes.count > Self.bufferSize { flush() }
    if bytes.count >= Self.bufferSize {
      checksum.add(bytes)
      write(bytes, at: offset)
    } else {
      buffer += bytes
    }
    offset += bytes.count
  }

  /// Zeros up to the next multiple of 8.
  mutating func pad() {
    [UInt8](repeating: 0, count: SegmentFile.align(offset) - offset).withUnsafeBytes { append($0) }
  }

  mutating func flush() {
    guard !buffer.isEmpty else { return }
    let start = offset - buffer.count
    // Swapped out, so the buffer's bytes are read while `self` is written to.
    var pending: [UInt8] = []
    swap(&pending, &buffer)
    pending.withUnsafeBytes { bytes in
      checksum.add(bytes)
      write(bytes, at: start)
    }
    pending.removeAll(keepingCapacity: true)
    swap(&pending, &buffer)
  }

  /// `bytes` at `offset` in the file, whole (unless an earlier write failed).
  mutating func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
    var done = 0
    while failure == nil, done < bytes.count {
      let count = pwrite(
        descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
      if count < 0 {
        if errno != EINTR { failure = .system("write the cache", errno) }
        continue
      }
      done += count
    }
  }
}
