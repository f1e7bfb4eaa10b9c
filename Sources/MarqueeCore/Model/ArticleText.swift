/// An article as plain, wrapped text: what `marquee show` prints.
public enum ArticleText {
  /// Title, source and date lines, dek, then the body with `[Image: …]` markers where
  /// images stand; blocks separated by blank lines. `width` 0 means no wrapping.
  public static func render(_ article: Article, width: Int) -> String {
    var text = ""
    write(article, width: width) { text += $0 }
    return text
  }

  /// `render`'s text given to `output` a part at a time, the body read from the packed
  /// article as it goes: printing a body of a million paragraphs must not hold them all
  /// as strings first.
  public static func write(_ article: Article, width: Int, to output: (String) -> Void) {
    var header = article.title
    if let meta = article.metaLine { header += "\n" + meta }
    output(wrapped(header, width: width))
    if !article.dek.isEmpty { output("\n\n" + wrapped(article.dek, width: width)) }
    var reader = article.bodyReader()
    while !reader.isAtEnd {
      var part = ""
      for block in reader.next(bytes: partBytes) {
        switch block {
        case .paragraph(let text): part += "\n\n" + wrapped(text, width: width)
        case .image(_, let image):
          part += "\n\n" + wrapped("[Image: \(image.summary)]", width: width)
        }
      }
      output(part)
    }
    output("\n")
  }

  /// Body text read at a time.
  private static let partBytes = 1 << 16

  private static func wrapped(_ block: String, width: Int) -> String {
    guard width > 0 else { return block }
    return block.split(separator: "\n").flatMap {
      TextWrapper.wrap(String($0), width: width)
    }.joined(separator: "\n")
  }
}

extension Article {
  /// `By Author · Date · source URL`, leaving out what is absent; nil when all are.
  public var metaLine: String? {
    let parts = [author.map { "By \($0)" }, date, sourceURL].compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }
}

extension ArticleImage {
  /// `label — caption · Credit: X`, leaving out what is absent.
  public var summary: String {
    var text = [label, caption].compactMap { $0 }.joined(separator: " — ")
    if let credit {
      text += text.isEmpty ? "Credit: \(credit)" : " · Credit: \(credit)"
    }
    return text.isEmpty ? "untitled image" : text
  }
}
