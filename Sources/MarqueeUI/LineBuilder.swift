import MarqueeCore

/// Wraps blocks into lines, keeping anchors and a blank line between blocks. A block of
/// text may be wrapped a few lines at a time (`beginText`, then `continueText`).
struct LineBuilder: Sendable {
  let width: Int
  /// The search terms of each field the article's text is marked in, made ready once.
  private let matchers: [SearchField: Highlights.Matcher]
  private(set) var lines: [StyledLine] = []
  private(set) var matchLines: [Int] = []
  private var block = 0
  /// The text being wrapped, when it is not all wrapped yet.
  private var open: OpenText?

  /// A block of text part way through wrapping.
  private struct OpenText: Sendable {
    let text: String
    let style: Style
    let firstIndent: String
    let indent: String
    let matchers: [Highlights.Matcher]
    /// Where the next line starts, in the text and in characters.
    var rest: String.Index
    var offset: Int
  }

  init(width: Int, terms: [HighlightTerm] = []) {
    self.width = max(1, width)
    matchers = Dictionary(
      uniqueKeysWithValues: [SearchField.title, .dek, .body].map {
        ($0, Highlights.Matcher(terms: terms, field: $0))
      })
  }

  var hasOpenText: Bool { open != nil }

  /// A block of text, its search matches marked when it is `field`, wrapped whole.
  mutating func add(_ text: String, style: Style, field: SearchField? = nil) {
    beginText(text, style: style, field: field)
    while hasOpenText { continueText(maxLines: .max) }
  }

  /// Starts a block of text; `continueText` wraps it.
  mutating func beginText(_ text: String, style: Style, field: SearchField? = nil) {
    separate()
    open = OpenText(
      text: text, style: style, firstIndent: "", indent: "",
      matchers: field.flatMap { matchers[$0] }.map { [$0] } ?? [], rest: text.startIndex,
      offset: 0)
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
        text: image.markerText, style: marker, firstIndent: "▣ ", indent: "  ", matchers: [],
        rest: image.markerText.startIndex, offset: 0), maxLines: .max)
    if let caption = image.caption {
      (offset, _) = appendWrapped(
        OpenText(
          text: caption, style: Style(dim: true), firstIndent: "  ", indent: "  ", matchers: [],
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
      var spans = prefix.isEmpty ? [] : [Span(prefix, text.style)]
      let marked = Span.highlighting(line, style: text.style, matchers: text.matchers)
      if marked.contains(where: { $0.style.color == .match }) { matchLines.append(lines.count) }
      spans += marked
      lines.append(StyledLine(spans: spans, anchor: ReadingAnchor(block: block, offset: offset)))
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
