import MarqueeCore

/// What the reader keeps between runs besides marks: where it was in a set of paths
/// (the selected article, how far down, the search kept in the list) and the searches
/// typed. The loop hands them in when it starts and reads them back when it ends.
extension ReaderState {
  /// Starts where the reader was, before any article has arrived: the marks and the
  /// search come back at once (the search runs on the articles as they arrive), the
  /// article and its position once it has arrived.
  public mutating func restore(_ place: ReadingPlace?, searches: [String], marks: MarkBook) {
    precondition(store.count == 0, "a place is restored before articles arrive")
    markBook = marks
    searchHistory = searches
    // Keys typed while it was being read win: the place comes back only to a reader
    // still as it opened.
    guard let place, search == nil, help == nil, focus == .list, selection == 0 else { return }
    pendingPlace = place
    if let query = place.search, !query.isEmpty {
      search = SearchState(query: query, isEditing: false)
      // An empty result list, so each batch re-runs the search as it arrives.
      rows = []
      naturalRows = []
    }
  }

  /// Where the reader is, to come back to: nil with nothing selected. While the place
  /// of the last run is still to be restored (its article has not arrived, no key was
  /// pressed), that place: quitting early does not lose it.
  public var place: ReadingPlace? {
    if let pendingPlace { return pendingPlace }
    guard let id = selectedDocument else { return nil }
    let article = store[id]
    let anchor = detailDocument?.anchor(atLine: detailTop) ?? ReadingAnchor(block: 0, offset: 0)
    // As it runs: `beyon*` for `beyon` kept with Enter while the prefix ran.
    let query = search.map { $0.runQuery.isEmpty ? $0.query : $0.runQuery }
      .flatMap { $0.isEmpty ? nil : $0 }
    return ReadingPlace(
      path: MarkBook.absolute(article.path), contentHash: ContentHash.hex(article.contentHash),
      block: anchor.block, offset: anchor.offset, articleOpen: focus != .list, search: query)
  }

  /// Looks for the remembered article among articles just added to the store (from
  /// `first` on): by its text, else by its path (compared in full only for the same
  /// file name, so a batch of 8,000 costs next to nothing).
  mutating func findPlace(in articles: [Article], from first: ArticleID) {
    guard let place = pendingPlace, placeID == nil else { return }
    let hash = UInt64(place.contentHash, radix: 16)
    let name = "/" + (place.path.split(separator: "/").last.map(String.init) ?? "")
    for (offset, article) in articles.enumerated() {
      let samePath = {
        ("/" + article.path).hasSuffix(name) && MarkBook.absolute(article.path) == place.path
      }
      if article.contentHash == hash || samePath() {
        placeID = first + offset
        return
      }
    }
  }

  /// Selects the remembered article once it is listed, opens it if it was open and
  /// scrolls to where it was read; any key first gives up on it.
  mutating func restorePlaceIfListed() {
    guard let place = pendingPlace else { return }
    guard let id = placeID else {
      if loading == nil { pendingPlace = nil }
      return
    }
    guard awaitedSearch == nil, let row = rows.map({ $0.firstIndex(of: id) }) ?? id else {
      if loading == nil && awaitedSearch == nil { pendingPlace = nil }
      return
    }
    pendingPlace = nil
    select(row)
    guard place.articleOpen else { return }
    focus = .detail
    refreshDetailCache()
    let anchor = ReadingAnchor(block: place.block, offset: place.offset)
    detailCache?.layout.layOut(past: anchor)
    detailTop = min(detailDocument?.line(for: anchor) ?? 0, maxDetailTop)
  }

  /// ↑ (-1) or ↓ (+1) on the query line: the search before or after the one shown,
  /// and past the newest what was typed; nil when there is none that way.
  func recall(_ direction: Int, in current: SearchState) -> SearchState? {
    guard !searchHistory.isEmpty else { return nil }
    var next = current
    let position = (current.recalled ?? searchHistory.count) + direction
    if current.recalled == nil { next.draft = current.query }
    if position >= searchHistory.count {
      guard current.recalled != nil else { return nil }
      next.recalled = nil
      next.query = current.draft
    } else {
      guard position >= 0 else { return nil }
      next.recalled = position
      next.query = searchHistory[position]
    }
    return next
  }
}
