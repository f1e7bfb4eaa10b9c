import Foundation
import MarqueeSynthetic
import MarqueeTestSupport
import Testing

@testable import MarqueeCore

/// A segment made again from its old postings (`SegmentPatch.swift`) after articles
/// were edited, added or removed is the segment a fresh build over the same articles
/// gives, every array byte for byte, so a cached library's answers cannot drift from a
/// fresh load's.
@Suite("Index segments made again from their old postings")
struct SegmentPatchTests {
  /// 150 loaded articles: the first 120 make the old segment, the rest stand in for
  /// files edited or added since.
  private static func corpus() throws -> (TemporaryFolder, [Article]) {
    let folder = try TemporaryFolder()
    try SyntheticCorpus(seed: 23).write(count: 150, to: folder.url, perFolder: 30)
    let store = try ArticleStore.load(paths: [folder.path])
    #expect(store.count == 150)
    return (folder, store.articles)
  }

  /// Each array compared whole, and a difference named rather than printed (a printed
  /// diff of arrays this long takes the test library minutes).
  private func expectSame(
    _ patched: IndexSegment, _ built: IndexSegment,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let differing = [
      (
        "documents",
        [patched.firstDocument, patched.documentCount] == [
          built.firstDocument, built.documentCount,
        ]
      ),
      ("termBytes", Array(patched.termBytes) == Array(built.termBytes)),
      ("termStarts", Array(patched.termStarts) == Array(built.termStarts)),
      ("entryStarts", Array(patched.entryStarts) == Array(built.entryStarts)),
      ("entries", Array(patched.entries) == Array(built.entries)),
      ("positionStarts", Array(patched.positionStarts) == Array(built.positionStarts)),
      ("positions", Array(patched.positions) == Array(built.positions)),
      ("lengths", Array(patched.lengths) == Array(built.lengths)),
    ].filter { !$0.1 }.map(\.0)
    #expect(differing == [], sourceLocation: sourceLocation)
  }

  /// Patches `old` (over `articles[0..<120]`) into a segment over `picks`: each an old
  /// article's number below 120, or an article to tokenize at or above it.
  private func patch(_ articles: [Article], _ old: IndexSegment, picks: [Int]) {
    let chosen = picks.map { articles[$0] }
    let origins = picks.map { $0 < 120 ? $0 : nil }
    let patched = IndexSegment(
      articles: chosen[...], firstDocument: 300, reusing: old, origins: origins)
    expectSame(patched, IndexSegment(articles: chosen[...], firstDocument: 300))
  }

  @Test func aPatchedSegmentIsTheSegmentAFreshBuildGives() throws {
    let (_, articles) = try Self.corpus()
    let old = IndexSegment(articles: articles[0..<120], firstDocument: 0)
    // Nothing changed; one article edited in the middle; one added at each end; the
    // last removed; every article replaced; all removed but one.
    patch(articles, old, picks: Array(0..<120))
    patch(articles, old, picks: Array(0..<60) + [120] + Array(61..<120))
    patch(articles, old, picks: [121] + Array(0..<120) + [122])
    patch(articles, old, picks: Array(0..<119))
    patch(articles, old, picks: Array(120..<150))
    patch(articles, old, picks: [77])
    // Random edits: old articles dropped, others kept in order, new ones slipped in.
    var generator = SeededGenerator(seed: 5)
    for _ in 0..<20 {
      var fresh = Array(120..<150).shuffled(using: &generator).prefix(
        Int.random(in: 0...8, using: &generator))
      var picks: [Int] = []
      for number in 0..<120 {
        if !fresh.isEmpty && Int.random(in: 0..<10, using: &generator) == 0 {
          picks.append(fresh.removeFirst())
        }
        if Int.random(in: 0..<8, using: &generator) != 0 { picks.append(number) }
      }
      patch(articles, old, picks: picks + fresh)
    }
  }

  @Test func aPatchReadsTheOldPostingsFromACacheFile() throws {
    let (folder, articles) = try Self.corpus()
    let built = IndexSegment(articles: articles[0..<120], firstDocument: 0)
    let entries = articles[0..<120].map {
      SegmentFile.Entry(
        root: 0, relativePath: CachePaths.relative($0.path, to: folder.path)!, article: $0)
    }
    let path = folder.path("old.seg")
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    #expect(descriptor >= 0)
    _ = try SegmentFile.write(entries, index: built, to: descriptor)
    close(descriptor)
    let mapped = try #require(
      try MappedSegment(path: path, rootCount: 1).indexSegment(firstDocument: 9))
    patch(articles, mapped, picks: Array(0..<30) + [140] + Array(31..<120))
  }
}
