import MarqueeCore

/// The gallery-caption pane's content: each image numbered, with its label, caption and
/// credit, so a reader can see who took every picture in the article.
public struct GalleryDocument: Sendable {
  public let lines: [StyledLine]
  /// The first line of each image's entry.
  public let imageLines: [Int]

  public static let emptyMessage = "No images in this article."

  public init(article: Article?, width: Int, selected: Int) {
    guard let article, !article.images.isEmpty else {
      lines = [
        StyledLine(
          spans: [Span(Self.emptyMessage, Style(dim: true))],
          anchor: ReadingAnchor(block: 0, offset: 0))
      ]
      imageLines = []
      return
    }
    var lines: [StyledLine] = []
    var imageLines: [Int] = []
    let width = max(1, width)
    for (index, image) in article.images.enumerated() {
      if index > 0 {
        lines.append(StyledLine(spans: [], anchor: ReadingAnchor(block: index, offset: 0)))
      }
      imageLines.append(lines.count)
      let isSelected = index == selected
      func line(_ spans: [Span]) {
        lines.append(
          StyledLine(spans: spans, anchor: ReadingAnchor(block: index, offset: lines.count)))
      }
      let number = "\(index + 1). "
      let indent = String(repeating: " ", count: number.count)
      var heading = Style(bold: true)
      if isSelected { heading = Style(bold: true, reverse: true, color: .selection) }
      let label = (image.label ?? "Untitled image") + (image.isGallery ? " ▦ gallery" : "")
      for (row, text) in TextWrapper.wrap(label, width: max(1, width - number.count)).enumerated() {
        line([Span(row == 0 ? number : indent), Span(text, heading)])
      }
      if let caption = image.caption {
        for text in TextWrapper.wrap(caption, width: max(1, width - indent.count)) {
          line([Span(indent), Span(text)])
        }
      }
      let credit = "Credit: " + (image.credit ?? "none given")
      for text in TextWrapper.wrap(credit, width: max(1, width - indent.count)) {
        line([Span(indent), Span(text, Style(color: .credit))])
      }
    }
    self.lines = lines
    self.imageLines = imageLines
  }
}
