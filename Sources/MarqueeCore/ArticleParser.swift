import Foundation

/// Turns decoded article text into an `Article`, following the layout of scraped
/// entertainment pages: title, standfirst, image blocks, body, footer.
///
/// Parsing is total: any text gives an article or a `SkipReason`, and every step is
/// linear in the input, so hostile files cannot make it crash or hang.
public enum ArticleParser {
  /// Decodes and parses a file's bytes.
  public static func parse(
    bytes: UnsafeRawBufferPointer, path: String, modified: Date? = nil
  ) -> Result<Article, SkipReason> {
    ArticleDecoding.decode(bytes).flatMap { parse(text: $0, path: path, modified: modified) }
  }

  /// Parses text that is already decoded (LF line endings).
  public static func parse(
    text: String, path: String, modified: Date? = nil
  ) -> Result<Article, SkipReason> {
    var blocks = SourceBlock.split(text)
    guard !blocks.isEmpty else { return .failure(.noText) }

    var sourceURL: String?
    var title = blocks[0].takeFirstLine()
    if LayoutLine.isURL(title) {
      sourceURL = title
      if blocks[0].lines.isEmpty { blocks.removeFirst() }
      if !blocks.isEmpty { title = blocks[0].takeFirstLine() }
    }
    var published: String?
    if let first = blocks.first?.lines.first, LayoutLine.isDate(first.text) {
      published = blocks[0].takeFirstLine()
    }
    blocks.removeAll { $0.lines.isEmpty }

    var layout = BlockLayout()
    for block in blocks { layout.add(block) }
    layout.attachDetachedLabels()
    layout.dropFooter()

    var body: [ArticleBlock] = []
    var dek: String?
    for piece in layout.pieces {
      switch piece {
      case .image(let index):
        body.append(.image(index))
      case .text(let lines, _):
        var paragraphs = Paragraphs.join(lines)
        if dek == nil, !paragraphs.isEmpty { dek = paragraphs.removeFirst() }
        body.append(contentsOf: paragraphs.map(ArticleBlock.paragraph))
      }
    }
    return .success(
      Article(
        path: path, modified: modified, sourceURL: sourceURL, published: published,
        title: title, dek: dek ?? "", body: body, images: layout.images,
        relatedLinks: layout.relatedLinks))
  }
}

/// One line of the source after clean-up, remembering whether it was indented (which
/// starts a new paragraph in hard-wrapped text).
struct SourceLine {
  let text: String
  let indented: Bool
}

/// A run of non-blank lines.
struct SourceBlock {
  var lines: [SourceLine]

  /// Removes and returns the first line's text.
  mutating func takeFirstLine() -> String {
    lines.removeFirst().text
  }

  /// Splits text into blocks; a line that is empty after clean-up is blank.
  static func split(_ text: String) -> [SourceBlock] {
    var blocks: [SourceBlock] = []
    var current: [SourceLine] = []
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let cleaned = TextCleaning.clean(raw)
      if cleaned.isEmpty {
        if !current.isEmpty { blocks.append(SourceBlock(lines: current)) }
        current = []
      } else {
        let indented = raw.first == " " || raw.first == "\t"
        current.append(SourceLine(text: cleaned, indented: indented))
      }
    }
    if !current.isEmpty { blocks.append(SourceBlock(lines: current)) }
    return blocks
  }
}

/// Hard-wrapped lines back into paragraphs.
enum Paragraphs {
  /// Lines join with single spaces; an indented line starts a new paragraph, and list
  /// items (`- `, `• `, `* `) each start their own.
  static func join(_ lines: [SourceLine]) -> [String] {
    var paragraphs: [String] = []
    var current: [String] = []
    func flush() {
      if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
      current = []
    }
    for line in lines {
      if line.indented || isListItem(line.text) { flush() }
      current.append(line.text)
    }
    flush()
    return paragraphs
  }

  static func isListItem(_ text: String) -> Bool {
    text.hasPrefix("- ") || text.hasPrefix("• ") || text.hasPrefix("* ")
  }
}
