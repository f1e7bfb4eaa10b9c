import MarqueeCore

/// Where a search's words stand in a laid-out article (`DetailDocument`), and how a line
/// looks with them marked.
///
/// Kept apart from the layout because a search does not move a single line break: when
/// a search's hits arrive, the article is not laid out again (an 8 MiB article read to
/// its end took 360 ms to lay out again up to where the reader was). The lines on screen
/// are marked as they are drawn; the lines with matches are looked for only as `n` and
/// `N` need them, from where the reader is, and the rest a step at a time between keys.
public struct DetailMatches: Sendable {
  public let terms: [HighlightTerm]
  /// The terms of each searchable field, made ready once.
  private let matchers: [SearchField: Highlights.Matcher]
  /// How many matches each line looked at so far has, by line; `unknown` for a line not
  /// looked at yet.
  private var known: [Int32] = []
  private var unknownCount = 0
  /// Where the next step looks on from.
  private var cursor = 0
  private static let unknown: Int32 = -1

  public init(terms: [HighlightTerm]) {
    self.terms = terms
    matchers = Dictionary(
      uniqueKeysWithValues: SearchField.allCases.map {
        ($0, Highlights.Matcher(terms: terms, field: $0))
      })
  }

  /// Whether every line of the document has been looked at.
  public func isComplete(in document: DetailDocument) -> Bool {
    document.isComplete
      && (terms.isEmpty || known.count == document.lines.count && unknownCount == 0)
  }

  /// The lines with a match among those looked at, in order.
  public var lines: [Int] { known.indices.filter { known[$0] > 0 } }

  /// Looks at up to `count` more lines of those laid out, in order from where the last
  /// step stopped (lines `n` and `N` looked at are passed over).
  public mutating func scan(_ document: DetailDocument, moreLines count: Int) {
    guard !terms.isEmpty else { return }
    grow(to: document.lines.count)
    var left = count
    while left > 0, unknownCount > 0 {
      if cursor >= known.count { cursor = 0 }
      if known[cursor] == Self.unknown {
        _ = isMatch(cursor, in: document)
        left -= 1
      }
      cursor += 1
    }
  }

  /// The first line after `line` with a match, among the lines laid out.
  mutating func firstMatch(after line: Int, in document: DetailDocument) -> Int? {
    grow(to: document.lines.count)
    return (max(0, line + 1)..<known.count).first { isMatch($0, in: document) }
  }

  /// The last line before `line` with a match.
  mutating func lastMatch(before line: Int, in document: DetailDocument) -> Int? {
    grow(to: document.lines.count)
    return (0..<min(line, known.count)).reversed().first { isMatch($0, in: document) }
  }

  /// How many matches line `index` has.
  mutating func count(ofLine index: Int, in document: DetailDocument) -> Int {
    grow(to: document.lines.count)
    _ = isMatch(index, in: document)
    return Int(known[index])
  }

  /// How many matches the lines before `line` have, looking at each.
  mutating func count(before line: Int, in document: DetailDocument) -> Int {
    grow(to: document.lines.count)
    return (0..<min(line, known.count)).reduce(0) { $0 + count(ofLine: $1, in: document) }
  }

  /// How many matches the article has: nil until it is all laid out and looked at.
  public func total(in document: DetailDocument) -> Int? {
    guard isComplete(in: document) else { return nil }
    return known.reduce(0) { $0 + Int($1) }
  }

  /// The line as drawn: the search's words in the match style, the `current`-th of them
  /// (from 0) as the one `n` / `N` stepped to.
  public func marked(_ line: StyledLine, current: Int? = nil) -> StyledLine {
    guard let matcher = matcher(for: line), line.spans.count == 1 else { return line }
    var marked = line
    marked.spans = Span.highlighting(
      line.spans[0].text, style: line.spans[0].style, matchers: [matcher], current: current)
    return marked
  }

  private mutating func grow(to count: Int) {
    guard count > known.count else { return }
    unknownCount += count - known.count
    known += repeatElement(Self.unknown, count: count - known.count)
  }

  /// Whether the line has a match, looking at it unless it was looked at before.
  private mutating func isMatch(_ index: Int, in document: DetailDocument) -> Bool {
    if known[index] == Self.unknown {
      let line = document.lines[index]
      let found =
        matcher(for: line).map {
          line.spans.count == 1
            ? Span.markedRanges(in: line.spans[0].text, matchers: [$0]).count : 0
        } ?? 0
      known[index] = Int32(found)
      unknownCount -= 1
    }
    return known[index] > 0
  }

  private func matcher(for line: StyledLine) -> Highlights.Matcher? {
    guard let field = line.field, let matcher = matchers[field], !matcher.isEmpty else {
      return nil
    }
    return matcher
  }
}
