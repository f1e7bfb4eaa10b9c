import MarqueeCore

/// The list of articles: one row per article, a mark (`N` unread, `!` flagged, as in
/// mutt), its title (bold while unread, search words marked) and, at the right, its
/// image count and reading time. The title counts the unread.
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

  private var count: Int { rows?.count ?? store.count }

  func draw(in rect: Rect, on screen: inout Screen) {
    let shown = isSearching ? "\(count) of \(store.count)" : "\(count)"
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
    for row in 0..<inner.height {
      let index = top + row
      guard index < count else { break }
      let id = rows?[index] ?? index
      drawRow(
        store[id], marks: marks[id], selected: index == selection, at: inner.y + row, in: inner,
        on: &screen)
    }
  }

  private func drawRow(
    _ article: Article, marks: Marks, selected: Bool, at y: Int, in inner: Rect,
    on screen: inout Screen
  ) {
    let stats =
      " \(Self.rightAligned(article.imageCount, 2))▣ "
      + "\(Self.rightAligned(article.readingMinutes, 3))m "
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

  /// A number padded on the left, so list columns line up.
  private static func rightAligned(_ number: Int, _ width: Int) -> String {
    let text = String(number)
    return String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
