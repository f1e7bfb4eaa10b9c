import MarqueeCore

/// The gallery-caption pane's content: each image numbered, with its label, caption and
/// credit, so a reader can see who took every picture in the article.
///
/// Laid out once per article and width (an article of a thousand images took 8 ms a
/// key when it was laid out for every key), and only as far as the pane needs
/// (`layOut(throughImage:)`, `layOut(throughLine:)`): an article of 100,000 images is
/// not laid out whole to show its first. The selected image's heading is marked as the
/// lines are drawn (`line(_:selected:)`).
public struct GalleryDocument: Sendable {
  /// The lines laid out so far, with no image marked as selected.
  public private(set) var lines: [StyledLine] = []
  /// The first line of the entry of each image laid out so far.
  public private(set) var imageLines: [Int] = []
  /// The lines of each image's heading (number and label), which show the selection.
  private var headings: [Range<Int>] = []
  private var images: ImageReader?
  private let imageCount: Int
  private let width: Int

  public static let emptyMessage = "No images in this article."

  /// The whole gallery laid out.
  public init(article: Article?, width: Int) {
    self.init(article: article, width: width, images: .max)
  }

  /// The gallery with at least its first `count` images laid out.
  public init(article: Article?, width: Int, images count: Int) {
    self.width = max(1, width)
    imageCount = article?.imageCount ?? 0
    guard let article, imageCount > 0 else {
      lines = [
        StyledLine(
          spans: [Span(Self.emptyMessage, Style(dim: true))],
          anchor: ReadingAnchor(block: 0, offset: 0))
      ]
      return
    }
    images = article.imageReader()
    layOut(throughImage: count - 1)
  }

  /// Whether every image is laid out.
  public var isComplete: Bool { imageLines.count == imageCount }

  /// Lays out images until image `index` is laid out (or the last is).
  public mutating func layOut(throughImage index: Int) {
    while imageLines.count <= index, let image = images?.next() { add(image) }
  }

  /// Lays out images until `line` is laid out (or the last image is).
  public mutating func layOut(throughLine line: Int) {
    while lines.count <= line, let image = images?.next() { add(image) }
  }

  private mutating func add(_ image: ArticleImage) {
    let index = imageLines.count
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
