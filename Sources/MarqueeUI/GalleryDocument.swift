import MarqueeCore

/// The gallery-caption pane's content: each image numbered, with its label, caption and
/// credit, so a reader can see who took every picture in the article.
///
/// Laid out once per article and width (an article of a thousand images took 8 ms a
/// key when it was laid out for every key); the selected image's heading is marked as
/// the lines are drawn (`line(_:selected:)`).
public struct GalleryDocument: Sendable {
  /// The lines, with no image marked as selected.
  public let lines: [StyledLine]
  /// The first line of each image's entry.
  public let imageLines: [Int]
  /// The lines of each image's heading (number and label), which show the selection.
  private let headings: [Range<Int>]

  public static let emptyMessage = "No images in this article."

  public init(article: Article?, width: Int) {
    guard let article, !article.images.isEmpty else {
      lines = [
        StyledLine(
          spans: [Span(Self.emptyMessage, Style(dim: true))],
          anchor: ReadingAnchor(block: 0, offset: 0))
      ]
      imageLines = []
      headings = []
      return
    }
    var lines: [StyledLine] = []
    var imageLines: [Int] = []
    var headings: [Range<Int>] = []
    let width = max(1, width)
    for (index, image) in article.images.enumerated() {
      if index > 0 {
        lines.append(StyledLine(spans: [], anchor: ReadingAnchor(block: index, offset: 0)))
      }
      imageLines.append(lines.count)
      func line(_ spans: [Span]) {
        lines.append(
          StyledLine(spans: spans, anchor: ReadingAnchor(block: index, offset: lines.count)))
      }
      let number = "\(index + 1). "
      let indent = String(repeating: " ", count: number.count)
      let label = (image.label ?? "Untitled image") + (image.isGallery ? " ▦ gallery" : "")
      let headingStart = lines.count
      for (row, text) in TextWrapper.wrap(label, width: max(1, width - number.count)).enumerated() {
        line([Span(row == 0 ? number : indent), Span(text, Self.heading)])
      }
      headings.append(headingStart..<lines.count)
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
    self.headings = headings
  }

  private static let heading = Style(bold: true)
  private static let selectedHeading = Style(bold: true, reverse: true, color: .selection)

  /// A line as drawn with image `selected` selected: its heading in the selection style.
  public func line(_ index: Int, selected: Int) -> StyledLine {
    var line = lines[index]
    if headings.indices.contains(selected), headings[selected].contains(index) {
      line.spans = line.spans.map {
        $0.style == Self.heading ? Span($0.text, Self.selectedHeading) : $0
      }
    }
    return line
  }
}
