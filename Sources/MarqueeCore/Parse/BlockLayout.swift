/// Sorts the story's blocks into text and images, in reading order.
///
/// The rules follow what scraped pages do: a label line above `View gallery` and a
/// credit line; a two-line `label` / `caption… (Credit)` block; a caption ending in its
/// credit; a credit line alone, under the caption or label it belongs to (or with no
/// blank line before the next paragraph: it never joins one); a label line of names
/// ending in a photo source; a credit run into a paragraph; and a label left in a block
/// of its own just above an image.
///
/// Blocks come one at a time, and what is laid out goes on as soon as no later block can
/// change it: only the last piece is held, for the image that may come next to take it
/// as its label.
struct BlockLayout {
  enum Piece {
    /// Text lines; `wholeBlock` when they are an entire source block (a candidate for a
    /// detached label).
    case text([SourceLine], wholeBlock: Bool)
    case image(Int)
  }

  /// What is laid out, in reading order.
  enum LaidOut {
    case text([SourceLine])
    case image(ArticleImage)
  }

  /// The pieces of the block being laid out.
  private var pieces: [Piece] = []
  private var images: [ArticleImage] = []
  /// The last piece laid out, held back from the story while the next may still change
  /// it.
  private var held: Piece?
  private let trace: LayoutTrace?
  private let tables: ParserTables

  init(trace: LayoutTrace?, tables: ParserTables) {
    self.trace = trace
    self.tables = tables
  }

  /// Lays out the next block; `story` gets the pieces before it that are final.
  /// `knownCredits` are the lines the story filter found to be only a credit, by line
  /// number.
  mutating func add(
    _ block: SourceBlock, knownCredits: KnownCredits, into story: inout StoryText
  ) {
    pieces.empty()
    let imagesBefore = images.count
    addUnlessSlide(block, knownCredits)
    if block.startsSlide { makeSlide(block, imagesFrom: imagesBefore) }
    for piece in pieces { attach(piece, into: &story) }
  }

  /// Ends the page: the piece held back goes too.
  mutating func finish(into story: inout StoryText) {
    if let held { story.add(final(held)) }
    held = nil
  }

  /// A slide (the block after a `3 of 12` counter) is one picture: its text is the
  /// image's label and caption, however it is laid out. `pieces` are the block's own.
  private mutating func makeSlide(_ block: SourceBlock, imagesFrom first: Int) {
    guard images.count - first <= 1 else { return }
    var textLines: [SourceLine] = []
    for piece in pieces {
      if case .text(let lines, _) = piece { textLines += lines }
    }
    guard textLines.count <= 2,
      textLines.allSatisfy({ $0.text.utf8.count <= LayoutPhrases.maximumCaptionAboveCredit })
    else { return }
    var image =
      images.count > first ? images[first] : ArticleImage(label: nil, caption: nil, credit: nil)
    guard image.caption == nil, !textLines.isEmpty else { return }
    var label = image.label
    var captionLines = textLines
    if label == nil, captionLines.count == 2, LayoutLine.isLabelLike(captionLines[0].text) {
      label = captionLines.removeFirst().text
      trace?.note(textLines[0].number, .imageLabel, label, rule: "label line of a slide")
    }
    for line in captionLines {
      trace?.note(line.number, .caption, line.text, rule: "caption of a slide")
    }
    image = ArticleImage(
      label: label, caption: captionLines.map(\.text).joined(separator: " "), credit: image.credit)
    pieces.empty()
    if images.count > first { images.removeLast() }
    images.append(image)
    pieces.append(.image(images.count - 1))
  }

  private mutating func addUnlessSlide(_ block: SourceBlock, _ knownCredits: KnownCredits) {
    let lines = block.lines
    if lines.count == 2, LayoutLine.isLabelLike(lines[0].text),
      let split = CreditTail.split(lines[1].text, loose: true, in: tables)
    {
      addImage(
        label: lines[0], caption: split.caption, credit: split.credit, line: lines[1],
        rule: split.rule)
      return
    }
    addLines(of: lines, knownCredits)
  }

