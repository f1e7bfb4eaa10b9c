/// Sorts the blocks of an article body into text and images, in reading order.
///
/// The rules follow what scraped pages do: a label line above `View gallery` and a
/// credit line; a two-line `label` / `caption (Credit)` block; a one-line caption with
/// an explicit `(Photo Credit: X)`; and a label left in a block of its own just above.
struct BlockLayout {
  enum Piece {
    /// Text lines; `wholeBlock` when they are an entire source block (a candidate for a
    /// detached label).
    case text([SourceLine], wholeBlock: Bool)
    case image(Int)
  }

  private(set) var pieces: [Piece] = []
  private(set) var images: [ArticleImage] = []
  private(set) var relatedLinks: [String] = []

  mutating func add(_ block: SourceBlock) {
    let lines = block.lines
    if lines.count == 2, LayoutLine.isLabelLike(lines[0].text), !lines[0].indented,
      let (caption, credit) = LayoutLine.trailingCredit(lines[1].text, explicitOnly: false)
    {
      addImage(ArticleImage(label: lines[0].text, caption: caption, credit: credit))
      return
    }
    if lines.count == 1, LayoutLine.credit(lines[0].text) == nil,
      let (caption, credit) = LayoutLine.trailingCredit(lines[0].text, explicitOnly: true)
    {
      addImage(ArticleImage(label: nil, caption: caption, credit: credit))
      return
    }
    addLines(of: lines)
  }

  /// Walks a block line by line for gallery markers, credit lines and teasers.
  private mutating func addLines(of lines: [SourceLine]) {
    var text: [SourceLine] = []
    var consumedAny = false
    /// The gallery image just started by `View gallery`, waiting for its credit line.
    var openGallery: Int?
    func flushText(whole: Bool) {
      if !text.isEmpty { pieces.append(.text(text, wholeBlock: whole)) }
      text = []
    }
    for line in lines {
      if LayoutLine.isTeaser(line.text) {
        relatedLinks.append(line.text)
        consumedAny = true
        continue
      }
      if LayoutLine.isGalleryMarker(line.text) {
        let label = text.popLast()?.text
        flushText(whole: false)
        openGallery = addImage(
          ArticleImage(label: label, caption: nil, credit: nil, isGallery: true))
        consumedAny = true
        continue
      }
      if let credit = LayoutLine.credit(line.text) {
        if let index = openGallery {
          let image = images[index]
          images[index] = ArticleImage(
            label: image.label, caption: image.caption, credit: credit, isGallery: true)
        } else {
          let label = text.popLast()?.text
          flushText(whole: false)
          addImage(ArticleImage(label: label, caption: nil, credit: credit))
        }
        openGallery = nil
        consumedAny = true
        continue
      }
      openGallery = nil
      text.append(line)
    }
    flushText(whole: !consumedAny)
  }

  @discardableResult
  private mutating func addImage(_ image: ArticleImage) -> Int {
    images.append(image)
    pieces.append(.image(images.count - 1))
    return images.count - 1
  }

  /// An image with no label takes a one-line, label-like block standing just before it.
  mutating func attachDetachedLabels() {
    var index = 1
    while index < pieces.count {
      guard case .image(let imageIndex) = pieces[index], images[imageIndex].label == nil,
        case .text(let lines, wholeBlock: true) = pieces[index - 1], lines.count == 1,
        LayoutLine.isLabelLike(lines[0].text)
      else {
        index += 1
        continue
      }
      let image = images[imageIndex]
      images[imageIndex] = ArticleImage(
        label: lines[0].text, caption: image.caption, credit: image.credit,
        isGallery: image.isGallery)
      pieces.remove(at: index - 1)
    }
  }

  /// Drops trailing site furniture such as `More From Our Partners`.
  mutating func dropFooter() {
    while case .text(let lines, _) = pieces.last,
      LayoutLine.isFooter(lines.map(\.text).joined(separator: " "))
    {
      pieces.removeLast()
    }
  }
}
