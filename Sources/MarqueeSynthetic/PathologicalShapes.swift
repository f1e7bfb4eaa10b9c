/// Article shapes that once made Marquee slow or greedy, built to any size: the
/// benchmark's pathological set measures each against a normal article (time and memory
/// per byte), and tests build them small to count the work a layout does.
public enum PathologicalShape: String, CaseIterable, Sendable {
  /// `Label i` / `Image Credit: Getty i` blocks: thousands of images in one article.
  case imageBlocks = "image blocks"
  /// `Label i`, a blank line, `Image Credit: X i`: every label detached from its image.
  case detachedLabels = "detached labels"
  /// `a`, a blank line, repeated: a paragraph of one letter after another.
  case tinyParagraphs = "tiny paragraphs"
  /// One letter a line, no blank lines: one long hard-wrapped paragraph.
  case oneLetterLines = "one-letter lines"
  /// `- a` list items, one a line.
  case listItems = "list items"
  /// `--` (a mail signature's start) between paragraphs, far from the end of the page.
  case signatureDashes = "signature dashes"

  /// An article of this shape of about `bytes` bytes (at least one unit of the shape).
  public func article(bytes: Int) -> String {
    var text = "A pathological article\n\n"
    var index = 0
    while text.utf8.count < bytes || index == 0 {
      text += unit(index)
      index += 1
    }
    return text
  }

  private func unit(_ index: Int) -> String {
    switch self {
    case .imageBlocks: "Label \(index)\nImage Credit: Getty \(index)\n\n"
    case .detachedLabels: "Label \(index)\n\nImage Credit: X \(index)\n\n"
    case .tinyParagraphs: "a\n\n"
    case .oneLetterLines: "a\n"
    case .listItems: "- a\n"
    case .signatureDashes: "--\n\nA line of the story.\n\n"
    }
  }
}
