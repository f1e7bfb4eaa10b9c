import MarqueeCore

/// Draws the whole reader for a state at its size: panes, status bar and, on top, the
/// help. Pure, like `update`, and apart from it: the same state always gives the same
/// screen, and a new size reaches the state as `Action.resize` first.
public func render(_ state: ReaderState, keymap: Keymap = .standard) -> Screen {
  let size = state.size
  var screen = Screen(size: size)
  guard size.columns > 0, size.rows > 0 else { return screen }
  let layout = state.layout
  if layout.isTooSmall {
    let minimum = ReaderLayout.minimumSize
    let notices = [
      "Terminal too small (\(size)): Marquee needs \(minimum) or more",
      "Terminal too small (\(size)); need \(minimum)", "Too small: need \(minimum)",
      "Need \(minimum)",
    ]
    let notice = notices.first { DisplayWidth.of($0) <= size.columns } ?? notices.last!
    screen.put(notice, column: 0, row: 0, style: Style(bold: true))
    return screen
  }
  if let rect = layout.list { state.listPane.draw(in: rect, on: &screen) }
  if let rect = layout.detail { state.detailPane.draw(in: rect, on: &screen) }
  if let rect = layout.gallery { state.galleryPane.draw(in: rect, on: &screen) }
  state.statusBar(keymap: keymap).draw(in: layout.status, on: &screen)
  if let help = state.help {
    HelpOverlay(keymap: keymap, state: help).draw(
      in: Rect(x: 0, y: 0, width: size.columns, height: size.rows), on: &screen)
  }
  return screen
}

/// The views of the panes, made from the state: each takes only what it shows.
extension ReaderState {
  var listPane: ListPane {
    ListPane(
      store: store, rows: rows, marks: marks, unread: unreadCount,
      orderLabel: listArrangement,
      isSearching: search != nil || filter != .all, top: listTop, selection: selection,
      terms: highlightTerms,
      focused: focus == .list, columns: listColumns)
  }

  /// The list's order and filter as its title names them (`by date · unread only`); nil
  /// for every article in the natural order.
  var listArrangement: String? {
    let parts = [order == .natural ? nil : order.label(searching: search != nil), filterLabel]
      .compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }

  var detailPane: DetailPane {
    // One look at the cache: its layout and its matches belong together.
    let cache = currentDetailCache
    return DetailPane(
      layout: cache?.layout, matches: cache?.matches, current: cache?.current, top: detailTop,
      focused: focus == .detail,
      path: selectedArticle.map { displayPath(of: $0.path) })
  }

  var galleryPane: GalleryPane {
    GalleryPane(
      document: galleryDocument, imageCount: selectedArticle?.imageCount ?? 0, top: galleryTop,
      selection: gallerySelection, focused: focus == .gallery)
  }

  /// A path relative to the opened folder it is under (a file opened by name keeps its
  /// name as given).
  func displayPath(of path: String) -> String {
    for root in openedPaths where !root.isEmpty {
      let folder = root.hasSuffix("/") ? root : root + "/"
      if path.hasPrefix(folder), path.count > folder.count {
        return String(path.dropFirst(folder.count))
      }
    }
    return path
  }

  func statusBar(keymap: Keymap) -> StatusBar {
    StatusBar(
      position: rowCount == 0 ? "0/0" : "\(selection + 1)/\(rowCount)", search: searchStatus,
      problem: prompt == nil ? search?.problem : nil,
      isEditing: prompt != nil || search?.isEditing == true,
      note: message ?? loadingStatus, hints: keymap.hints(for: focus))
  }
}
