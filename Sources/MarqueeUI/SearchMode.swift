import MarqueeCore

/// Live search in the reader: `/` opens a query line in the status bar and the list
/// filters with every key (the word being typed as a prefix, so it never empties
/// mid-word); Enter keeps the results, Esc puts back what was there before: the kept
/// search `/` was changing, else the whole list, selection and scroll as they were.
extension ReaderState {
  /// Where the list is now.
  var listPlace: ListPlace {
    ListPlace(selected: selectedDocument, listTop: listTop, detailTop: detailTop)
  }

  /// Starts typing a query (keeping the current one, so `/` can refine it).
  mutating func beginSearch() {
    if let search, !search.isEditing {
      keptSearch = KeptSearch(search: search, rows: naturalRows, place: listPlace)
    } else if search == nil {
      keptSearch = nil
    }
    var editing =
      search
      ?? SearchState(query: "", isEditing: true, matchCount: store.presentCount)
    editing.isEditing = true
    editing.before = search?.before ?? listPlace
    search = editing
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
    case .takeSuggestion:
      guard takeSuggestion(), let taken = search else { return true }
      current = taken
    case .previousSearch, .nextSearch:
      guard let recalled = recall(keymap.queryLine[key] == .previousSearch ? -1 : 1, in: current)
      else { return true }
      current = recalled
    }
    search = current
    runSearch()
    return true
  }

  /// Enter on the query line (or a click in a pane while typing): keeps the results as
  /// shown (the word typed last still runs as the prefix it ran as, `beyon*`, when the
  /// search runs again) and the query in the history. An empty query clears the search; one that cannot run, or finds nothing,
  /// leaves the list as it was before `/` and says why.
  mutating func acceptSearch() {
    guard var current = search, current.isEditing else { return }
    if current.query.trimmingCharacters(in: .whitespaces).isEmpty {
      clearSearch()
      return
    }
    if let problem = current.problem {
      cancelSearch()
      message = problem
      return
    }
    current.isEditing = false
    current.recalled = nil
    searchHistory = SessionMemory.recent(searchHistory, adding: current.query)
    keptSearch = nil
    if awaitedSearch != nil {
      current.confirming = true
      search = current
    } else {
      search = current
      if current.matchCount == 0 { giveUpEmptySearch() }
    }
  }

  /// A search kept with Enter that found nothing: the list as it was before, and why.
  private mutating func giveUpEmptySearch() {
    let query = search?.query ?? ""
    let hint = offeredSuggestion.map { " — did you mean “\($0)”? (/ ↑ Tab)" } ?? ""
    endSearch(restoring: search?.before)
    message = "No matches for “\(query)”\(hint)"
  }

  /// The suggested query as it is offered: without the `*` the word being typed ran
  /// with.
  var offeredSuggestion: String? {
    guard let current = search, var suggestion = current.suggestion else { return nil }
    if current.runQuery != current.query, suggestion.hasSuffix("*") { suggestion.removeLast() }
    return suggestion
  }

  /// Tab on the query line: the suggested query in place of the one typed.
  mutating func takeSuggestion() -> Bool {
    guard let suggestion = offeredSuggestion else { return false }
    search?.query = suggestion
    search?.suggestion = nil
    return true
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
      current.runQuery = ""
      search = current
      showList(nil, selecting: selected ?? selectedDocument)
      return
    }
    do {
      // A kept search runs again as it ran when it was kept.
      let (query, text) =
        !current.isEditing && !current.runQuery.isEmpty
        ? (try SearchQuery(current.runQuery), current.runQuery)
        : try Self.parse(current.query, typing: current.isEditing)
      current.problem = nil
      current.runQuery = text
      search = current
      if searchesInBackground {
        lastSearchID += 1
        let request = SearchRequest(
          id: lastSearchID, query: query, keeping: selected, credit: credit)
        awaitedSearch = request
        effects.append(.runSearch(request))
      } else {
        let hits = index.search(query)
        search?.suggestion = hits.isEmpty ? index.suggestion(for: query) : nil
        show(hits, of: query, keeping: selected, credit: credit)
      }
    } catch {
      current.problem = error.description
      search = current
    }
  }

  /// The query to run for the text on the line: while typing, the last word as a
  /// prefix (`beyon` as `beyon*`) where that makes a query, else the text as typed.
  /// Not after a space (the word is finished), for an excluded word or OR. A phrase
  /// still being typed runs as if closed, its last word a prefix (`"red carp` as
  /// `red-carp*`, which finds `red carpet`), so typing a quote shows no error.
  static func parse(_ text: String, typing: Bool) throws(QueryError) -> (SearchQuery, String) {
    if typing, let open = openQuote(in: text) {
      let words = text[text.index(after: open)...].split(whereSeparator: \.isWhitespace)
      let isMidWord = text.unicodeScalars.last.map { !$0.properties.isWhitespace } ?? false
      let asTyped =
        isMidWord && !words.isEmpty
        ? text[..<open] + words.joined(separator: "-") + "*" : text + "\""
      if let query = try? SearchQuery(asTyped) { return (query, asTyped) }
    }
    if typing, let last = text.unicodeScalars.last, !last.properties.isWhitespace,
      let word = text.split(whereSeparator: \.isWhitespace).last,
      !word.hasPrefix("-"), !word.hasSuffix("*"), !word.contains("\""), word != "OR",
      let query = try? SearchQuery(text + "*")
    {
      return (query, text + "*")
    }
    return (try SearchQuery(text), text)
  }

  /// Where a phrase that is not closed yet starts: at the last of an odd number of
  /// quotes.
  private static func openQuote(in text: String) -> String.Index? {
    text.reduce(0) { $1 == "\"" ? $0 + 1 : $0 } % 2 == 1 ? text.lastIndex(of: "\"") : nil
  }

  /// Shows the hits of the latest background search; older ones are stale.
  mutating func finishSearch(id: Int, hits: [SearchHit], suggestion: String?) {
    guard let request = awaitedSearch, request.id == id, search != nil else { return }
    awaitedSearch = nil
    search?.suggestion = suggestion
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
    // While typing, a query that finds nothing leaves the list as it was; kept with
    // Enter, it gives up and the list goes back to before the search.
    if hits.isEmpty, search?.isEditing == true { return }
    if search?.confirming == true {
      search?.confirming = false
      if hits.isEmpty {
        giveUpEmptySearch()
        return
      }
    }
    search?.terms = query.highlightTerms
    showList(hits.map(\.id), selecting: selected)
    if let credit {
      let noun = hits.count == 1 ? "article" : "articles"
      message = "\(hits.count) \(noun) with images from \(credit)"
    }
  }

  /// Searches for every article with an image from this credit.
  mutating func searchCredit(_ credit: String) {
    let before = search?.before ?? listPlace
    let quoted = credit.replacingOccurrences(of: "\"", with: " ")
    search = SearchState(query: "credit:\"\(quoted)\"", isEditing: false, before: before)
    keptSearch = nil
    focus = .list
    galleryOpen = false
    runSearch(credit: credit)
  }

  /// Esc while typing: the kept search `/` was changing, as it was; else the full list,
  /// with the selection and scroll from before the search.
  mutating func cancelSearch() {
    guard let kept = keptSearch else {
      endSearch(restoring: search?.before)
      return
    }
    keptSearch = nil
    dropAwaitedSearch()
    search = kept.search
    showList(kept.rows, selecting: kept.place.selected)
    go(to: kept.place)
    // Articles that arrived meanwhile are searched too.
    if loading != nil { runSearch(keeping: selectedDocument) }
  }

  /// An empty query, or Esc on kept results: the full list, with the selection and
  /// scroll from before the search.
  mutating func clearSearch() {
    endSearch(restoring: search?.before)
  }

  /// Back to the full list, where it was; a search still running is dropped.
  private mutating func endSearch(restoring place: ListPlace?) {
    search = nil
    keptSearch = nil
    dropAwaitedSearch()
    showList(nil, selecting: place?.selected ?? selectedDocument)
    if let place { go(to: place) }
  }

  /// Selects `place`'s article where it is listed, with the list and the article
  /// scrolled as they were (`keepInView` then keeps the selection on screen).
  private mutating func go(to place: ListPlace) {
    guard let selected = place.selected, selectedDocument == selected else { return }
    listTop = place.listTop
    detailTop = place.detailTop
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

  /// Whether a search with a query is on: its results must follow the articles.
  var hasActiveQuery: Bool {
    search.map { !$0.query.trimmingCharacters(in: .whitespaces).isEmpty } ?? false
  }

  /// The words to highlight, when a search is active.
  public var highlightTerms: [HighlightTerm] { search?.terms ?? [] }

  /// `n` / `N`: the next or previous match in the article, one at a time (those on
  /// screen too), marked, and counted in the status bar (`match 3 of 7`); the article
  /// scrolls only to bring it on screen.
  mutating func jumpToMatch(forward: Bool) {
    guard detailCache != nil, !highlightTerms.isEmpty else {
      message = "No search: press / to search"
      return
    }
    let rows = ReaderLayout.visibleRows(detailRectForLayout)
    let shown = detailTop..<(detailTop + rows)
    guard let spot = detailCache?.step(forward: forward, shown: shown) else {
      let any = detailCache?.hasAnyMatch() ?? false
      message = any ? "No more matches" : "No matches in this article"
      return
    }
    detailCache?.current = spot
    detailCache?.layout.layOut(throughLine: spot.line + rows)
    if !shown.contains(spot.line) { detailTop = min(spot.line, maxDetailTop) }
    if let (number, total) = detailCache?.ordinal(of: spot) {
      message = "match \(number) of \(total.map(String.init) ?? "\(number)+")"
    }
    if !layout.isWide || focus == .gallery { focus = .detail }
  }

  /// The status-bar text for the search: the query line while typing, else the count.
  var searchStatus: String? {
    if let prompt { return "| \(prompt.text)▏" }
    guard let search else { return nil }
    // Kept with Enter while its search is still running: the line stays as typed until
    // the count is known (a count for the query before then would be the last key's).
    if search.isEditing || search.confirming {
      let none = offeredSuggestion.map { "  no matches · Tab: “\($0)”" } ?? "  no matches"
      let count =
        search.problem != nil
        ? "" : search.matchCount == 0 ? none : "  \(search.matchCount) matches"
      return "/\(search.query)▏\(count)"
    }
    let noun = search.matchCount == 1 ? "match" : "matches"
    let soFar = loading == nil ? "" : " so far"
    return "\(search.matchCount) \(noun) for “\(search.query)”\(soFar)"
  }
}
