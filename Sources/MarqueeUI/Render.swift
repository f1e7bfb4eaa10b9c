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
  if let rect = layout.list { drawList(state, in: rect, on: &screen) }
  if let rect = layout.detail { drawDetail(state, in: rect, on: &screen) }
  if let rect = layout.gallery { drawGallery(state, in: rect, on: &screen) }
  drawStatus(state, keymap: keymap, in: layout.status, on: &screen)
  if state.helpVisible { HelpOverlay(keymap: keymap).draw(on: &screen) }
  return screen
}

private func drawList(_ state: ReaderState, in rect: Rect, on screen: inout Screen) {
  let count = state.rowCount
  let total = state.store.count
  let title = state.search == nil ? "Articles (\(count))" : "Articles (\(count) of \(total))"
  drawBox(rect, title: title, focused: state.focus == .list, on: &screen)
  let inner = rect.inner
  guard count > 0 else {
    screen.put(
      " No articles.", column: inner.x, row: inner.y, width: inner.width, style: Style(dim: true))
    return
  }
  for row in 0..<inner.height {
    let index = state.listTop + row
    guard index < count else { break }
    let article = state.article(atRow: index)
    let stats =
      " \(rightAligned(article.imageCount, 2))▣ \(rightAligned(article.readingMinutes, 3))m "
    let statsWidth = DisplayWidth.of(stats)
    let titleWidth = max(0, inner.width - statsWidth - 1)
    let title = TextWrapper.truncate(article.title, width: max(0, titleWidth - 1))
    let isSelected = index == state.selection
    let style = isSelected ? Style(reverse: true, color: .selection) : .plain
    let y = inner.y + row
    screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
    var x = inner.x + 1
    let spans = Span.highlighting(
      title, style: style, terms: state.highlightTerms, fields: [.title])
    for span in spans {
      var spanStyle = span.style
      // On the reversed selection bar, a match shows by un-reversing.
      if isSelected && spanStyle.color == .match { spanStyle.reverse = false }
      x += screen.put(
        span.text, column: x, row: y, width: max(0, inner.x + titleWidth - x), style: spanStyle)
    }
    screen.put(
      stats, column: inner.maxX - statsWidth, row: y, width: statsWidth,
      style: isSelected ? style : Style(dim: true))
  }
}

/// A number padded on the left, so list columns line up.
private func rightAligned(_ number: Int, _ width: Int) -> String {
  let text = String(number)
  return String(repeating: " ", count: max(0, width - text.count)) + text
}

private func drawDetail(_ state: ReaderState, in rect: Rect, on screen: inout Screen) {
  // One look at the cache: its layout and its matches belong together.
  guard let cache = state.currentDetailCache else {
    drawBox(rect, title: "Article", focused: state.focus == .detail, on: &screen)
    return
  }
  let (document, matches) = (cache.layout, cache.matches)
  let total = document.lines.count
  let rows = rect.inner.height
  let shown = min(total, state.detailTop + rows)
  let percent =
    !document.isComplete
    ? "laying out \(document.percentLaidOut)%"
    : total <= rows ? "all" : "\(shown * 100 / max(1, total))%"
  drawBox(rect, title: "Article · \(percent)", focused: state.focus == .detail, on: &screen)
  let onScreen = document.lines.indices.clamped(to: state.detailTop..<(state.detailTop + rows))
  drawLines(
    onScreen.map { matches.marked(document.lines[$0]) }, from: 0, in: rect.inner, on: &screen)
}

private func drawGallery(_ state: ReaderState, in rect: Rect, on screen: inout Screen) {
  let document = state.galleryDocument
  let count = state.selectedArticle?.imageCount ?? 0
  drawBox(rect, title: "Image credits (\(count))", focused: state.focus == .gallery, on: &screen)
  let shown = document.lines.indices.clamped(
    to: state.galleryTop..<(state.galleryTop + rect.inner.height))
  let lines = shown.map { document.line($0, selected: state.gallerySelection) }
  drawLines(lines, from: 0, in: rect.inner, on: &screen)
}

/// Draws pane content with a one-column margin inside the border.
private func drawLines(
  _ lines: [StyledLine], from top: Int, in inner: Rect, on screen: inout Screen
) {
  let textRect = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
  for row in 0..<textRect.height {
    let index = top + row
    guard lines.indices.contains(index) else { break }
    var x = textRect.x
    for span in lines[index].spans {
      let remaining = textRect.maxX - x
      guard remaining > 0 else { break }
      x += screen.put(
        span.text, column: x, row: textRect.y + row, width: remaining, style: span.style)
    }
  }
}

/// A single-line border with a title in the top edge; the focused pane's is bold.
private func drawBox(_ rect: Rect, title: String, focused: Bool, on screen: inout Screen) {
  guard rect.width >= 2, rect.height >= 2 else { return }
  let style = focused ? Style(bold: true, color: .border) : Style(dim: true, color: .border)
  screen.drawBorder(rect, style: style)
  let label = " " + TextWrapper.truncate(title, width: max(0, rect.width - 6)) + " "
  screen.put(
    label, column: rect.x + 2, row: rect.y, width: rect.width - 4,
    style: Style(bold: focused, color: .title))
}

private func drawStatus(
  _ state: ReaderState, keymap: Keymap, in rect: Rect, on screen: inout Screen
) {
  let style = Style(reverse: true, color: .status)
  screen.fill(rect, style: style)
  let position =
    state.rowCount == 0 ? " 0/0 " : " \(state.selection + 1)/\(state.rowCount) "
  var x =
    rect.x
    + screen.put(
      position, column: rect.x, row: rect.y, style: Style(bold: true, reverse: true, color: .status)
    )
  if let search = state.searchStatus {
    let searchStyle = Style(bold: true, reverse: true, color: .status)
    x += screen.put(
      " " + search + " ", column: x, row: rect.y, width: rect.maxX - x, style: searchStyle)
    if state.search?.isEditing == true {
      if let problem = state.search?.problem, x < rect.maxX {
        screen.put(" " + problem, column: x, row: rect.y, width: rect.maxX - x, style: style)
      }
      return
    }
  }
  let right = (state.message ?? state.loadingStatus).map { " \($0) " } ?? ""
  let rightWidth = min(DisplayWidth.of(right), rect.width - (x - rect.x))
  let hints = keymap.hints(for: state.focus).map { "\($0.keys) \($0.label)" }
    .joined(separator: "  ")
  let hintsWidth = rect.maxX - x - rightWidth
  if hintsWidth > 2 {
    x += screen.put(" " + hints, column: x, row: rect.y, width: hintsWidth, style: style)
  }
  if rightWidth > 0 {
    screen.put(
      right, column: rect.maxX - rightWidth, row: rect.y, width: rightWidth,
      style: Style(bold: true, reverse: true, color: .status))
  }
}