  /// Walks a block line by line for gallery markers and credits.
  private mutating func addLines(of lines: [SourceLine], _ knownCredits: KnownCredits) {
    var text: [SourceLine] = []
    var consumedAny = false
    /// The gallery image just started by `View gallery`, waiting for its credit line.
    var openGallery: Int?
    func flushText(whole: Bool) {
      if !text.isEmpty { pieces.append(.text(text, wholeBlock: whole)) }
      text = []
    }
    for (position, line) in lines.enumerated() {
      let image = readImage(line, knownCredits)
      // Until a line is taken for an image, the text is the block's own lines so far,
      // copied only then: most blocks keep every line and share them as they are.
      if case .none = image {
        if consumedAny { text.append(line) }
        openGallery = nil
        continue
      }
      if !consumedAny { text = Array(lines[..<position]) }
      if case .galleryMarker = image {
        let label = text.popLast()
        flushText(whole: false)
        trace?.note(line.number, .galleryMarker, rule: "gallery marker")
        openGallery = addImage(
          ArticleImage(label: label?.text, caption: nil, credit: nil, isGallery: true),
          labelLine: label)
        consumedAny = true
        continue
      }
      if case .credit(let credit, let rule) = image, let index = openGallery {
        let open = images[index]
        images[index] = ArticleImage(
          label: open.label, caption: open.caption, credit: credit, isGallery: true)
        trace?.note(line.number, .credit, credit, rule: rule + ", for the gallery above")
        openGallery = nil
        consumedAny = true
        continue
      }
      openGallery = nil
      switch image {
      case .credit(let credit, let rule):
        // The lines just above, in the same block, say what the picture shows.
        let (label, captions) = Self.takeDescription(from: &text)
        flushText(whole: false)
        for caption in captions {
          trace?.note(
            caption.number, .caption, caption.text, rule: "caption just above a credit line")
        }
        let caption = captions.isEmpty ? nil : captions.map(\.text).joined(separator: " ")
        addImage(
          ArticleImage(label: label?.text, caption: caption, credit: credit), labelLine: label,
          creditLine: line, rule: rule)
      case .labelAndCredit(let label, let credit):
        flushText(whole: false)
        trace?.note(line.number, .imageLabel, label, rule: "names before a photo source")
        addImage(
          ArticleImage(label: label, caption: nil, credit: credit), creditLine: line,
          rule: "label line of names ending in a photo source")
      case .captioned(let split):
        let above = text.last.flatMap { LayoutLine.isLabelLike($0.text) ? text.popLast() : nil }
        flushText(whole: false)
        addImage(
          label: above, caption: split.caption, credit: split.credit, line: line, rule: split.rule)
      case .inline(var inline):
        // A paragraph may hold several credits; each image stands where its credit was.
        while true {
          if !inline.before.isEmpty { text.append(SourceLine(inline.before, like: line)) }
          flushText(whole: false)
          addImage(
            ArticleImage(label: nil, caption: nil, credit: inline.credit), creditLine: line,
            rule: inline.rule)
          guard let next = CreditTail.inline(inline.after, in: tables) else { break }
          inline = next
        }
        if !inline.after.isEmpty { text.append(SourceLine(inline.after, like: line)) }
      case .galleryMarker, .none:
        text.append(line)
        continue
      }
      consumedAny = true
    }
    if consumedAny {
      flushText(whole: false)
    } else if !lines.isEmpty {
      // The block's own lines, shared rather than the copy made line by line.
      pieces.append(.text(lines, wholeBlock: true))
    }
  }

  /// What a line holds of an image.
  private enum ImageLine {
    case galleryMarker
    case credit(String, rule: String)
    case labelAndCredit(label: String, credit: String)
    case captioned(CreditTail.Split)
    case inline(CreditTail.Inline)
    case none
  }

  private func readImage(_ line: SourceLine, _ knownCredits: KnownCredits) -> ImageLine {
    let text = line.text
    if LayoutLine.isGalleryMarker(text) { return .galleryMarker }
    if !line.isKnownNoCredit,
      let (credit, rule) = knownCredits[line: line.number]
        ?? CreditGrammar.wholeLine(text, in: tables)
    {
      return .credit(credit, rule: rule)
    }
    if let (label, credit) = LabelWithCredit.split(text, in: tables) {
      return .labelAndCredit(label: label, credit: credit)
    }
    if let split = CreditTail.split(text, in: tables) { return .captioned(split) }
    if let inline = CreditTail.inline(text, in: tables) { return .inline(inline) }
    return .none
  }

  /// What the lines just above a credit line say of its picture: a label line; or a
  /// caption sentence short enough not to be a paragraph, under a label that opens the
  /// block (`Name` / `Name arrives at…` / `Photographer/Agency`); or the tabloid run of
  /// captions that open with a kicker (`Smiling through: …`, `Out with friends: …`).
  private static func takeDescription(from text: inout [SourceLine]) -> (
    label: SourceLine?, captions: [SourceLine]
  ) {
    var kickers: [SourceLine] = []
    while let last = text.last, hasKicker(last.text),
      last.text.utf8.count <= LayoutPhrases.maximumCaptionAboveCredit
    {
      kickers.insert(text.removeLast(), at: 0)
    }
    if !kickers.isEmpty { return (nil, kickers) }
    guard let last = text.last else { return (nil, []) }
    if LayoutLine.isLabelLike(last.text) { return (text.popLast(), []) }
    guard last.text.utf8.count <= LayoutPhrases.maximumCaptionAboveCredit else { return (nil, []) }
    let caption = text.removeLast()
    if text.count == 1, LayoutLine.isLabelLike(text[0].text) { return (text.popLast(), [caption]) }
    return (nil, [caption])
  }

