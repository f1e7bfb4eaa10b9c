import MarqueeCore
import MarqueeUI

/// What must hold for any bytes at all: decoding, parsing, clean-up, wrapping at any
/// width, tokenizing, indexing, parsing a query and laying an article out for the
/// reader with its matches highlighted never crash, and nothing they produce can reach
/// a terminal as a control sequence or overflow the width it was wrapped to.
enum FuzzChecks {
  static func run(_ bytes: UnsafeRawBufferPointer) {
    // The first byte picks a wrap width from 1 to 128, so widths vary with the input.
    let width = bytes.isEmpty ? 40 : Int(bytes[0] % 128) + 1
    guard case .success(let article) = ArticleParser.parse(bytes: bytes, path: "fuzz.txt")
    else { return }
    var texts = [article.title, article.dek, article.path] + article.paragraphs
    texts += article.relatedLinks
    texts += [article.sourceURL, article.author, article.date, article.published].compactMap { $0 }
    for image in article.images {
      texts += [image.label, image.caption, image.credit].compactMap { $0 }
    }
    for text in texts {
      requireTerminalSafe(text, allowingNewlines: false)
      for line in TextWrapper.wrap(text, width: width) {
        // The one overflow `wrap` allows: a single cluster wider than the line (a wide
        // character at width 1), which goes alone.
        require(
          DisplayWidth.of(line) <= width || line.count == 1,
          "a wrapped line is wider than \(width)")
      }
      _ = Tokenizer.tokensWithRanges(text)
    }
    requireTerminalSafe(ArticleText.render(article, width: width), allowingNewlines: true)
    // `show --explain` prints every line of the file with its decisions.
    if case .success(let explained) = ArticleParser.explain(bytes: bytes, path: "fuzz.txt") {
      require(explained.article == article, "explaining parses differently")
      requireTerminalSafe(ExplanationText.render(explained.lines), allowingNewlines: true)
    }
    let index = SearchIndex(articles: [article])
    for word in Tokenizer.tokens(article.title).prefix(3) {
      if let query = try? SearchQuery("\"\(word)\" OR \(word.prefix(2))*") {
        require(index.search(query).count == 1, "a title word does not find its article")
      }
    }
    // The title is also taken for a query as typed: any text parses or is refused with
    // a reason, and the reader's layout of the article with those matches highlighted
    // keeps every line within the pane.
    let query = try? SearchQuery(String(article.title.prefix(200)))
    if let query { _ = index.search(query) }
    // No narrower than the article pane of the smallest screen the reader draws on: an
    // image line's `▣ ` marker alone is two columns.
    let narrowest =
      (ReaderLayout(size: ReaderLayout.minimumSize, focus: .detail, galleryOpen: false).detail?
        .width ?? ReaderLayout.minimumSize.columns) - 4
    let paneWidth = max(width, narrowest)
    let document = DetailDocument(article: article, width: paneWidth)
    let matches = DetailMatches(terms: query?.highlightTerms ?? [])
    for line in document.lines.map({ matches.marked($0) }) {
      requireTerminalSafe(line.text, allowingNewlines: false)
      require(
        DisplayWidth.of(line.text) <= paneWidth || line.text.count == 1,
        "a laid-out line is wider than \(paneWidth)")
    }
  }

  /// No C0 control (except newline where allowed), DEL, C1 control, bidi control or
  /// line/paragraph separator.
  static func requireTerminalSafe(_ text: String, allowingNewlines: Bool) {
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value == 0x0A && allowingNewlines { continue }
      let forbidden =
        value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
        || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
        || value == 0x061C || value == 0x2028 || value == 0x2029
      require(!forbidden, "U+\(String(value, radix: 16, uppercase: true)) reached the output")
    }
  }

  static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("fuzz check failed: \(message())") }
  }
}
