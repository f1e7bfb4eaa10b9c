/// The small file that says which segment files make up one library's cache, in order,
/// and what wrote them. It is replaced whole (temporary file and rename) after the
/// segment files it names are in place, so it never names one that is not written yet.
///
/// Layout, little-endian: magic "MARQMAN\n", format version, the build of marquee that
/// wrote it, the load options' fingerprint, when it was written, the roots (canonical
/// paths), then each segment's checksum (its name), size and article count; last, the
/// checksum of all of that.
struct CacheManifest: Sendable, Equatable {
  struct Segment: Sendable, Equatable {
    let checksum: UInt64
    let size: UInt64
    let articles: Int

    var fileName: String { ContentHash.hex(checksum) + ".seg" }
  }

  static let magic: [UInt8] = Array("MARQMAN\n".utf8)
  static let formatVersion: UInt32 = 1

  /// Which marquee wrote it: a cache from another build is rebuilt, as its parser (and
  /// so its articles and index) may differ.
  var build: UInt64
  /// The include globs, size limit and layout additions the articles were loaded with.
  var options: UInt64
  /// Nanoseconds since 1970.
  var written: Int64
  /// The folders and files loaded, as canonical absolute paths.
  var roots: [String]
  var segments: [Segment]

  var articleCount: Int { segments.reduce(0) { $0 + $1.articles } }

  var bytes: [UInt8] {
    var writer = ByteWriter()
    writer.append(Self.magic)
    writer.append(Self.formatVersion)
    writer.append(UInt32(0))
    writer.append(build)
    writer.append(options)
    writer.append(written)
    writer.append(UInt32(roots.count))
    for root in roots {
      writer.append(UInt32(root.utf8.count))
      writer.append(Array(root.utf8))
    }
    writer.append(UInt32(segments.count))
    for segment in segments {
      writer.append(segment.checksum)
      writer.append(segment.size)
      writer.append(UInt64(segment.articles))
    }
    writer.append(writer.bytes.withUnsafeBytes { Checksum.of($0) })
    return writer.bytes
  }

  init(build: UInt64, options: UInt64, written: Int64, roots: [String], segments: [Segment]) {
    (self.build, self.options, self.written) = (build, options, written)
    (self.roots, self.segments) = (roots, segments)
  }

  /// Reads a manifest's bytes, checking its magic, version and checksum.
  init(_ bytes: [UInt8]) throws(CacheError) {
    guard bytes.count >= Self.magic.count + 8 + 8 else { throw .truncated }
    let body = bytes.dropLast(8)
    let stored = bytes.suffix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    let parsed: Result<CacheManifest?, CacheError> = body.withUnsafeBytes { raw in
      var reader = ByteReader(raw)
      guard reader.bytes(Self.magic.count).elementsEqual(Self.magic),
        reader.number(UInt32.self) == Self.formatVersion
      else { return .failure(.foreignVersion) }
      guard Checksum.of(raw) == UInt64(littleEndian: stored) else { return .failure(.checksum) }
      _ = reader.number(UInt32.self)
      let build = reader.number(UInt64.self)
      let options = reader.number(UInt64.self)
      let written = reader.number(Int64.self)
      var roots: [String] = []
      for _ in 0..<min(Int(reader.number(UInt32.self)), reader.remaining) {
        let length = Int(reader.number(UInt32.self))
        roots.append(String(decoding: reader.bytes(length), as: UTF8.self))
      }
      var segments: [Segment] = []
      for _ in 0..<min(Int(reader.number(UInt32.self)), reader.remaining / 24) {
        let checksum = reader.number(UInt64.self)
        let size = reader.number(UInt64.self)
        let articles = reader.number(UInt64.self)
        guard articles <= UInt64(IndexSegment.maxArticles) else { return .success(nil) }
        segments.append(Segment(checksum: checksum, size: size, articles: Int(articles)))
      }
      guard reader.remaining == 0 else { return .success(nil) }
      return .success(
        CacheManifest(
          build: build, options: options, written: written, roots: roots, segments: segments))
    }
    guard let parsed = try parsed.get() else {
      throw .malformed("the manifest does not hold together")
    }
    self = parsed
  }
}
