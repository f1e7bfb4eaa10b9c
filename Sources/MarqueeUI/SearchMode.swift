import MarqueeCore

/// Live search in the reader: `/` opens a query line in the status bar and the list
/// filters with every key; Enter keeps the results, Esc puts the full list back.
extension ReaderState {
  /// Starts typing a query (keeping the current one, so `/` can refine it).
  mutating func beginSearch() {
    let previous = search?.previousSelection ?? selectedDocument
    search = SearchState(
      query: search?.query ?? "", isEditing: true, terms: search?.terms ?? [],
      matchCount: search?.matchCount ?? 0, previousSelection: previous)
    if focus == .gallery || !layout.isWide { focus = .list }
  }

  /// Handles a key while the query line is open, as `keymap.queryLine` says. Returns
  /// false for keys it leaves to the keymap.
  mutating func editSearch(_ key: Key, keymap: Keymap) -> Bool {
    guard var current = search, current.isEditing else { return false }
    switch keymap.queryLine[key] {
    case nil:
      guard case .character(let character) = key else { return true }
      current.query.append(character)
    case .deleteBackward:
      if current.query.isEmpty {
        cancelSearch()
        return true
      }
      current.query.removeLast()
    case .clear:
      current.query = ""
    case .accept:
      acceptSearch()
      return true
    case .cancel:
      cancelSearch()
      return true
    case .passOn:
      return false
    case .previousSearch, .nextSearch:
      guard let recalled = recall(keymap.queryLine[key] == .previousSearch ? -1 : 1, in: current)
      else { return true }
      current = recalled
    }
    search = current
    runSearch()
    return true
  }

  /// Enter on the query line (or a click in a pane while typing): keeps the results and
  /// the query in the history; an empty query clears the search.
  mutating func acceptSearch() {
    guard var current = search, current.isEditing else { return }
    if current.query.trimmingCharacters(in: .whitespaces).isEmpty {
      clearSearch()
    } else {
      current.isEditing = false
      current.recalled = nil
      search = current
      searchHistory = SessionMemory.recent(searchHistory, adding: current.query)
      if current.problem != nil { message = current.problem }
    }
  }

  /// Searches for the text on the query line and shows the results, best first (or,
  /// searching in the background, asks for them). While the query does not parse yet
  /// (an open quote), the last results stay.
  mutating func runSearch(keeping selected: Int? = nil, credit: String? = nil) {
    guard var current = search else { return }
    dropAwaitedSearch()
    if current.query.trimmingCharacters(in: .whitespaces).isEmpty {
      current.problem = nil
      current.terms = []
      current.matchCount = store.presentCount
      search = current
      showList(nil, selecting: selected ?? selectedDocument)
      return
    }
    do {
      let query = try SearchQuery(current.query)
      current.problem = nil
      search = current
      if searchesInBackground {
        lastSearchID += 1
        let request = SearchRequest(
          id: lastSearchID, query: query, keeping: selected, credit: credit)
        awaitedSearch = request
        effects.append(.runSearch(request))
      } else {
        show(index.search(query), of: query, keeping: selected, credit: credit)
      }
    } catch {
      current.problem = error.description
      search = current
    }
  }

  /// Shows the hits of the latest background search; older ones are stale.
  mutating func finishSearch(id: Int, hits: [SearchHit]) {
    guard let request = awaitedSearch, request.id == id, search != nil else { return }
    awaitedSearch = nil
    show(hits, of: request.query, keeping: request.keeping, credit: request.credit)
  }

  private mutating func show(
    _ hits: [SearchHit], of query: SearchQuery, keeping selected: Int?, credit: String?
  ) {
    // `C` follows the exact credit: the phrase search finds `Splash News` for `Splash`,
    // and only images credited exactly so are kept.
    let removed = store.removedIDs
    let hits =
      credit.map { credit in
        hits.filter { store[$0.id].images.contains { $0.credit == credit } }
      } ?? (removed.isEmpty ? hits : hits.filter { !removed.contains($0.id) })
    search?.matchCount = hits.count
    search?.terms = query.highlightTerms
    showList(hits.map(\.id), selecting: selected)
    if let credit {
      let noun = hits.count == 1 ? "article" : "articles"
      message = "\(hits.count) \(noun) with images from \(credit)"
    }
  }

