/// Takes what is not the story out of a page's lines before the layout is read: site
/// furniture (dropped), links to other stories (kept apart), and the article's own
/// byline and date (kept as fields).
///
/// It decides line by line, by the kind of line (`FurniturePhrases`, `Byline`,
/// `DateLine`), and by where the line stands: a byline counts only near the top, and the
/// headlines after a `READ NEXT` heading are links. A removed line splits its block, so
/// the text around it never joins into one paragraph.
struct StoryFilter {
  private(set) var author: String?
  private(set) var date: DateLine?
  private(set) var relatedLinks: [String] = []
  /// The credit of each line found to be only a credit, by line number, for the layout
  /// (kept here rather than on every line, which it would make twice the size).
  private(set) var credits = KnownCredits()

  private let trace: LayoutTrace?
  /// Story lines kept so far: bylines and dates count only among the first few.
  private var storyLines = 0
  /// How many more headline lines the last related heading may take.
  private var linksLeft = 0
  /// How many more lines of its block the last advertiser's heading may take.
  private var adLinesLeft = 0
  /// How many blocks the page has, and which one is being read.
  private var blockCount = 0
  private var blockIndex = 0
  private var lastLink: String?
  private var previousWasByline = false
  /// Where each line is lowered for matching, kept for the next line.
  private var loweredBuffer: [UInt8] = []

  init(trace: LayoutTrace?, author: String? = nil, date: DateLine? = nil) {
    self.trace = trace
    self.author = author
    self.date = date
    loweredBuffer.reserveCapacity(FurniturePhrases.maximumCommentPrompt)
  }

  /// What a removed line became.
  private struct Removal {
    let role: LineRole
    let value: String?
    let rule: String
    /// The date a byline gives on the same line.
    var date: DateLine? = nil
    /// Whether the line was a slide counter: the text after it is one slide.
    var startsSlide = false
  }

  /// Replaces the page's blocks with the story's. The lines are checked in place, and a
  /// block that loses no line is kept as it is, sharing its lines: a page of a million
  /// one-line blocks must not be copied line by line (nor take a copy per pass).
  mutating func filter(_ blocks: inout [SourceBlock]) {
    var kept: [SourceBlock] = []
    kept.reserveCapacity(blocks.count)
    blockCount = blocks.count
    // Lines from the start of each block to the end of the page, for the signature
    // rule, counted once (summing them again at each `--` was quadratic).
    var linesFrom = Array(repeating: 0, count: blocks.count + 1)
    for index in blocks.indices.reversed() {
      linesFrom[index] = linesFrom[index + 1] + blocks[index].lines.count
    }
    var nextIsSlide = false
    var inSignature = false
    for index in blocks.indices {
      blockIndex = index
      adLinesLeft = 0
      let shareBar = Furniture.shareBarLines(blocks[index].lines)
      let lineCount = blocks[index].lines.count
      var runStart = 0
      func keep(upTo end: Int) {
        defer { runStart = end + 1 }
        guard end > runStart else { return }
        let lines =
          runStart == 0 && end == lineCount
          ? blocks[index].lines : Array(blocks[index].lines[runStart..<end])
        kept.append(SourceBlock(lines: lines, startsSlide: nextIsSlide))
        nextIsSlide = false
      }
      for position in 0..<lineCount {
        let line = blocks[index].lines[position]
        // The line after it, read only by the rare rule that needs it.
        func next() -> SourceLine? {
          position + 1 < lineCount
            ? blocks[index].lines[position + 1]
            : index + 1 < blocks.count ? blocks[index + 1].lines.first : nil
        }
        var removal: Removal?
        if inSignature
          || Furniture.isSignatureStart(line.text)
            && linesFrom[index] - position - 1 <= FurniturePhrases.longestSignature
        {
          inSignature = true
          removal = Removal(role: .furniture(.other), value: nil, rule: "signature")
        } else if shareBar.contains(position) {
          removal = Removal(role: .furniture(.share), value: nil, rule: "share buttons")
        } else {
          var isKnownNoCredit = false
          removal = classify(line, next: next, isKnownNoCredit: &isKnownNoCredit)
          if isKnownNoCredit { blocks[index].lines[position].isKnownNoCredit = true }
        }
        guard let removal else {
          storyLines += 1
          continue
        }
        trace?.note(line.number, removal.role, removal.value, rule: removal.rule)
        if let date = removal.date {
          trace?.note(line.number, .date, date.text, rule: "date in the byline")
        }
        keep(upTo: position)
        if removal.startsSlide { nextIsSlide = true }
      }
      keep(upTo: lineCount)
    }
    blocks = kept
    kept = []  // so that the blocks are the only reference, changed in place
    dropOrphanHeadlines(&blocks)
  }

  private var nearTheTop: Bool { storyLines < FurniturePhrases.bylineWithinLines }

