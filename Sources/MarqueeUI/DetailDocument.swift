import MarqueeCore

/// A run of text in one style.
public struct Span: Sendable, Hashable {
  public var text: String
  public var style: Style

  public init(_ text: String, _ style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

/// One screen line of a pane's content.
public struct StyledLine: Sendable, Hashable {
  public var spans: [Span]
  /// Which source block the line comes from, and how far into it (in characters) the
  /// line starts: a reading position that survives re-wrapping at another width.
  public var anchor: ReadingAnchor

  public var text: String { spans.map(\.text).joined() }
}

/// A place in an article independent of how wide the pane is.
public struct ReadingAnchor: Sendable, Hashable, Comparable {
  public var block: Int
  public var offset: Int

  public static func < (left: ReadingAnchor, right: ReadingAnchor) -> Bool {
    (left.block, left.offset) < (right.block, right.offset)
  }
}

/// An article laid out for the detail pane at one width: title, dek, body wrapped, and a
/// marker line where each image stands.
public struct DetailDocument: Sendable {
  public let lines: [StyledLine]
  /// The line of each image's marker, by image index.
  public let imageLines: [Int]

  public init(article: Article, width: Int) {
    var builder = LineBuilder(width: width)
    builder.add(article.title, style: Style(bold: true, color: .title))
    let meta = [article.sourceURL, article.published].compactMap { $0 }
    if !meta.isEmpty { builder.add(meta.joined(separator: " · "), style: Style(dim: true)) }
    if !article.dek.isEmpty { builder.add(article.dek, style: Style(color: .dek)) }
    var imageLines = Array(repeating: 0, count: article.images.count)
    for block in article.body {
      switch block {
      case .paragraph(let text):
        builder.add(text, style: .plain)
      case .image(let index):
        imageLines[index] = builder.addImage(article.images[index])
      }
    }
    lines = builder.lines
    self.imageLines = imageLines
  }

  /// The reading position at a line.
  public func anchor(atLine line: Int) -> ReadingAnchor? {
    lines.indices.contains(line) ? lines[line].anchor : nil
  }

  /// The last line that starts at or before the anchor.
  public func line(for anchor: ReadingAnchor) -> Int {
    var low = 0
    var high = lines.count - 1
    var best = 0
    while low <= high {
      let middle = (low + high) / 2
      if lines[middle].anchor <= anchor {
        best = middle
        low = middle + 1
      } else {
        high = middle - 1
      }
    }
    return best
  }
}

/// Wraps blocks into lines, keeping anchors and a blank line between blocks.
struct LineBuilder {
  let width: Int
  private(set) var lines: [StyledLine] = []
  private var block = 0

  init(width: Int) { self.width = max(1, width) }

  mutating func add(_ text: String, style: Style) {
    separate()
    appendWrapped(text, style: style, firstIndent: "", indent: "", from: 0)
    block += 1
  }

  /// `▣ label — Image Credit: X`, then the caption, indented and dimmed; one block.
  /// Returns the marker's line.
  mutating func addImage(_ image: ArticleImage) -> Int {
    separate()
    let markerLine = lines.count
    let marker = Style(bold: true, color: .imageMarker)
    let offset = appendWrapped(
      image.markerText, style: marker, firstIndent: "▣ ", indent: "  ", from: 0)
    if let caption = image.caption {
      appendWrapped(caption, style: Style(dim: true), firstIndent: "  ", indent: "  ", from: offset)
    }
    block += 1
    return markerLine
  }

  /// Wraps text into lines of the current block, each prefixed by an indent; returns
  /// the character offset after the text.
  @discardableResult
  private mutating func appendWrapped(
    _ text: String, style: Style, firstIndent: String, indent: String, from start: Int
  ) -> Int {
    let available = max(1, width - max(DisplayWidth.of(indent), DisplayWidth.of(firstIndent)))
    var offset = start
    for (index, line) in TextWrapper.wrap(text, width: available).enumerated() {
      let prefix = index == 0 ? firstIndent : indent
      let spans = prefix.isEmpty ? [Span(line, style)] : [Span(prefix, style), Span(line, style)]
      lines.append(StyledLine(spans: spans, anchor: ReadingAnchor(block: block, offset: offset)))
      offset += line.count + 1
    }
    return offset
  }

  /// A blank line before every block but the first; it belongs to the block after it.
  private mutating func separate() {
    guard !lines.isEmpty else { return }
    lines.append(StyledLine(spans: [], anchor: ReadingAnchor(block: block, offset: -1)))
  }
}

extension ArticleImage {
  /// What the reader shows where an image stands: `label — Image Credit: X`.
  public var markerText: String {
    switch (label, credit) {
    case (let label?, let credit?): "\(label) — Image Credit: \(credit)"
    case (let label?, nil): label
    case (nil, let credit?): "Image Credit: \(credit)"
    case (nil, nil): "Image"
    }
  }
}
