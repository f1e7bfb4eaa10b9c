import Foundation
import MarqueeCore

/// How the list is ordered, cycled with `s` (newsboat's sort, mutt's `o`): the natural
/// order (search relevance while a search is active, else the order the files were
/// read in, which is by path), then date, title, length and path.
public enum ListOrder: Sendable, Hashable, CaseIterable {
  case natural, date, title, length, path

  /// Its name in the config file (`sort = "date"`): the natural order is `path`, as it
  /// is outside a search.
  public var name: String {
    switch self {
    case .natural, .path: "path"
    case .date: "date"
    case .title: "title"
    case .length: "length"
    }
  }

  public static let names = ["path", "date", "title", "length"]

  public init?(name: String) {
    switch name.lowercased() {
    case "path": self = .natural
    case "date": self = .date
    case "title": self = .title
    case "length": self = .length
    default: return nil
    }
  }

  /// The header's words for it.
  func label(searching: Bool) -> String {
    switch self {
    case .natural: searching ? "by relevance" : "by path"
    case .date: "by date"
    case .title: "by title"
    case .length: "by length"
    case .path: "by path"
    }
  }

  /// The next order; outside a search, `path` is the natural order and is skipped.
  func next(searching: Bool) -> ListOrder {
    let all = Self.allCases
    var next = all[(all.firstIndex(of: self)! + 1) % all.count]
    if next == .path && !searching { next = .natural }
    return next
  }
}

/// Which articles the list shows (mutt's limit): all, the unread ones, the flagged ones,
/// or those in one folder, cycled with `F`. Marks changed meanwhile count from the next
/// arrangement, so an article read from an unread-only list stays until then.
public enum ListFilter: Sendable, Hashable {
  case all, unread, flagged
  /// The articles whose file is directly in this folder (a path ending in `/`).
  case folder(String)

  /// Whether the article `id` passes.
  func keeps(_ id: ArticleID, in state: ReaderState) -> Bool {
    switch self {
    case .all: true
    case .unread: !state.marks[id].contains(.read)
    case .flagged: state.marks[id].contains(.flagged)
    case .folder(let folder): Self.folder(of: state.store[id].path) == folder
    }
  }

  /// The folder part of `path`, with its `/`; empty for a bare file name.
  static func folder(of path: String) -> String {
    path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
  }
}

extension ReaderState {
  /// Orders the list by `order` (the config file's `sort`), keeping the selected article.
  public mutating func arrange(by order: ListOrder) {
    self.order = order
    rearrange()
  }

  /// `s`: the next order, keeping the selected article.
  mutating func cycleOrder() {
    order = order.next(searching: search != nil)
    rearrange()
    message = "Sorted \(order.label(searching: search != nil))"
  }

  /// `F`: the next filter, keeping the selected article when it is still listed. The
  /// folder step takes the selected article's folder, else (the flagged list was empty)
  /// that of the article selected when the cycle began.
  mutating func cycleFilter() {
    let folder = selectedArticle.map { ListFilter.folder(of: $0.path) }
    switch filter {
    case .all:
      filter = .unread
      filterFolder = folder
    case .unread: filter = .flagged
    case .flagged: filter = (folder ?? filterFolder).map { .folder($0) } ?? .all
    case .folder: filter = .all
    }
    rearrange()
    message = filterLabel.map { "Showing \($0)" } ?? "Showing every article"
  }

  /// The list title's words for the filter: `unread only`, `in celebrity/`.
  var filterLabel: String? {
    switch filter {
    case .all: nil
    case .unread: "unread only"
    case .flagged: "flagged only"
    case .folder(let folder): "in \(folder.isEmpty ? "./" : displayPath(of: folder))"
    }
  }

  /// The rows again, in the chosen order and filter, keeping the selected article.
  mutating func rearrange() {
    let selected = selectedDocument
    rows = arranged(search == nil ? nil : naturalRows)
    selection = selected.flatMap { id in rows.map { $0.firstIndex(of: id) } ?? id } ?? 0
  }

  /// The rows in the chosen order: `natural` (nil: every article, in id order) as given,
  /// any other order sorted by it (newest, A to Z, longest, path), ties in the order
  /// given.
  func arranged(_ natural: [ArticleID]?) -> [ArticleID]? {
    // Articles whose file went are left out: every list is then one of ids.
    let removed = store.removedIDs
    let natural =
      removed.isEmpty ? natural : (natural ?? Array(store.ids)).filter { !removed.contains($0) }
    guard filter == .all else {
      let kept = (natural ?? Array(store.ids)).filter { filter.keeps($0, in: self) }
      return order == .natural ? kept : sorted(kept)
    }
    guard order != .natural else { return natural }
    return sorted(natural ?? Array(store.ids))
  }

  /// `ids` in the chosen order (not the natural one).
  private func sorted(_ ids: [ArticleID]) -> [ArticleID] {
    switch order {
    case .natural: return ids
    case .date:
      let keys = ids.map { (store[$0].listDate ?? .distantPast).timeIntervalSince1970 }
      return stableSorted(ids, keys, by: >)
    case .title: return stableSorted(ids, ids.map { store[$0].title.lowercased() }, by: <)
    case .length: return stableSorted(ids, ids.map { store[$0].wordCount }, by: >)
    case .path: return stableSorted(ids, ids.map { store[$0].path }, by: <)
    }
  }

  private func stableSorted<Key>(
    _ ids: [ArticleID], _ keys: [Key], by before: (Key, Key) -> Bool
  ) -> [ArticleID] {
    ids.indices.sorted { left, right in
      if before(keys[left], keys[right]) { return true }
      if before(keys[right], keys[left]) { return false }
      return left < right
    }.map { ids[$0] }
  }
}
