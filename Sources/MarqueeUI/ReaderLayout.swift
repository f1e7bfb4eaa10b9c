/// Where each pane goes for a terminal size.
///
/// Wide terminals show the list on the left (about 40%) and the article on the right,
/// with the gallery-caption pane under the article when it is open. Narrow terminals
/// show the focused pane alone. The bottom row is always the status bar.
public struct ReaderLayout: Sendable, Equatable {
  public static let minimumSize = Size(columns: 40, rows: 10)
  /// From this many columns up, list and article sit side by side.
  public static let wideColumns = 100

  public let list: Rect?
  public let detail: Rect?
  public let gallery: Rect?
  public let status: Rect
  public let isTooSmall: Bool

  public init(size: Size, focus: Pane, galleryOpen: Bool) {
    isTooSmall =
      size.columns < Self.minimumSize.columns || size.rows < Self.minimumSize.rows
    status = Rect(x: 0, y: size.rows - 1, width: size.columns, height: 1)
    let body = Rect(x: 0, y: 0, width: size.columns, height: size.rows - 1)
    if isTooSmall {
      (list, detail, gallery) = (nil, nil, nil)
    } else if size.columns >= Self.wideColumns {
      let listWidth = size.columns * 2 / 5
      list = Rect(x: 0, y: 0, width: listWidth, height: body.height)
      let right = Rect(x: listWidth, y: 0, width: size.columns - listWidth, height: body.height)
      if galleryOpen {
        let galleryHeight = max(6, body.height * 2 / 5)
        detail = Rect(x: right.x, y: 0, width: right.width, height: body.height - galleryHeight)
        gallery = Rect(
          x: right.x, y: body.height - galleryHeight, width: right.width, height: galleryHeight)
      } else {
        (detail, gallery) = (right, nil)
      }
    } else {
      list = focus == .list ? body : nil
      detail = focus == .detail ? body : nil
      gallery = focus == .gallery ? body : nil
    }
  }

  public var isWide: Bool { list != nil && detail != nil }

  /// Rows of text inside a pane's border.
  static func visibleRows(_ rect: Rect?) -> Int { max(1, (rect?.height ?? 3) - 2) }
  /// Columns of text inside a pane's border, less one column of margin on each side.
  static func textWidth(_ rect: Rect?) -> Int { max(1, (rect?.width ?? 3) - 4) }
}
