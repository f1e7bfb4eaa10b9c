/// A mouse event the reader acts on, at a cell of the screen (0-based).
public struct MouseEvent: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case click, doubleClick, wheelUp, wheelDown
  }

  public let kind: Kind
  public let column: Int
  public let row: Int

  public init(_ kind: Kind, column: Int, row: Int) {
    self.kind = kind
    self.column = column
    self.row = row
  }
}

/// The mouse, as in most terminal programs that take it: a click selects the article or
/// image under the pointer and focuses its pane, a double-click opens it, and the wheel
/// scrolls the pane under the pointer (three lines, or one image). The keys stay the
/// way to do everything; the mouse is a shortcut.
extension ReaderState {
  /// Lines (list rows, article lines) a turn of the wheel scrolls, as in less and vim.
  static let wheelLines = 3

  mutating func take(_ event: MouseEvent, keymap: Keymap) {
    userActed()
    guard prompt == nil else { return }
    if help != nil {
      // The wheel scrolls the help; a click leaves it open.
      switch event.kind {
      case .wheelUp: for _ in 0..<Self.wheelLines { helpKey(.up, keymap: keymap) }
      case .wheelDown: for _ in 0..<Self.wheelLines { helpKey(.down, keymap: keymap) }
      case .click, .doubleClick: break
      }
      return
    }
    let layout = self.layout
    guard !layout.isTooSmall else { return }
    let (column, row) = (event.column, event.row)
    if let list = layout.list, list.contains(column: column, row: row) {
      listMouse(event, in: list)
    } else if let detail = layout.detail, detail.contains(column: column, row: row) {
      acceptSearch()
      focus = .detail
      switch event.kind {
      case .wheelUp: detailTop = max(0, detailTop - Self.wheelLines)
      case .wheelDown: detailTop = min(maxDetailTop, detailTop + Self.wheelLines)
      case .click, .doubleClick: break
      }
    } else if let gallery = layout.gallery, gallery.contains(column: column, row: row) {
      galleryMouse(event, in: gallery)
    }
  }

  private mutating func listMouse(_ event: MouseEvent, in rect: Rect) {
    acceptSearch()
    switch event.kind {
    case .wheelUp, .wheelDown:
      let step = event.kind == .wheelUp ? -Self.wheelLines : Self.wheelLines
      let target = clamp(selection + step, 0, rowCount - 1)
      if target != selection { select(target) }
    case .click, .doubleClick:
      guard let shown = ListPane.row(atY: event.row, in: rect), listTop + shown < rowCount
      else { return }
      focus = .list
      if listTop + shown != selection { select(listTop + shown) }
      if event.kind == .doubleClick { perform(.open) }
    }
  }

  private mutating func galleryMouse(_ event: MouseEvent, in rect: Rect) {
    let count = selectedArticle?.imageCount ?? 0
    guard count > 0 else { return }
    focus = .gallery
    switch event.kind {
    case .wheelUp: gallerySelection = max(0, gallerySelection - 1)
    case .wheelDown: gallerySelection = min(count - 1, gallerySelection + 1)
    case .click, .doubleClick:
      let line = galleryTop + event.row - rect.inner.y
      guard line >= 0, rect.inner.rows.contains(event.row) else { return }
      let starts = galleryDocument.imageLines
      guard let image = starts.lastIndex(where: { $0 <= line }) else { return }
      gallerySelection = image
      if event.kind == .doubleClick { perform(.open) }
    }
  }
}
