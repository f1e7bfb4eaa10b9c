/// Where query words occur in a piece of text, as scalar offsets, so callers can mark
/// them (bold on a terminal, `[…]` in a pipe, highlighted in the reader).
public enum Highlights {
  /// Ranges of tokens in `text` that any term matches (terms scoped to another field
  /// are skipped).
  public static func ranges(
    in text: String, terms: [HighlightTerm], field: SearchField
  ) -> [Range<Int>] {
    Matcher(terms: terms, field: field).ranges(in: text)
  }

  /// The terms of one field, made ready once for any number of texts: the reader marks
  /// every line of an article with the same matcher.
  public struct Matcher: Sendable {
    /// Whole words, looked up in a set: a pasted query of 200 words over a long article
    /// compared each word 200 times.
    private let words: Set<String>
    /// The lengths in bytes of `words` below 64, one bit each (and bit 63 for any longer),
    /// so that most tokens are turned down without a string made of them.
    private let wordLengths: UInt64
    private let prefixes: [String]
    /// The English stems of the words whose other forms are marked too (`Oscars` for
    /// `oscar`), as the index finds them.
    private let stems: Set<[UInt8]>

    public init(terms: [HighlightTerm], field: SearchField) {
      let usable = terms.filter { $0.scope.allows(field) }
      words = Set(usable.filter { !$0.isPrefix }.map(\.token))
      wordLengths = words.reduce(0) { $0 | 1 << UInt64(min($1.utf8.count, 63)) }
      prefixes = usable.filter(\.isPrefix).map(\.token)
      stems = Set(
        usable.filter { !$0.isPrefix && $0.withForms }.map {
          Array($0.token.utf8).withUnsafeBufferPointer(EnglishStemmer.stem(bytes:))
        })
    }

    /// Whether no term applies to the field: nothing will be marked.
    public var isEmpty: Bool { words.isEmpty && prefixes.isEmpty }

    public func ranges(in text: String) -> [Range<Int>] {
      guard !isEmpty else { return [] }
      var found: [Range<Int>] = []
      Tokenizer.scan(text) { bytes, range in
        if matches(bytes) { found.append(range) }
      }
      return found
    }

    /// Whether a folded token (its bytes) is a word or starts with a prefix.
    private func matches(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
      let lengthBit: UInt64 = 1 << UInt64(min(token.count, 63))
      guard wordLengths & lengthBit != 0 || !prefixes.isEmpty || !stems.isEmpty else {
        return false
      }
      let text = String(decoding: token, as: UTF8.self)
      return wordLengths & lengthBit != 0 && words.contains(text)
        || prefixes.contains(where: text.hasPrefix)
        || !stems.isEmpty && stems.contains(EnglishStemmer.stem(bytes: token))
    }
  }
}

/// One line of context around the best match in an article, with the matched words.
public struct Snippet: Sendable, Hashable {
  public let text: String
  /// Matched words, as scalar offsets into `text`.
  public let marks: [Range<Int>]

  /// The piece of the article with the most matches (body, dek, captions, credits,
  /// title), cut to about `width` characters around its first match.
  public init(article: Article, terms: [HighlightTerm], width: Int = 120) {
    var pieces: [(String, SearchField)] = article.paragraphs.map { ($0, .body) }
    pieces.append((article.dek, .dek))
    pieces += article.images.flatMap { [$0.label, $0.caption].compactMap { $0 } }.map {
      ($0, .caption)
    }
    pieces += article.images.compactMap(\.credit).map { ("Credit: \($0)", .credit) }
    pieces.append((article.title, .title))
    var best: (text: String, marks: [Range<Int>])?
    for (text, field) in pieces where !text.isEmpty {
      let marks = Highlights.ranges(in: text, terms: terms, field: field)
      if best == nil || marks.count > best!.marks.count { best = (text, marks) }
    }
    guard let best else {
      self.init(text: "", marks: [])
      return
    }
    self.init(cutting: best.text, marks: best.marks, width: width)
  }

  public init(text: String, marks: [Range<Int>]) {
    self.text = text
    self.marks = marks
  }

  /// A window of about `width` scalars starting a little before the first mark, at a
  /// word boundary, with `…` where text was cut.
  init(cutting text: String, marks: [Range<Int>], width: Int) {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count > width else {
      self.init(text: text, marks: marks)
      return
    }
    var start = max(0, (marks.first?.lowerBound ?? 0) - width / 3)
    if start > 0 {
      while start < scalars.count && scalars[start] != " " { start += 1 }
      start = min(start + 1, marks.first?.lowerBound ?? start)
    }
    var end = min(scalars.count, start + width)
    if end < scalars.count {
      var cut = end
      while cut > start && scalars[cut] != " " { cut -= 1 }
      if cut > start { end = cut }
    }
    let prefix = start > 0 ? "…" : ""
    let suffix = end < scalars.count ? "…" : ""
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    let shift = prefix.unicodeScalars.count - start
    let kept = marks.filter { $0.lowerBound >= start && $0.upperBound <= end }
    self.init(
      text: prefix + String(view) + suffix,
      marks: kept.map { ($0.lowerBound + shift)..<($0.upperBound + shift) })
  }

  /// The snippet with each mark wrapped, e.g. in `[` `]` or terminal bold.
  public func rendered(open: String, close: String) -> String {
    var out = ""
    var marks = self.marks[...]
    for (offset, scalar) in text.unicodeScalars.enumerated() {
      if let mark = marks.first, mark.lowerBound == offset { out += open }
      out.unicodeScalars.append(scalar)
      if let mark = marks.first, mark.upperBound == offset + 1 {
        out += close
        marks = marks.dropFirst()
      }
    }
    return out
  }
}
