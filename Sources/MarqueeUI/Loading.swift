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

  /// The note when loading ends: files skipped (`2 files were skipped; marquee check
  /// says why`), and before that, when nothing loaded or ten times as many files in the
  /// folders matched no include glob as loaded (`LoadReport.ignoredFilesNeedSaying`),
  /// those (`219 files without .txt ignored; use --include '*'`). It waits for no note
  /// already shown, except when nothing loaded: an empty reader must say why.
  mutating func finishLoading(_ report: LoadReport) {
    loading = nil
    var notes: [String] = []
    if report.ignoredFilesNeedSaying, let ignored = report.ignoredNote { notes.append(ignored) }
    if !report.skipped.isEmpty {
      let noun = report.skipped.count == 1 ? "file was" : "files were"
      notes.append("\(report.skipped.count) \(noun) skipped; marquee check says why")
    }
    if !notes.isEmpty, message == nil || (report.loaded == 0 && report.ignoredFiles > 0) {
      message = notes.joined(separator: " · ")
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
