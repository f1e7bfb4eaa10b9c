import Foundation

/// Turns decoded article text into an `Article`, following the layout of scraped
/// entertainment pages: title, standfirst, byline and date, image blocks, body, and the
/// site furniture around them.
///
/// Parsing is total: any text gives an article or a `SkipReason`, and every step is
/// linear in the input, so hostile files cannot make it crash or hang.
///
/// `tables` are the photo sources and furniture phrases the layout rules know: the
/// built-in ones, or those with a user's additions (`ParserTables.adding`, built once
/// for many files).
public enum ArticleParser {
  /// Decodes and parses a file's bytes.
  public static func parse(
    bytes: UnsafeRawBufferPointer, path: String, modified: Date? = nil,
    tables: ParserTables = .builtIn
  ) -> Result<Article, SkipReason> {
    ArticleDecoding.decode(bytes).flatMap {
      parse(text: $0, path: path, modified: modified, tables: tables)
    }
  }

  /// Parses text that is already decoded (LF line endings).
  public static func parse(
    text: String, path: String, modified: Date? = nil, tables: ParserTables = .builtIn
  ) -> Result<Article, SkipReason> {
    parse(text: text, path: path, modified: modified, trace: nil, tables: tables)
  }

  /// Every line of a file with what it became and the rule that decided it, as
  /// `marquee show --explain` prints them, with the article parsed from it.
  public static func explain(
    bytes: UnsafeRawBufferPointer, path: String, tables: ParserTables = .builtIn
  ) -> Result<(article: Article, lines: [ExplainedLine]), SkipReason> {
    ArticleDecoding.decode(bytes).flatMap { explain(text: $0, path: path, tables: tables) }
  }

  public static func explain(
    text: String, path: String, tables: ParserTables = .builtIn
  ) -> Result<(article: Article, lines: [ExplainedLine]), SkipReason> {
    let trace = LayoutTrace()
    return parse(text: text, path: path, modified: nil, trace: trace, tables: tables).map {
      ($0, trace.lines)
    }
  }

  private static func parse(
    text: String, path: String, modified: Date?, trace: LayoutTrace?, tables: ParserTables
  ) -> Result<Article, SkipReason> {
    var reader = PageReader(trace: trace, tables: tables)
    SourceBlock.split(text, trace: trace) { reader.take(&$0) }
    reader.finish()
    guard let front = reader.front else { return .failure(.noText) }
    return .success(
      Article(
        path: path, modified: modified, sourceURL: front.sourceURL, author: reader.author,
        date: reader.date?.text, title: front.title, dek: reader.story.dek ?? "",
        body: reader.story.body, images: reader.story.images, relatedLinks: reader.relatedLinks,
        contentHash: ContentHash.of(text))
    )
  }
}

/// What comes before the story: the title, and perhaps a source URL, an author and a
/// date.
struct FrontMatter {
  /// The blocks it may read: the first two (the second when the first is only a URL).
  static let blocksRead = 2

  var title: String
  var sourceURL: String?
  var author: String?
  var date: DateLine?

  /// Takes the front matter off the first blocks, leaving the story. Handles a first
  /// line that is only a URL, a date line under the title, and the header block of a
  /// saved mail or newsgroup post (whose subject is the title and sender the author).
  static func take(from blocks: inout [SourceBlock], trace: LayoutTrace?) -> FrontMatter {
    if let headers = MailHeaders(blocks[0]) {
      for line in blocks[0].lines {
        let name = line.text.prefix { $0 != ":" }.lowercased()
        switch name {
        case "subject":
          trace?.note(line.number, .title, headers.subject, rule: "the post's subject")
        case "from": trace?.note(line.number, .author, headers.author, rule: "the post's sender")
        case "date": trace?.note(line.number, .date, headers.date?.text, rule: "the post's date")
        default: trace?.note(line.number, .mailHeader, rule: "mail or newsgroup header")
        }
      }
      blocks.removeFirst()
      return FrontMatter(title: headers.subject, author: headers.author, date: headers.date)
    }
    var titleLine = blocks[0].takeFirstLine()
    var front = FrontMatter(title: titleLine.text)
    if LayoutLine.isURL(front.title) {
      trace?.note(titleLine.number, .sourceURL, titleLine.text, rule: "first line is a web address")
      front.sourceURL = front.title
      if blocks[0].lines.isEmpty { blocks.removeFirst() }
      if !blocks.isEmpty {
        titleLine = blocks[0].takeFirstLine()
        front.title = titleLine.text
      }
    }
    trace?.note(titleLine.number, .title, rule: "first line")
    if let first = blocks.first?.lines.first, let date = DateLine.read(first.text) {
      trace?.note(first.number, .date, date.text, rule: "date line under the title")
      front.date = date
      _ = blocks[0].takeFirstLine()
    }
    // Only the first block gives up lines here; the others are left as they are.
    while blocks.first?.lines.isEmpty == true { blocks.removeFirst() }
    return front
  }
}

/// The header block of a mail or Usenet post (`From:`, `Subject:`, …): every line a
/// `Name: value` header, with a subject and a sender among them.
struct MailHeaders {
  let subject: String
  let author: String
  let date: DateLine?

  init?(_ block: SourceBlock) {
    var fields: [String: String] = [:]
    for line in block.lines {
      if !line.indented && !Self.startsWithHeaderName(line.text) { return nil }
      guard let colon = line.text.firstIndex(of: ":"), colon > line.text.startIndex else {
        if line.indented { continue }  // a folded header line
        return nil
      }
      let name = line.text[..<colon]
      guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
        return nil
      }
      let value = line.text[line.text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      fields[name.lowercased()] = fields[name.lowercased()] ?? value
    }
    guard let subject = fields["subject"], !subject.isEmpty, let from = fields["from"] else {
      return nil
    }
    self.subject = subject
    author = Self.sender(from)
    date = fields["date"].map { DateLine.read($0) ?? DateLine(text: $0, iso: nil) }
  }

  /// The sender's name from `Name <address>`, `address (Name)` or a bare address.
  static func sender(_ from: String) -> String {
    if let open = from.firstIndex(of: "<"), open > from.startIndex {
      let name = from[..<open].trimmingCharacters(in: .whitespaces)
        .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
      if !name.isEmpty { return name }
    }
    if let open = from.firstIndex(of: "("), let close = from.lastIndex(of: ")"), open < close {
      let name = from[from.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
      if !name.isEmpty { return name }
    }
    return from.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
  }

  /// Whether the bytes before the first colon byte are all ASCII letters, digits and
  /// hyphens. Decides cheaply, on bytes, what the `Character` checks below would reject
  /// (no other scalar is equivalent to `:`), so a title line is turned down without a
  /// grapheme walk.
  private static func startsWithHeaderName(_ text: String) -> Bool {
    ValidUTF8.withBytes(of: text) { bytes in
      guard let colon = ByteSearch.firstIndex(of: 0x3A, in: bytes) else { return false }
      return bytes[..<colon].allSatisfy { $0 == 0x2D || ValidUTF8.isASCIILetterOrDigit($0) }
    }
  }
}
