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

  /// The matches of `matchers` in `text` as they are marked, in order: where two
  /// overlap, the first.
  static func markedRanges(in text: String, matchers: [Highlights.Matcher]) -> [Range<Int>] {
    guard matchers.contains(where: { !$0.isEmpty }) else { return [] }
    var marked: [Range<Int>] = []
    for range in matchers.flatMap({ $0.ranges(in: text) }).sorted(by: {
      $0.lowerBound < $1.lowerBound
    }) where range.lowerBound >= (marked.last?.upperBound ?? 0) {
      marked.append(range)
    }
    return marked
  }

  /// The same with the terms of each field made ready once, for many lines; the
  /// `current`-th match (from 0) is drawn as the one `n` / `N` stepped to: its own colour,
  /// and without colours not reversed where the others are.
  static func highlighting(
    _ text: String, style: Style, matchers: [Highlights.Matcher], current: Int? = nil
  ) -> [Span] {
    let ranges = markedRanges(in: text, matchers: matchers)
    guard !ranges.isEmpty else { return [Span(text, style)] }
    var match = style
    match.color = .match
    match.reverse = true
    var currentMatch = style
    currentMatch.color = .currentMatch
    currentMatch.bold = true
    let scalars = Array(text.unicodeScalars)
    var spans: [Span] = []
    var position = 0
    func piece(_ range: Range<Int>) -> String {
      String(String.UnicodeScalarView(scalars[range]))
    }
    for (number, range) in ranges.enumerated() {
      if range.lowerBound > position {
        spans.append(Span(piece(position..<range.lowerBound), style))
      }
      spans.append(Span(piece(range), number == current ? currentMatch : match))
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
  /// The searchable field the line's text belongs to (title, dek, body), whose search
  /// matches it shows; nil for lines that are not searched this way.
  public var field: SearchField? = nil

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
///
/// A long article is laid out a few screens at a time (`layOut(moreLines:)`): the reader
/// lays out what it shows, and the rest between keys, so that opening a 1 MiB article
/// never holds a key up for the whole of it. Search matches are not part of the layout
/// (a search does not change where lines break): `DetailMatches` finds them, and they
/// are marked on the lines as they are drawn.
public struct DetailDocument: Sendable {
  /// What is laid out, in order: title, the date and author line, dek, then the body.
  private enum Item: Sendable {
    case text(String, Style, SearchField?)
    case image(Int, ArticleImage)
  }

  /// Items read and not laid out yet, from `nextItem` on.
  private var items: [Item]
  private var nextItem = 0
  /// The body, read a part at a time as the items run out.
  private var body: BodyReader
  private var builder: LineBuilder
  /// The line of each image's marker, by image index (0 until the image is laid out).
  private var imageLineStore: [Int]
  private var imageLaidOut: [Bool]

  /// The lines laid out so far: all of them once `isComplete`.
  public var lines: [StyledLine] { builder.lines }
  /// The line of each image's marker, by image index.
  public var imageLines: [Int] { imageLineStore }
  /// Whether every line is laid out.
  public var isComplete: Bool {
    nextItem == items.count && body.isAtEnd && !builder.hasOpenText
  }
  /// How much of the article's text is laid out, in percent.
  public var percentLaidOut: Int { isComplete ? 100 : min(99, body.percentRead) }

  /// The whole article laid out.
  public init(article: Article, width: Int) {
    self.init(article: article, width: width, lines: .max)
  }

  /// The article with at least its first `lines` lines laid out (all of it if shorter).
  public init(article: Article, width: Int, lines: Int) {
    items = [.text(article.title, Style(bold: true, color: .title), .title)]
    if let meta = article.metaLine { items.append(.text(meta, Style(dim: true), nil)) }
    if !article.dek.isEmpty { items.append(.text(article.dek, Style(color: .dek), .dek)) }
    body = article.bodyReader()
    builder = LineBuilder(width: width)
    imageLineStore = Array(repeating: 0, count: article.imageCount)
    imageLaidOut = Array(repeating: false, count: article.imageCount)
    layOut(moreLines: lines)
  }

  /// How much of the body is read at a time: a few screens of text.
  private static let bodyBytesPerRead = 16 << 10

  /// Lays out at least `count` more lines, or the rest of the article.
  public mutating func layOut(moreLines count: Int) {
    let target = lines.count.addingReportingOverflow(count)
    let goal = target.overflow ? Int.max : target.partialValue
    while !isComplete, lines.count < goal {
      if builder.hasOpenText {
        builder.continueText(maxLines: goal - lines.count)
        continue
      }
      if nextItem == items.count {
        items = body.next(bytes: Self.bodyBytesPerRead).map { block in
          switch block {
          case .paragraph(let text): .text(text, .plain, .body)
          case .image(let index, let image): .image(index, image)
          }
        }
        nextItem = 0
        continue
      }
      let item = items[nextItem]
      nextItem += 1
      switch item {
      case .text(let text, let style, let field):
        builder.beginText(text, style: style, field: field)
      case .image(let index, let image):
        imageLineStore[index] = builder.addImage(image)
        imageLaidOut[index] = true
      }
    }
  }

  /// Lays out lines until `line` is one of them, or the article ends.
  public mutating func layOut(throughLine line: Int) {
    while !isComplete, lines.count <= line { layOut(moreLines: max(1, line + 1 - lines.count)) }
  }

  /// The line of an image's marker, laying out as far as the image if need be; nil for
  /// an image the article does not have.
  public mutating func line(ofImage index: Int) -> Int? {
    guard imageLaidOut.indices.contains(index) else { return nil }
    while !imageLaidOut[index], !isComplete { layOut(moreLines: Self.step) }
    return imageLaidOut[index] ? imageLineStore[index] : nil
  }

  /// Lays out lines until one starts after `anchor`, or the article ends.
  public mutating func layOut(past anchor: ReadingAnchor) {
    while !isComplete, lines.last.map({ $0.anchor <= anchor }) ?? true {
      layOut(moreLines: Self.step)
    }
  }

  /// How many lines a step of laying out adds: a few milliseconds of work.
  public static let step = 1_000

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
