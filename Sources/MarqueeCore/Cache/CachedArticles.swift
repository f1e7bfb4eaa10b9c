/// The articles of a library's cached segment files, in order, in one array made in
/// place on all cores (`ParallelMap.joined`): a start where nothing changed takes that
/// array whole, with no copy, and a refresh reads each segment's run of it.
struct CachedArticles: Sendable {
  /// Every segment's articles, one segment after another.
  let all: [Article]
  /// Where each segment's run starts in `all`, and where the last one ends.
  private let starts: [Int]

  /// The articles of `files`, each path its root's (as `roots` names them) joined with
  /// the path below it.
  init(_ files: [MappedSegment], roots: [String]) {
    let counts = files.map(\.articleCount)
    all = ParallelMap.joined(counts: counts) { number, place in
      files[number].initializeArticles(roots: roots, in: place)
    }
    starts = counts.reduce(into: [0]) { starts, count in starts.append(starts.last! + count) }
  }

  var segmentCount: Int { starts.count - 1 }

  /// Where `segment`'s articles are in `all`.
  func range(of segment: Int) -> Range<Int> { starts[segment]..<starts[segment + 1] }

  func count(of segment: Int) -> Int { range(of: segment).count }

  /// `segment`'s article at `position` (from 0).
  subscript(segment: Int, position: Int) -> Article { all[starts[segment] + position] }
}
