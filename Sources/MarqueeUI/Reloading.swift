import MarqueeCore

/// Files that changed under the reader while it is open (the session's watcher, or `R`):
/// new articles join the list, changed ones are read again in place, deleted ones go,
/// with the selection, the scroll and the active search kept, and the status bar says
/// what changed (`+3 new, 1 changed`).
extension ReaderState {
  /// What the parts of one look have changed so far, for the status bar.
  struct ReloadTally: Sendable, Equatable {
    var added = 0
    var changed = 0
    var renamed = 0
    var removed = 0
    var skipped = 0

    var summary: String? {
      let parts = [
        added > 0 ? "+\(added) new" : nil, changed > 0 ? "\(changed) changed" : nil,
        renamed > 0 ? "\(renamed) renamed" : nil, removed > 0 ? "\(removed) removed" : nil,
        skipped > 0 ? "\(skipped) skipped (marquee check says why)" : nil,
      ].compactMap { $0 }
      return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
  }

  /// `R`: looks at every folder again now.
  mutating func reload() {
    guard loading == nil else {
      message = "Still loading; changes are picked up once every file is read"
      return
    }
    message = "Looking for changes…"
    effects.append(.reload)
  }

  /// Every listed article's id by its path.
  private static func idsByPath(_ store: ArticleStore) -> [String: ArticleID] {
    var ids: [String: ArticleID] = [:]
    ids.reserveCapacity(store.count)
    for id in store.ids where !store.removedIDs.contains(id) {
      ids[store[id].path] = ids[store[id].path] ?? id
    }
    return ids
  }

  /// New versions of articles (their files were edited or moved) in their places: in
  /// the store, with the marks kept for their new text joining theirs, and in the index,
  /// each segment built once; the panes are laid out again if one of them is shown.
  mutating func replaceArticles(_ replaced: [(ArticleID, Article)]) {
    guard !replaced.isEmpty else { return }
    let selected = selectedDocument
    for (id, article) in replaced {
      store.replace(id, with: article)
      let joined = markBook.marks(for: article).union(marks[id])
      // The new text may have been read already (under another path): one fewer unread.
      if joined.contains(.read), !marks[id].contains(.read) { unreadCount -= 1 }
      marks[id] = joined
    }
    index.reindex(replaced.map(\.0), in: store.articles)
    if let selected, replaced.contains(where: { $0.0 == selected }) {
      detailCache = nil
      galleryCache = nil
    }
  }

  mutating func applyLibraryChange(_ change: LibraryChange) {
    let selected = selectedDocument
    let selectedRow = selection
    var ids = pathIDs ?? Self.idsByPath(store)
    var added = change.added
    var replaced: [(ArticleID, Article)] = change.changed.compactMap { article in
      ids[article.path].map { ($0, article) }
    }
    var removed: [ArticleID] = []
    var renamed = 0
    // A file renamed or moved inside the folders: the same text under a new path keeps
    // its place in the list, its id and its marks. New files by their text's hash, for
    // a folder of ten thousand moved at once.
    var newByHash: [UInt64: [Int]] = [:]
    if !change.removed.isEmpty {
      for (offset, article) in added.enumerated().reversed() {
        newByHash[article.contentHash, default: []].append(offset)
      }
    }
    var taken = Set<Int>()
    for path in change.removed {
      guard let id = ids.removeValue(forKey: path) else { continue }
      if let offset = newByHash[store[id].contentHash]?.popLast() {
        taken.insert(offset)
        ids[added[offset].path] = id
        replaced.append((id, added[offset]))
        renamed += 1
      } else {
        removed.append(id)
      }
    }
    if !taken.isEmpty {
      added = added.enumerated().filter { !taken.contains($0.offset) }.map(\.element)
    }
    replaceArticles(replaced)
    for id in removed {
      store.remove(id)
      if !marks[id].contains(.read) { unreadCount -= 1 }
      marks[id] = .read
    }
    if !added.isEmpty {
      let first = store.count
      let batch = SearchIndex.prepare(added, after: first)
      store.append(contentsOf: batch.articles)
      index.append(batch)
      takeMarks(of: batch.articles)
      for (offset, article) in batch.articles.enumerated() { ids[article.path] = first + offset }
    }
    pathIDs = ids
    if let selected, removed.contains(selected) {
      detailCache = nil
      galleryCache = nil
    }
    if hasActiveQuery {
      runSearch(keeping: selected)
    } else {
      rearrange()
    }
    if let selected, removed.contains(selected), rowCount > 0 {
      select(min(selectedRow, rowCount - 1))
    }
    reloadTally.added += added.count
    reloadTally.changed += replaced.count - renamed
    reloadTally.renamed += renamed
    reloadTally.removed += removed.count
    reloadTally.skipped += change.skipped.count
    guard change.isLast else { return }
    let note = [change.note, reloadTally.summary ?? (change.requested ? "No changes" : nil)]
      .compactMap { $0 }.joined(separator: "; ")
    if !note.isEmpty { message = note }
    reloadTally = ReloadTally()
  }
}