  /// What the line is, if not story text; `isKnownNoCredit` is set when the credit
  /// grammar found it no credit, for the layout not to ask again.
  private mutating func classify(
    _ line: SourceLine, next: () -> SourceLine?, isKnownNoCredit: inout Bool
  ) -> Removal? {
    let text = line.text
    let wasByline = previousWasByline
    previousWasByline = false
    if linksLeft > 0, let removal = linkAfterHeading(text) { return removal }
    linksLeft = 0
    if adLinesLeft > 0, text.utf8.count <= FurniturePhrases.maximumFurnitureLine {
      adLinesLeft -= 1
      return Removal(role: .furniture(.ad), value: nil, rule: "advertiser's text under its heading")
    }
    adLinesLeft = 0
    if text.utf8.first == UInt8(ascii: ">") { return nil }
    let short = text.utf8.count <= FurniturePhrases.maximumCommentPrompt
    guard short else { return nil }
    if let credit = CreditGrammar.wholeLine(text) {
      credits.add(line: line.number, credit)
      return nil
    }
    isKnownNoCredit = true
    let lower = LowercasedLine(text, reusing: &loweredBuffer)
    let hits = PhraseIndex.shared.scan(lower.bytes)
    if let match = Furniture.match(text, lower: lower, hits: hits) {
      return take(match, text)
    }
    if let byline = Byline.read(text, lower: lower, hits: hits) { return takeByline(byline) }
    if author == nil, nearTheTop, storyLines <= 1, text.utf8.count <= 40, let next = next(),
      Byline.isStaffLine(next.text) || DateLine.read(next.text) != nil, Byline.isBareName(text)
    {
      return takeByline(
        Byline(authors: text, date: nil, rule: "name under the title, above a date or job"))
    }
    if wasByline, Byline.isStaffLine(text) {
      previousWasByline = true
      return Removal(role: .furniture(.other), value: nil, rule: "staff line under the byline")
    }
    if let dateLine = DateLine.read(text), nearTheTop || date == nil && storyLines < 12 {
      if date == nil {
        date = dateLine
        return Removal(role: .date, value: dateLine.text, rule: "date line near the top")
      }
      return Removal(role: .date, value: nil, rule: "another date near the top (kept the first)")
    }
    if let kind = Furniture.shape(text, lower: lower, hits: hits) {
      return Removal(
        role: .furniture(kind.kind), value: nil, rule: kind.rule,
        startsSlide: Furniture.isSlideCounter(text))
    }
    let nearTheEnd = blockCount - blockIndex <= FurniturePhrases.readerQuestionWithinLastBlocks
    if Furniture.isCommentPrompt(text, lower: lower, hits: hits, nearTheEnd: nearTheEnd) {
      return Removal(role: .furniture(.comment), value: nil, rule: "asks readers to comment")
    }
    if Furniture.isPromo(lower, hits: hits) {
      return Removal(role: .furniture(.other), value: nil, rule: "asks readers to act on the site")
    }
    return nil
  }

  /// A line right after a related heading: a linked headline, a repeat of it, or the
  /// teaser card's byline; nil when the story resumes.
  private mutating func linkAfterHeading(_ text: String) -> Removal? {
    if text == lastLink {
      return Removal(role: .furniture(.related), value: nil, rule: "the same headline again")
    }
    if Byline.read(text) != nil {
      linksLeft = 0
      return Removal(
        role: .furniture(.teaserByline), value: nil, rule: "byline of a teaser card")
    }
    guard Furniture.isHeadline(text) else { return nil }
    linksLeft -= 1
    lastLink = text
    relatedLinks.append(text)
    return Removal(role: .related, value: text, rule: "headline under a related heading")
  }

  private mutating func take(_ phrase: FurniturePhrases.Phrase, _ text: String) -> Removal {
    switch phrase.match {
    case .heading where phrase.kind == .ad, .headingPrefix where phrase.kind == .ad:
      adLinesLeft = FurniturePhrases.maximumLinesAfterAdHeading
      return Removal(
        role: .furniture(phrase.kind), value: nil, rule: "advertiser's heading “\(phrase.phrase)”")
    case .heading, .headingPrefix:
      linksLeft = FurniturePhrases.maximumLinksAfterHeading
      lastLink = nil
      return Removal(
        role: .furniture(phrase.kind), value: nil, rule: "heading “\(phrase.phrase)”")
    case .linkPrefix where phrase.kind == .related:
      relatedLinks.append(text)
      return Removal(role: .related, value: text, rule: "link “\(phrase.phrase): …”")
    default:
      return Removal(
        role: .furniture(phrase.kind), value: nil, rule: "phrase “\(phrase.phrase)”")
    }
  }

  private mutating func takeByline(_ byline: Byline) -> Removal {
    guard author == nil, nearTheTop || byline.anywhere else {
      return Removal(
        role: .furniture(.teaserByline), value: nil,
        rule: author == nil ? "byline below the story's start" : "a second byline")
    }
    author = byline.authors
    if date == nil, let bylineDate = byline.date { date = bylineDate }
    previousWasByline = true
    return Removal(role: .author, value: byline.authors, rule: byline.rule, date: byline.date)
  }

