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
    let front = FrontMatter.take(from: &blocks)

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
        path: path, modified: modified, sourceURL: front.sourceURL, published: front.published,
        title: front.title, dek: dek ?? "", body: body, images: layout.images,
        relatedLinks: layout.relatedLinks))
  }
}

/// What comes before the story: the title, and perhaps a source URL and a date.
struct FrontMatter {
  var title: String
  var sourceURL: String?
  var published: String?

  /// Takes the front matter off the first blocks, leaving the story. Handles a first
  /// line that is only a URL, a date line under the title, and the header block of a
  /// saved mail or newsgroup post (whose subject is the title).
  static func take(from blocks: inout [SourceBlock]) -> FrontMatter {
    if let headers = MailHeaders(blocks[0]) {
      blocks.removeFirst()
      return FrontMatter(title: headers.subject, published: headers.date)
    }
    var front = FrontMatter(title: blocks[0].takeFirstLine())
    if LayoutLine.isURL(front.title) {
      front.sourceURL = front.title
      if blocks[0].lines.isEmpty { blocks.removeFirst() }
      if !blocks.isEmpty { front.title = blocks[0].takeFirstLine() }
    }
    if let first = blocks.first?.lines.first, LayoutLine.isDate(first.text) {
      front.published = blocks[0].takeFirstLine()
    }
    blocks.removeAll { $0.lines.isEmpty }
    return front
  }
}

/// The header block of a mail or Usenet post (`From:`, `Subject:`, …): every line a
/// `Name: value` header, with a subject and a sender among them.
struct MailHeaders {
  let subject: String
  let date: String?

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
    guard let subject = fields["subject"], !subject.isEmpty, fields["from"] != nil else {
      return nil
    }
    self.subject = subject
    date = fields["date"]
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
  ///
  /// Works on the UTF-8 bytes, with the same lines as splitting the `Character`s at
  /// `"\n"`: only a CR LF pair, which is a single `Character`, does not end a line there.
  static func split(_ text: String) -> [SourceBlock] {
    ValidUTF8.withBytes(of: text) { bytes in
      var blocks: [SourceBlock] = []
      var current: [SourceLine] = []
      var lineStart = 0
      while lineStart <= bytes.count {
        let end = endOfLine(in: bytes, from: lineStart)
        let raw = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
        let cleaned = TextCleaning.clean(slice(of: text, utf8Offsets: lineStart..<end))
        lineStart = end + 1
        if cleaned.isEmpty {
          if !current.isEmpty { blocks.append(SourceBlock(lines: current)) }
          current = []
        } else {
          current.append(SourceLine(text: cleaned, indented: startsIndented(raw)))
        }
      }
      if !current.isEmpty { blocks.append(SourceBlock(lines: current)) }
      return blocks
    }
  }

  /// Part of the text by UTF-8 offsets on scalar boundaries. Slicing the text, rather than
  /// decoding the bytes again, copies the line without validating it a second time.
  private static func slice(of text: String, utf8Offsets range: Range<Int>) -> Substring {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    return Substring(utf8[start..<utf8.index(start, offsetBy: range.count)])
  }

  /// The index of the LF that ends the line starting at `start`, or the end of the text.
  /// An LF right after a CR does not count: CR LF is a single `Character`.
  private static func endOfLine(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var end = start
    while let newline = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: end) {
      if newline == 0 || bytes[newline - 1] != 0x0D { return newline }
      end = newline + 1
    }
    return bytes.count
  }

  /// Whether the line's first `Character` is a space or a tab. A tab always stands alone;
  /// a space does unless a combining mark (never ASCII) follows it.
  private static func startsIndented(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = raw.first, first == 0x20 || first == 0x09 else { return false }
    if first == 0x09 || raw.count == 1 || raw[1] < 0x80 { return true }
    return String(decoding: raw, as: UTF8.self).first == " "
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
    let line = Substring(text)
    // U+2022 has no canonical equivalent, so a `• ` line starts with its lead byte E2.
    return CharacterAffix.hasPrefix(line, "- ") || CharacterAffix.hasPrefix(line, "* ")
      || (text.utf8.first == 0xE2 && text.hasPrefix("• "))
  }
}
