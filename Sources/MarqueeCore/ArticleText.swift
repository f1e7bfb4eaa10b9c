/// An article as plain, wrapped text: what `marquee show` prints.
public enum ArticleText {
  /// Title, source and date lines, dek, then the body with `[Image: …]` markers where
  /// images stand; blocks separated by blank lines. `width` 0 means no wrapping.
  public static func render(_ article: Article, width: Int) -> String {
    var blocks: [String] = [article.title]
    if let meta = article.metaLine { blocks[0] += "\n" + meta }
    if !article.dek.isEmpty { blocks.append(article.dek) }
    // Unpacked once: `Article.images` decodes every image on each call.
    let images = article.images
    for block in article.body {
      switch block {
      case .paragraph(let text): blocks.append(text)
      case .image(let index): blocks.append("[Image: \(images[index].summary)]")
      }
    }
    let wrapped = blocks.map { block in
      guard width > 0 else { return block }
      return block.split(separator: "\n").flatMap {
        TextWrapper.wrap(String($0), width: width)
      }.joined(separator: "\n")
    }
    return wrapped.joined(separator: "\n\n") + "\n"
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
