import MarqueeCore

/// Wraps blocks into lines, keeping anchors and a blank line between blocks. A block of
/// text may be wrapped a few lines at a time (`beginText`, then `continueText`).
struct LineBuilder: Sendable {
  let width: Int
  private(set) var lines: [StyledLine] = []
  private var block = 0
  /// The text being wrapped, when it is not all wrapped yet.
  private var open: OpenText?

  /// A block of text part way through wrapping.
  private struct OpenText: Sendable {
    let text: String
    let style: Style
    let firstIndent: String
    let indent: String
    let field: SearchField?
    /// Where the next line starts, in the text and in characters.
    var rest: String.Index
    var offset: Int
  }

  init(width: Int) {
    self.width = max(1, width)
  }

  var hasOpenText: Bool { open != nil }

  /// Starts a block of text; `continueText` wraps it.
  mutating func beginText(_ text: String, style: Style, field: SearchField? = nil) {
    separate()
    open = OpenText(
      text: text, style: style, firstIndent: "", indent: "", field: field,
      rest: text.startIndex, offset: 0)
  }

  /// Wraps at least `maxLines` more lines of the open text, or the rest of it.
  mutating func continueText(maxLines: Int) {
    guard let text = open else { return }
    let (offset, rest) = appendWrapped(text, maxLines: maxLines)
    if let rest {
      open?.rest = rest
      open?.offset = offset
    } else {
      open = nil
      block += 1
    }
  }

  /// `▣ label — Image Credit: X`, then the caption, indented and dimmed; one block.
  /// Returns the marker's line.
  mutating func addImage(_ image: ArticleImage) -> Int {
    separate()
    let markerLine = lines.count
    let marker = Style(bold: true, color: .imageMarker)
    var (offset, _) = appendWrapped(
      OpenText(
        text: image.markerText, style: marker, firstIndent: "▣ ", indent: "  ", field: nil,
        rest: image.markerText.startIndex, offset: 0), maxLines: .max)
    if let caption = image.caption {
      (offset, _) = appendWrapped(
        OpenText(
          text: caption, style: Style(dim: true), firstIndent: "  ", indent: "  ", field: nil,
          rest: caption.startIndex, offset: offset), maxLines: .max)
    }
    block += 1
    return markerLine
  }

  /// Wraps text into lines of the current block, each prefixed by an indent (the first
  /// line of the text by `firstIndent`); returns the character offset after the lines,
  /// and where the text goes on when `maxLines` stopped it.
  private mutating func appendWrapped(_ text: OpenText, maxLines: Int) -> (Int, String.Index?) {
    let available = max(
      1, width - max(DisplayWidth.of(text.indent), DisplayWidth.of(text.firstIndent)))
    var offset = text.offset
    let isFirst = text.rest == text.text.startIndex
    let (wrapped, rest) = TextWrapper.wrap(
      text.text, width: available, from: text.rest, maxLines: maxLines)
    for (index, line) in wrapped.enumerated() {
      let prefix = index == 0 && isFirst ? text.firstIndent : text.indent
      let spans = (prefix.isEmpty ? [] : [Span(prefix, text.style)]) + [Span(line, text.style)]
      lines.append(
        StyledLine(
          spans: spans, anchor: ReadingAnchor(block: block, offset: offset), field: text.field))
      offset += line.count + 1
    }
    return (offset, rest)
  }

  /// A blank line before every block but the first; it belongs to the block after it.
  private mutating func separate() {
    guard !lines.isEmpty else { return }
    lines.append(StyledLine(spans: [], anchor: ReadingAnchor(block: block, offset: -1)))
  }
}
