import MarqueeCore

/// A part of the reader's screen. A view holds only the values it shows, taken out of
/// `ReaderState` by `render`, and draws them into the region it is given: it knows
/// neither the rest of the state nor where the other panes are. A new pane is a new view
/// and a line in `render`; tests draw one view alone and compare the whole screen.
protocol PaneView {
  func draw(in rect: Rect, on screen: inout Screen)
}

extension PaneView {
  /// This view alone on a screen of its own size (for tests).
  func screen(_ size: Size) -> Screen {
    var screen = Screen(size: size)
    draw(in: Rect(x: 0, y: 0, width: size.columns, height: size.rows), on: &screen)
    return screen
  }
}

extension Screen {
  /// The one box every pane and overlay is drawn in: a single-line border with a title
  /// in its top edge, bold when the box has the focus, dim otherwise.
  mutating func drawBox(_ rect: Rect, title: String, focused: Bool) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let style = focused ? Style(bold: true, color: .border) : Style(dim: true, color: .border)
    drawBorder(rect, style: style)
    let label = " " + TextWrapper.truncate(title, width: max(0, rect.width - 6)) + " "
    put(
      label, column: rect.x + 2, row: rect.y, width: rect.width - 4,
      style: Style(bold: focused, color: .title))
  }

  /// A note in the bottom edge of a box (a file's path), dim; cut from the left when too
  /// long, since the end of a path says the most.
  mutating func drawBoxFooter(_ rect: Rect, _ text: String) {
    guard rect.width >= 8, rect.height >= 2 else { return }
    let room = rect.width - 6
    var shown = text
    if DisplayWidth.of(shown) > room {
      while DisplayWidth.of(shown) > room - 1, !shown.isEmpty { shown.removeFirst() }
      shown = "…" + shown
    }
    put(
      " \(shown) ", column: rect.x + 2, row: rect.maxY - 1, width: rect.width - 4,
      style: Style(dim: true))
  }

  /// Styled lines inside a box, with a one-column margin either side; the first line
  /// goes on the box's first inner row.
  mutating func drawLines(_ lines: [StyledLine], in inner: Rect) {
    let textRect = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    for (row, line) in lines.prefix(textRect.height).enumerated() {
      var x = textRect.x
      for span in line.spans {
        let remaining = textRect.maxX - x
        guard remaining > 0 else { break }
        x += put(span.text, column: x, row: textRect.y + row, width: remaining, style: span.style)
      }
    }
  }
}
