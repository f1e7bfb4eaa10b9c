import Foundation
import MarqueeSynthetic
import MarqueeTestSupport
import Testing

@testable import MarqueeCore

/// One file of the cache: what is written is what is read back, in place, and a file
/// damaged in any byte, or cut anywhere, is refused rather than read.
@Suite("Cache segment files")
struct SegmentFileTests {
  /// A loaded corpus and the index segment over all of it.
  private func corpus(_ count: Int) throws -> (TemporaryFolder, [Article], IndexSegment) {
    let folder = try TemporaryFolder()
    try SyntheticCorpus(seed: 7).write(count: count, to: folder.url, perFolder: 10)
    let store = try ArticleStore.load(paths: [folder.path])
    #expect(store.count == count)
    return (folder, store.articles, IndexSegment(articles: store.articles[...], firstDocument: 0))
  }

  private func entries(_ articles: [Article], root: String) -> [SegmentFile.Entry] {
    articles.map {
      SegmentFile.Entry(
        root: 0, relativePath: CachePaths.relative($0.path, to: root)!, article: $0)
    }
  }

  /// Writes a segment file to `path`; its checksum.
  @discardableResult
  private func write(_ entries: [SegmentFile.Entry], _ index: IndexSegment?, to path: String)
    throws -> UInt64
  {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    #expect(descriptor >= 0)
    defer { close(descriptor) }
    return try SegmentFile.write(entries, index: index, to: descriptor)
  }

  @Test func articlesAndIndexComeBackAsTheyWereWritten() throws {
    let (folder, articles, segment) = try corpus(120)
    let file = folder.path("one.seg")
    let checksum = try write(entries(articles, root: folder.path), segment, to: file)
    // Another spelling of the same root gives the same files under it.
    let mapped = try MappedSegment(path: file, rootCount: 1)
    #expect(mapped.checksum == checksum)
    let read = CachedArticles([mapped], roots: [folder.path]).all
    #expect(read == articles)
    #expect(read.map(\.stamp) == articles.map(\.stamp))
    #expect(read.map(\.contentHash) == articles.map(\.contentHash))
    #expect(read.map(\.modified) == articles.map(\.modified))
    #expect(read.map(\.images) == articles.map(\.images))
    // The root spelt with a slash at the end: the loader joins it without another.
    #expect(
      CachedArticles([mapped], roots: [folder.path + "/"]).all.map(\.path) == articles.map(\.path))
    #expect(
      CachedArticles([mapped], roots: ["elsewhere"]).all.map(\.path)
        == articles.map { $0.path.replacingOccurrences(of: folder.path, with: "elsewhere") })
    let index = try #require(mapped.indexSegment(firstDocument: 40))
    #expect(index.firstDocument == 40)
    #expect(Array(index.termBytes) == Array(segment.termBytes))
    #expect(Array(index.termStarts) == Array(segment.termStarts))
    #expect(Array(index.entryStarts) == Array(segment.entryStarts))
    #expect(Array(index.entries) == Array(segment.entries))
    #expect(Array(index.positionStarts) == Array(segment.positionStarts))
    #expect(Array(index.positions) == Array(segment.positions))
    #expect(Array(index.lengths) == Array(segment.lengths))
    #expect(index.storageBytes == 0, "read in place, nothing copied")
  }

  @Test func aFileWithoutItsIndexHoldsTheArticlesAlone() throws {
    let (folder, articles, _) = try corpus(12)
    let file = folder.path("bare.seg")
    try write(entries(articles, root: folder.path), nil, to: file)
    let mapped = try MappedSegment(path: file, rootCount: 1)
    #expect(mapped.indexSegment(firstDocument: 0) == nil)
    #expect(CachedArticles([mapped], roots: [folder.path]).all == articles)
  }

  /// Writes `bytes` to `path` and expects opening it as a segment file to fail.
  private func expectRefused(_ bytes: [UInt8], at path: String, _ what: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(throws: CacheError.self, "\(what)") { try MappedSegment(path: path, rootCount: 1) }
  }

  /// Every byte of the header flipped in turn, and bytes all over the sections: each
  /// is refused, none read as articles.
  @Test func flippedBytesAreRefused() throws {
    let (folder, articles, segment) = try corpus(3)
    let file = folder.path("small.seg")
    try write(entries(articles, root: folder.path), segment, to: file)
    let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
    let damaged = folder.path("damaged.seg")
    var generator = SystemRandomNumberGenerator()
    let body = SegmentFile.align(SegmentFile.headerSize)..<original.count
    let offsets =
      Array(0..<body.lowerBound) + Array(stride(from: body.lowerBound, to: body.upperBound, by: 97))
      + (0..<200).map { _ in Int.random(in: body, using: &generator) } + [original.count - 1]
    for offset in offsets {
      var bytes = original
      bytes[offset] ^= 0x20
      try expectRefused(bytes, at: damaged, "byte \(offset)")
    }
  }

  /// Cut at every section's start and end, and in the header: always refused.
  @Test func aFileCutAnywhereIsRefused() throws {
    let (folder, articles, segment) = try corpus(5)
    let file = folder.path("whole.seg")
    try write(entries(articles, root: folder.path), segment, to: file)
    let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
    var cuts: Set<Int> = [0, 1, 8, 39, SegmentFile.headerSize - 1, original.count - 1]
    original.withUnsafeBytes { bytes in
      var header = ByteReader(bytes)
      _ = header.bytes(40)
      for _ in SegmentFile.Section.allCases {
        let offset = Int(header.number(UInt64.self))
        let count = Int(header.number(UInt64.self))
        cuts.formUnion([offset, offset + count].filter { $0 < original.count })
      }
    }
    #expect(cuts.count > 10)
    let cut = folder.path("cut.seg")
    for length in cuts.sorted() {
      try expectRefused(Array(original[..<length]), at: cut, "cut at \(length)")
    }
  }

  @Test func aFileOfAnotherVersionOrKindIsForeign() throws {
    let (folder, articles, segment) = try corpus(2)
    let file = folder.path("v.seg")
    try write(entries(articles, root: folder.path), segment, to: file)
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
    bytes[8] &+= 1
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    #expect(throws: CacheError.foreignVersion) { try MappedSegment(path: file, rootCount: 1) }
    _ = try folder.write(
      "plain text, not a cache file at all, but long enough to be read", to: "t.seg")
    #expect(throws: CacheError.self) { try MappedSegment(path: folder.path("t.seg"), rootCount: 1) }
  }

  @Test func checksumsFedInPiecesEqualTheWhole() {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let whole = bytes.withUnsafeBytes { Checksum.of($0) }
    for split in [0, 1, 31, 32, 33, 500, 999, 1000] {
      var pieces = Checksum()
      bytes.withUnsafeBytes { all in
        pieces.add(UnsafeRawBufferPointer(rebasing: all[..<split]))
        pieces.add(UnsafeRawBufferPointer(rebasing: all[split...]))
      }
      #expect(pieces.value == whole, "split at \(split)")
    }
    var changed = bytes
    changed[999] ^= 1
    #expect(changed.withUnsafeBytes { Checksum.of($0) } != whole)
    #expect(bytes.dropLast().withUnsafeBytes { Checksum.of($0) } != whole)
  }
}
