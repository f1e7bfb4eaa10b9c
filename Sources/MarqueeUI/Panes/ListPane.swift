import MarqueeCore

/// The list of articles: a header row naming the columns, then one row per article: a
/// mark (`N` unread, `!` flagged, as in mutt), its title (bold while unread, search words
/// marked) and, at the right, the columns that fit (images, reading time, date). The
/// title counts the unread.
struct ListPane: PaneView {
  let store: ArticleStore
  /// The ids listed, in order; nil lists every article in id order.
  let rows: [ArticleID]?
  /// Every article's marks, by id, and how many are unread.
  let marks: [Marks]
  let unread: Int
  /// How the list is ordered, when not in its natural order (`by date`).
  var orderLabel: String? = nil
  /// Whether a search or a filter narrows the list (the title then says `n of total`).
  let isSearching: Bool
  let top: Int
  let selection: Int
  let terms: [HighlightTerm]
  let focused: Bool
  var columns: [ListColumn] = ListColumn.standard

  /// Rows of the list a pane of `rect` shows articles on: all inside the border but the
  /// header row.
  static func articleRows(in rect: Rect?) -> Int {
    max(1, ReaderLayout.visibleRows(rect) - headerRows(in: rect))
  }

  /// The header row is left out of a list too short to spare it.
  static func headerRows(in rect: Rect?) -> Int {
    ReaderLayout.visibleRows(rect) >= 3 ? 1 : 0
  }

  /// The list row (0 is the top shown) at screen row `y` of a pane drawn in `rect`, if
  /// `y` is on one.
  static func row(atY y: Int, in rect: Rect) -> Int? {
    let first = rect.inner.y + headerRows(in: rect)
    return (first..<rect.inner.maxY).contains(y) ? y - first : nil
  }

  private var count: Int { rows?.count ?? store.count }

  func draw(in rect: Rect, on screen: inout Screen) {
    let shown = isSearching ? "\(count) of \(store.presentCount)" : "\(count)"
    let title =
      "Articles (\(shown))" + (unread > 0 ? " · \(unread) unread" : "")
      + (orderLabel.map { " · \($0)" } ?? "")
    screen.drawBox(rect, title: title, focused: focused)
    let inner = rect.inner
    guard count > 0 else {
      screen.put(
        " No articles.", column: inner.x, row: inner.y, width: inner.width,
        style: Style(dim: true))
      return
    }
    let fitting = ListColumn.fitting(columns, width: inner.width)
    let header = Self.headerRows(in: rect)
    if header > 0 { drawHeader(fitting, at: inner.y, in: inner, on: &screen) }
    for row in 0..<(inner.height - header) {
      let index = top + row
      guard index < count else { break }
      let id = rows?[index] ?? index
      drawRow(
        store[id], marks: marks[id], columns: fitting, selected: index == selection,
        at: inner.y + header + row, in: inner, on: &screen)
    }
  }

  private func drawHeader(
    _ columns: [ListColumn], at y: Int, in inner: Rect, on screen: inout Screen
  ) {
    let style = Style(dim: true, underline: true)
    screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
    screen.put("Title", column: inner.x + 1, row: y, width: inner.width - 1, style: style)
    let cells = Self.cells(columns.map { ($0, $0.heading) })
    screen.put(
      cells, column: inner.maxX - DisplayWidth.of(cells), row: y, width: inner.width,
      style: style)
  }

  /// Column values, each right-aligned in its width, with a space before each and after
  /// the last.
  private static func cells(_ values: [(ListColumn, String)]) -> String {
    values.map { column, text in
      " " + String(repeating: " ", count: max(0, column.width - DisplayWidth.of(text))) + text
    }.joined() + " "
  }

  private func drawRow(
    _ article: Article, marks: Marks, columns: [ListColumn], selected: Bool, at y: Int,
    in inner: Rect, on screen: inout Screen
  ) {
    let stats = columns.isEmpty ? "" : Self.cells(columns.map { ($0, $0.value(of: article)) })
    let statsWidth = DisplayWidth.of(stats)
    let titleWidth = max(0, inner.width - statsWidth - 1)
    let title = TextWrapper.truncate(article.title, width: max(0, titleWidth - 1))
    let bar = selected ? Style(reverse: true, color: .selection) : .plain
    screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: bar)
    var style = bar
    style.bold = true
    let mark = marks.contains(.flagged) ? "!" : marks.contains(.read) ? nil : "N"
    if let mark { screen.put(mark, column: inner.x, row: y, style: style) }
    style.bold = !marks.contains(.read)
    // Off the selection bar, an unread title takes the unread colour (plain by default).
    if !selected, !marks.contains(.read) { style.color = .unread }
    var x = inner.x + 1
    for span in Span.highlighting(title, style: style, terms: terms, fields: [.title]) {
      var spanStyle = span.style
      // On the reversed selection bar, a match shows by un-reversing.
      if selected && spanStyle.color == .match { spanStyle.reverse = false }
      x += screen.put(
        span.text, column: x, row: y, width: max(0, inner.x + titleWidth - x), style: spanStyle)
    }
    screen.put(
      stats, column: inner.maxX - statsWidth, row: y, width: statsWidth,
      style: selected ? bar : Style(dim: true))
  }
}
