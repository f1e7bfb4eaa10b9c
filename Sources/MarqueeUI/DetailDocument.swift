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

extension Span {
  /// The text split into spans, with matched words in the match style.
  static func highlighting(
    _ text: String, style: Style, terms: [HighlightTerm], fields: [SearchField]
  ) -> [Span] {
    guard !terms.isEmpty else { return [Span(text, style)] }
    return highlighting(
      text, style: style, matchers: fields.map { Highlights.Matcher(terms: terms, field: $0) })
  }

  /// The same with the terms of each field made ready once, for many lines.
  static func highlighting(
    _ text: String, style: Style, matchers: [Highlights.Matcher]
  ) -> [Span] {
    guard matchers.contains(where: { !$0.isEmpty }) else { return [Span(text, style)] }
    let ranges = matchers.flatMap { $0.ranges(in: text) }.sorted { $0.lowerBound < $1.lowerBound }
    guard !ranges.isEmpty else { return [Span(text, style)] }
    var match = style
    match.color = .match
    match.reverse = true
    let scalars = Array(text.unicodeScalars)
    var spans: [Span] = []
    var position = 0
    func piece(_ range: Range<Int>) -> String {
      String(String.UnicodeScalarView(scalars[range]))
    }
    for range in ranges where range.lowerBound >= position {
      if range.lowerBound > position {
        spans.append(Span(piece(position..<range.lowerBound), style))
      }
      spans.append(Span(piece(range), match))
      position = range.upperBound
    }
    if position < scalars.count { spans.append(Span(piece(position..<scalars.count), style)) }
    return spans
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
  /// Lines holding a highlighted search match, in order (for `n` and `N`).
  public let matchLines: [Int]

  public init(article: Article, width: Int, terms: [HighlightTerm] = []) {
    var builder = LineBuilder(width: width, terms: terms)
    builder.add(article.title, style: Style(bold: true, color: .title), field: .title)
    if let meta = article.metaLine { builder.add(meta, style: Style(dim: true)) }
    if !article.dek.isEmpty { builder.add(article.dek, style: Style(color: .dek), field: .dek) }
    // Unpacked once: `Article.images` decodes every image on each call.
    let images = article.images
    var imageLines = Array(repeating: 0, count: images.count)
    for block in article.body {
      switch block {
      case .paragraph(let text):
        builder.add(text, style: .plain, field: .body)
      case .image(let index):
        imageLines[index] = builder.addImage(images[index])
      }
    }
    lines = builder.lines
    self.imageLines = imageLines
    matchLines = builder.matchLines
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
  /// The search terms of each field the article's text is marked in, made ready once.
  private let matchers: [SearchField: Highlights.Matcher]
  private(set) var lines: [StyledLine] = []
  private(set) var matchLines: [Int] = []
  private var block = 0

  init(width: Int, terms: [HighlightTerm] = []) {
    self.width = max(1, width)
    matchers = Dictionary(
      uniqueKeysWithValues: [SearchField.title, .dek, .body].map {
        ($0, Highlights.Matcher(terms: terms, field: $0))
      })
  }

  /// A block of text, its search matches marked when it is `field`.
  mutating func add(_ text: String, style: Style, field: SearchField? = nil) {
    separate()
    appendWrapped(
      text, style: style, firstIndent: "", indent: "", from: 0,
      matchers: field.flatMap { matchers[$0] }.map { [$0] } ?? [])
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
    _ text: String, style: Style, firstIndent: String, indent: String, from start: Int,
    matchers: [Highlights.Matcher] = []
  ) -> Int {
    let available = max(1, width - max(DisplayWidth.of(indent), DisplayWidth.of(firstIndent)))
    var offset = start
    for (index, line) in TextWrapper.wrap(text, width: available).enumerated() {
      let prefix = index == 0 ? firstIndent : indent
      var spans = prefix.isEmpty ? [] : [Span(prefix, style)]
      let marked = Span.highlighting(line, style: style, matchers: matchers)
      if marked.contains(where: { $0.style.color == .match }) { matchLines.append(lines.count) }
      spans += marked
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