  /// `Smiling through: Oriel Banks, 31, …`: a few words and a colon, then a capital.
  static func hasKicker(_ line: String) -> Bool {
    // Most lines have no colon at all, found on the bytes.
    guard ValidUTF8.contains(line, ascii: ":") else { return false }
    guard let colon = line.prefix(LayoutPhrases.longestKicker).firstIndex(of: ":") else {
      return false
    }
    let kicker = line[..<colon]
    let after = line[line.index(after: colon)...]
    return kicker.first?.isUppercase ?? false && kicker.split(separator: " ").count <= 4
      && after.first == " " && (after.dropFirst().first?.isUppercase ?? false)
  }

  private mutating func addImage(
    label: SourceLine?, caption: String?, credit: String, line: SourceLine, rule: String
  ) {
    if let caption, label?.number != line.number {
      trace?.note(line.number, .caption, caption, rule: "caption before its credit")
    }
    addImage(
      ArticleImage(label: label?.text, caption: caption, credit: credit), labelLine: label,
      creditLine: line, rule: rule)
  }

  @discardableResult
  private mutating func addImage(
    _ image: ArticleImage, labelLine: SourceLine? = nil, creditLine: SourceLine? = nil,
    rule: String = ""
  ) -> Int {
    if let labelLine {
      trace?.note(labelLine.number, .imageLabel, labelLine.text, rule: "label line above the image")
    }
    if let creditLine, let credit = image.credit {
      trace?.note(creditLine.number, .credit, credit, rule: rule)
    }
    images.append(image)
    pieces.append(.image(images.count - 1))
    return images.count - 1
  }

  /// An image with no label takes a one-line, label-like block standing just before it;
  /// an image that is only a label and its credit (`Names Getty Images`) takes the
  /// caption of an unlabelled image right after it, which is the same picture.
  private mutating func attach(_ piece: Piece, into story: inout StoryText) {
    if case .image(let index) = piece, images[index].label == nil {
      let image = images[index]
      if case .text(let lines, wholeBlock: true) = held, lines.count == 1,
        LayoutLine.isLabelLike(lines[0].text)
      {
        held = nil
        trace?.note(
          lines[0].number, .imageLabel, lines[0].text, rule: "label block just above an image")
        images[index] = ArticleImage(
          label: lines[0].text, caption: image.caption, credit: image.credit,
          isGallery: image.isGallery)
      } else if case .image(let previous) = held, images[previous].caption == nil,
        images[previous].label != nil, !images[previous].isGallery
      {
        let first = images[previous]
        images[previous] = ArticleImage(
          label: first.label, caption: image.caption, credit: image.credit ?? first.credit)
        return
      }
    }
    if let held { story.add(final(held)) }
    held = piece
  }

  private func final(_ piece: Piece) -> LaidOut {
    switch piece {
    case .text(let lines, _): .text(lines)
    case .image(let index): .image(images[index])
    }
  }
}

extension SourceLine {
  /// Part of a line, keeping the line's number and indentation.
  init(_ text: String, like line: SourceLine) {
    self.init(text: text, indented: line.indented, number: line.number)
  }
}

/// A label line of names that ends in a photo agency or wire (`Ben Affleck Jen Garner
/// Getty Images`): the names are the label, the source is the credit.
enum LabelWithCredit {
  static func split(_ line: String, in tables: ParserTables) -> (label: String, credit: String)? {
    guard line.utf8.count <= LayoutPhrases.maximumCreditLineLength,
      CreditScreen.endsWithSourceWord(line, in: tables), LayoutLine.isLabelLike(line)
    else { return nil }
    let words = line.split(separator: " ")
    guard words.count >= 3 else { return nil }
    for count in stride(
      from: min(tables.sources.longestSpelling, words.count - 2), through: 1, by: -1)
    {
      let tail = words.suffix(count).joined(separator: " ")
      guard let source = tables.sources.source(spelled: tail.lowercased()),
        source.kind == .agency || source.kind == .wire
      else { continue }
      let label = words.dropLast(count)
      guard label.allSatisfy({ !LayoutPhrases.headlineWords.contains($0.lowercased()) }),
        CreditGrammar.isName(label.joined(separator: " "))
          || label.count > LayoutPhrases.maximumNameWords
            && label.allSatisfy({ CreditGrammar.isName(String($0)) })
      else { return nil }
      return (label.joined(separator: " "), tail)
    }
    return nil
  }
}
