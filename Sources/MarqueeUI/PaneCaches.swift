import MarqueeCore

/// The selected article laid out for the detail pane, with its search's matches, and
/// what it was laid out for (article id, width).
struct DetailCache: Sendable {
  let document: Int
  let width: Int
  var layout: DetailDocument
  var matches: DetailMatches
  /// The match `n` / `N` last stepped to, marked on screen.
  var current: MatchSpot?

  func isFor(_ document: Int, width: Int) -> Bool {
    self.document == document && self.width == width
  }

  /// Whether lines are left to lay out or to look through for matches.
  var isWorking: Bool { !matches.isComplete(in: layout) }

  /// A step of the work left: lines laid out, then looked through for matches.
  mutating func step() {
    if !layout.isComplete { layout.layOut(moreLines: DetailDocument.step) }
    matches.scan(layout, moreLines: DetailDocument.step)
  }

  /// The first line after `line` with a match, laying out as far as it takes.
  mutating func firstMatch(after line: Int) -> Int? {
    while true {
      if let found = matches.firstMatch(after: line, in: layout) { return found }
      guard !layout.isComplete else { return nil }
      layout.layOut(moreLines: DetailDocument.step)
    }
  }

  /// The last line before `line` with a match.
  mutating func lastMatch(before line: Int) -> Int? {
    matches.lastMatch(before: line, in: layout)
  }

  /// Whether the article has a match anywhere, laying it all out and looking at every
  /// line if need be.
  mutating func hasAnyMatch() -> Bool {
    firstMatch(after: -1) != nil
  }

  /// The match after (or before) the current one: the next on its line, else the first
  /// (last) on the next (previous) line with one. With no current match on screen (lines
  /// `shown`), from the screen: the first match on it or below going forward, the last
  /// on it or above going back.
  mutating func step(forward: Bool, shown: Range<Int>) -> MatchSpot? {
    let from = current.flatMap { shown.contains($0.line) ? $0 : nil }
    if forward {
      if let from, from.index + 1 < matches.count(ofLine: from.line, in: layout) {
        return MatchSpot(line: from.line, index: from.index + 1)
      }
      return firstMatch(after: from?.line ?? shown.lowerBound - 1).map {
        MatchSpot(line: $0, index: 0)
      }
    }
    if let from, from.index > 0 { return MatchSpot(line: from.line, index: from.index - 1) }
    return lastMatch(before: from?.line ?? shown.upperBound).map {
      MatchSpot(line: $0, index: matches.count(ofLine: $0, in: layout) - 1)
    }
  }

  /// Which match `spot` is, from 1, and how many there are (nil until the article is all
  /// laid out and looked through).
  mutating func ordinal(of spot: MatchSpot) -> (number: Int, total: Int?) {
    (matches.count(before: spot.line, in: layout) + spot.index + 1, matches.total(in: layout))
  }
}

/// A match in a laid-out article: its line, and which of the line's matches (from 0).
struct MatchSpot: Sendable, Hashable {
  let line: Int
  let index: Int
}

/// The gallery pane laid out, and for which article (id) and
/// width.
struct GalleryCache: Sendable {
  let document: Int?
  let width: Int
  var layout: GalleryDocument
}

extension ReaderState {
  /// The selected article laid out at the detail pane's current width (from the cache
  /// when it is for the same article and width), as far as it is laid out.
  public var detailDocument: DetailDocument? { currentDetailCache?.layout }

  /// The selected article's search matches, as far as they are looked for.
  public var detailMatches: DetailMatches? { currentDetailCache?.matches }

  /// Whether the selected article is not all laid out (or looked through for matches)
  /// yet: `Action.layoutStep` does more.
  public var isLayingOut: Bool { detailCache?.isWorking ?? false }

  /// Keeps the selected article's layout for as long as it stays selected at the same
  /// width (wrapping a long article is the costliest step of a frame), and lays it out
  /// as far as the pane shows and a screen beyond; the rest is laid out a step at a
  /// time (`Action.layoutStep`), or when a key needs it (`G`, `n`). A new search only
  /// starts looking for its matches again.
  mutating func refreshDetailCache() {
    detailCache = currentDetailCache
    let wanted = linesWanted
    detailCache?.layout.layOut(throughLine: wanted)
  }

  /// The kept layout if it still fits the selection and width, else a new one laid out
  /// as far as `linesWanted`.
  var currentDetailCache: DetailCache? {
    guard let document = selectedDocument else { return nil }
    if var cache = detailCache, cache.isFor(document, width: detailWidth) {
      // A new search keeps the layout: it marks words, it moves no line break.
      if cache.matches.terms != highlightTerms {
        cache.matches = DetailMatches(terms: highlightTerms)
        cache.current = nil
      }
      return cache
    }
    return DetailCache(
      document: document, width: detailWidth,
      layout: DetailDocument(
        article: store[document], width: detailWidth, lines: linesWanted + 1),
      matches: DetailMatches(terms: highlightTerms))
  }

  private var detailWidth: Int { ReaderLayout.textWidth(detailRectForLayout) }

  /// The lines the detail pane shows, and a screen more for scrolling down.
  private var linesWanted: Int {
    detailTop + 2 * max(1, ReaderLayout.visibleRows(detailRectForLayout))
  }

  /// The selected article's images laid out for the gallery-caption pane (from the cache
  /// when it is for the same article and width).
  public var galleryDocument: GalleryDocument { currentGalleryCache.layout }

  var currentGalleryCache: GalleryCache {
    let width = ReaderLayout.textWidth(galleryRectForLayout)
    if let cache = galleryCache, cache.document == selectedDocument, cache.width == width {
      return cache
    }
    return GalleryCache(
      document: selectedDocument, width: width,
      layout: GalleryDocument(article: selectedArticle, width: width, images: gallerySelection + 2))
  }
}