  /// A headline standing alone between paragraphs, with no image after it, is a link to
  /// another story that lost its heading (`Katie Holmes Talks Directorial Debut`, `Why
  /// Mariah Carey's manager is more like a 'dictator'`). Only a short run of them counts
  /// (a list of short lines is the story's own), and only next to a paragraph.
  /// Headlines glued to the top of the paragraph after them (one or two lines, then
  /// running text), as scrapers leave a related-links box that sat above a paragraph.
  private mutating func dropGluedHeadlines(from block: inout SourceBlock) {
    let lines = block.lines
    guard lines.count >= 2 else { return }
    var count = 0
    // Questions glued above their answers are interviews, not links.
    while count < min(2, lines.count - 1),
      let kind = Furniture.orphanHeadline(lines[count].text), kind != .question
    {
      count += 1
    }
    guard count > 0 else { return }
    let rest = SourceBlock(lines: Array(lines[count...]))
    // In hard-wrapped text every line is short, and a paragraph's first line, cut
    // mid-sentence, looks like a headline: only text with a paragraph to a line counts.
    let paragraphPerLine = rest.lines.contains {
      $0.text.utf8.count > FurniturePhrases.longestHardWrappedLine
    }
    guard paragraphPerLine, Furniture.isParagraph(rest),
      Furniture.orphanHeadline(lines[count].text) == nil
    else { return }
    for line in lines[..<count] {
      relatedLinks.append(line.text)
      trace?.note(line.number, .related, line.text, rule: "headline glued above a paragraph")
    }
    block.lines = rest.lines
  }

  private mutating func dropOrphanHeadlines(_ blocks: inout [SourceBlock]) {
    let kinds = blocks.enumerated().map { index, block -> Furniture.OrphanHeadline? in
      // A credit line is never a headline (`orphanHeadline` would find so, dearly).
      guard index >= 1, block.lines.count <= 2, credits[line: block.lines[0].number] == nil,
        let first = Furniture.orphanHeadline(block.lines[0].text)
      else { return nil }
      if block.lines.count == 2 {
        return first == .titleCase && Furniture.orphanHeadline(block.lines[1].text) == .titleCase
          ? .titleCase : nil
      }
      // The first story paragraph may be a standfirst in sentence case.
      return first == .titleCase || index >= 2 ? first : nil
    }
    let isCandidate = kinds.map { $0 != nil }
    for index in blocks.indices.dropFirst(2) where Furniture.isParagraph(blocks[index - 1]) {
      dropGluedHeadlines(from: &blocks[index])
    }
    // Most pages have no headline standing alone: their blocks stay as they are.
    guard isCandidate.contains(true) else { return }
    var kept: [SourceBlock] = []
    kept.reserveCapacity(blocks.count)
    var index = 0
    while index < blocks.count {
      guard isCandidate[index] else {
        kept.append(blocks[index])
        index += 1
        continue
      }
      let end = isCandidate[index...].firstIndex(of: false) ?? blocks.count
      let run = blocks[index..<end]
      let lineCount = run.reduce(0) { $0 + $1.lines.count }
      let paragraphBefore = index > 0 && Furniture.isParagraph(blocks[index - 1])
      let paragraphAfter = end < blocks.count && Furniture.isParagraph(blocks[end])
      let introduced = blocks[index - 1].lines.last?.text.hasSuffix(":") ?? false
      let atTheEnd = end == blocks.count
      let besideParagraph: Bool
      if run.indices.allSatisfy({ kinds[$0] == .titleCase }) {
        besideParagraph = paragraphBefore || paragraphAfter
      } else if run.indices.contains(where: { kinds[$0] == .question }) {
        besideParagraph = paragraphBefore && !introduced && atTheEnd
      } else {
        besideParagraph =
          paragraphBefore && !introduced && (paragraphAfter && lineCount == 1 || atTheEnd)
      }
      let shouting = run.allSatisfy { $0.lines.allSatisfy { Furniture.isShouting($0.text) } }
      let beforeImage = !shouting && end < blocks.count && Furniture.startsImage(blocks[end])
      // A longer run is a block of links only when every line is a full headline; a
      // list of short lines (nominees, fixtures) belongs to the story.
      let linkBlock =
        lineCount <= FurniturePhrases.maximumOrphanHeadlines
        || lineCount <= FurniturePhrases.maximumLinksAfterHeading
          && run.allSatisfy { $0.lines.allSatisfy(Furniture.isFullHeadline) }
      if linkBlock, besideParagraph, !beforeImage {
        for line in run.flatMap(\.lines) {
          relatedLinks.append(line.text)
          trace?.note(
            line.number, .related, line.text, rule: "headline standing alone between paragraphs")
        }
      } else {
        kept += run
      }
      index = end
    }
    blocks = kept
  }
}
