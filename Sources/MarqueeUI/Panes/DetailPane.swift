import MarqueeCore

/// The selected article, laid out to the pane's width, from `top` down, with search
/// words marked; the title says how far down the pane is (or how far layout has got).
struct DetailPane: PaneView {
  /// The article's layout and its marked matches; nil when no article is selected.
  let layout: DetailDocument?
  let matches: DetailMatches?
  /// The match `n` / `N` stepped to, drawn apart from the others.
  var current: MatchSpot? = nil
  let top: Int
  let focused: Bool
  /// The article's file, relative to the folder it was opened from, in the bottom edge.
  var path: String? = nil

  func draw(in rect: Rect, on screen: inout Screen) {
    drawArticle(in: rect, on: &screen)
    if let path { screen.drawBoxFooter(rect, path) }
  }

  private func drawArticle(in rect: Rect, on screen: inout Screen) {
    guard let document = layout, let matches else {
      screen.drawBox(rect, title: "Article", focused: focused)
      return
    }
    let total = document.lines.count
    let rows = rect.inner.height
    let shown = min(total, top + rows)
    let percent =
      !document.isComplete
      ? "laying out \(document.percentLaidOut)%"
      : total <= rows ? "all" : "\(shown * 100 / max(1, total))%"
    screen.drawBox(rect, title: "Article · \(percent)", focused: focused)
    let onScreen = document.lines.indices.clamped(to: top..<(top + rows))
    screen.drawLines(
      onScreen.map {
        matches.marked(document.lines[$0], current: current?.line == $0 ? current?.index : nil)
      }, in: rect.inner)
  }
}

/// The selected article's images, each with its caption and credit, the selected one
/// marked.
struct GalleryPane: PaneView {
  let document: GalleryDocument
  let imageCount: Int
  let top: Int
  let selection: Int
  let focused: Bool

  func draw(in rect: Rect, on screen: inout Screen) {
    screen.drawBox(rect, title: "Image credits (\(imageCount))", focused: focused)
    let shown = document.lines.indices.clamped(to: top..<(top + rect.inner.height))
    screen.drawLines(shown.map { document.line($0, selected: selection) }, in: rect.inner)
  }
}
