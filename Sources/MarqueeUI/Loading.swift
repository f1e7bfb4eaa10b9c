import MarqueeCore

/// Articles arriving while the reader is already open: the list grows under the
/// user's selection, an active search is re-run so it covers what has arrived, and the
/// status bar says how far loading has got.
extension ReaderState {
  mutating func filesFound(_ count: Int) {
    loading = LoadingStatus(filesRead: loading?.filesRead ?? 0, filesFound: count)
  }

  mutating func receive(_ batch: SearchIndex.Batch, filesRead: Int) {
    let selected = selectedDocument
    let first = store.count
    pathIDs = nil
    store.append(contentsOf: batch.articles)
    index.append(batch)
    takeMarks(of: batch.articles)
    findPlace(in: batch.articles, from: first)
    loading = LoadingStatus(filesRead: filesRead, filesFound: loading?.filesFound)
    if hasActiveQuery {
      runSearch(keeping: selected)
    } else if let search, search.query.isEmpty {
      self.search?.matchCount = store.presentCount
    }
    if search == nil, order != .natural || filter != .all || !store.removedIDs.isEmpty {
      rearrange()
    }
  }

  mutating func finishLoading(_ report: LoadReport) {
    loading = nil
    if !report.skipped.isEmpty, message == nil {
      let noun = report.skipped.count == 1 ? "file was" : "files were"
      message = "\(report.skipped.count) \(noun) skipped; marquee check says why"
    }
  }

  /// The status-bar note while loading, e.g. `Loading 41,230 / 100,000`.
  var loadingStatus: String? {
    guard let loading else { return nil }
    guard let found = loading.filesFound else { return "Loading… looking for articles" }
    return "Loading \(Self.grouped(loading.filesRead)) / \(Self.grouped(found))"
  }

  /// 41230 → `41,230`.
  static func grouped(_ number: Int) -> String {
    let digits = Array(String(number))
    var out = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return out
  }
}