  /// Searches for every article with an image from this credit.
  mutating func searchCredit(_ credit: String) {
    let previous = search?.previousSelection ?? selectedDocument
    let quoted = credit.replacingOccurrences(of: "\"", with: " ")
    search = SearchState(
      query: "credit:\"\(quoted)\"", isEditing: false, previousSelection: previous)
    focus = .list
    galleryOpen = false
    runSearch(credit: credit)
  }

  /// Esc while typing: the full list and the selection from before the search.
  mutating func cancelSearch() {
    endSearch(selecting: search?.previousSelection)
  }

  /// An empty query, or Esc on kept results: the full list, keeping the selected article.
  mutating func clearSearch() {
    endSearch(selecting: selectedDocument)
  }

  /// Back to the full list with `document` selected; a search still running is dropped.
  private mutating func endSearch(selecting document: Int?) {
    search = nil
    dropAwaitedSearch()
    showList(nil, selecting: document)
  }

  /// A search asked for and not answered is not wanted any more.
  private mutating func dropAwaitedSearch() {
    guard awaitedSearch != nil else { return }
    awaitedSearch = nil
    effects.append(.cancelSearch)
  }

  /// The id of the selected row's article.
  var selectedDocument: ArticleID? {
    (0..<rowCount).contains(selection) ? document(atRow: selection) : nil
  }

  /// Shows these rows (nil: every article), selecting `document` if it is among them.
  /// The panes keep their places when the selected article stays the same (a
  /// batch arriving re-runs the search under the reader's eyes).
  private mutating func showList(_ rows: [Int]?, selecting document: Int? = nil) {
    let before = selectedDocument
    naturalRows = rows
    let rows = arranged(rows)
    self.rows = rows
    selection =
      document.flatMap { document in rows == nil ? document : rows?.firstIndex(of: document) }
      ?? 0
    guard selectedDocument != before else { return }
    listTop = 0
    detailTop = 0
    detailFollowsEnd = false
    gallerySelection = 0
    galleryTop = 0
  }

  /// The words to highlight, when a search is active.
  public var highlightTerms: [HighlightTerm] { search?.terms ?? [] }

  /// `n` / `N`: scrolls the article to the next or previous line with a match.
  mutating func jumpToMatch(forward: Bool) {
    guard detailCache != nil, !highlightTerms.isEmpty else {
      message = "No search: press / to search"
      return
    }
    let found =
      forward
      ? detailCache?.firstMatch(after: detailTop) : detailCache?.lastMatch(before: detailTop)
    let rows = ReaderLayout.visibleRows(detailRectForLayout)
    if let found { detailCache?.layout.layOut(throughLine: found + rows) }
    // A match below the last full page scrolls only as far as the bottom.
    guard let target = found, min(target, maxDetailTop) != detailTop else {
      let any = detailCache?.hasAnyMatch() ?? false
      message = any ? "No more matches" : "No matches in this article"
      return
    }
    detailTop = min(target, maxDetailTop)
    if !layout.isWide || focus == .gallery { focus = .detail }
  }

  /// The status-bar text for the search: the query line while typing, else the count.
  var searchStatus: String? {
    if let prompt { return "| \(prompt.text)▏" }
    guard let search else { return nil }
    if search.isEditing {
      let count = search.problem == nil ? "  \(search.matchCount) matches" : ""
      return "/\(search.query)▏\(count)"
    }
    let noun = search.matchCount == 1 ? "match" : "matches"
    let soFar = loading == nil ? "" : " so far"
    return "\(search.matchCount) \(noun) for “\(search.query)”\(soFar)"
  }
}
