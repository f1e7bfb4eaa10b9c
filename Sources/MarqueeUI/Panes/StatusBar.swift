import MarqueeCore

/// The bottom line: the selected row's place, then the search (its query line while
/// typing, with why it does not parse yet), else the keymap's hints for the focused
/// pane, and a note or the loading progress at the right.
struct StatusBar: PaneView {
  /// `3/120`, or `0/0` for an empty list.
  let position: String
  /// The search as the bar shows it (`/query▏ 12 matches`), if any.
  let search: String?
  /// Why the query being typed does not parse yet; shown only while typing.
  let problem: String?
  let isEditing: Bool
  /// The note or loading progress at the right.
  let note: String?
  let hints: [Binding.ShownHint]

  /// As many hints as fit in `width` cells, whole: a note at the right takes the room of
  /// the last ones rather than cutting one mid-word.
  static func wholeHints(_ hints: [Binding.ShownHint], width: Int) -> String {
    var text = ""
    for hint in hints {
      let next = (text.isEmpty ? "" : text + "  ") + "\(hint.keys) \(hint.label)"
      guard DisplayWidth.of(next) <= width else { break }
      text = next
    }
    return text
  }

  func draw(in rect: Rect, on screen: inout Screen) {
    let style = Style(reverse: true, color: .status)
    let strong = Style(bold: true, reverse: true, color: .status)
    screen.fill(rect, style: style)
    var x = rect.x + screen.put(" \(position) ", column: rect.x, row: rect.y, style: strong)
    if let search {
      x += screen.put(
        " " + search + " ", column: x, row: rect.y, width: rect.maxX - x, style: strong)
      if isEditing {
        if let problem, x < rect.maxX {
          screen.put(" " + problem, column: x, row: rect.y, width: rect.maxX - x, style: style)
        }
        return
      }
    }
    let right = note.map { " \($0) " } ?? ""
    let rightWidth = min(DisplayWidth.of(right), rect.width - (x - rect.x))
    let hintsWidth = rect.maxX - x - rightWidth
    let hintText = Self.wholeHints(hints, width: hintsWidth - 1)
    if !hintText.isEmpty {
      x += screen.put(" " + hintText, column: x, row: rect.y, width: hintsWidth, style: style)
    }
    if rightWidth > 0 {
      screen.put(
        right, column: rect.maxX - rightWidth, row: rect.y, width: rightWidth, style: strong)
    }
  }
}
