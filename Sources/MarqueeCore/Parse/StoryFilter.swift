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
  private let tables: ParserTables
  /// Story lines kept so far: bylines and dates count only among the first few.
  private var storyLines = 0
  /// How many more headline lines the last related heading may take.
  private var linksLeft = 0
  /// How many more lines of its block the last advertiser's heading may take.
  private var adLinesLeft = 0
  /// Blocks from the one being read to the end (or more than the last few).
  private var blocksFromHere = Int.max
  /// Whether the block after the last slide counter is still to come.
  private var nextIsSlide = false
  /// Whether a signature (`-- `) has begun: the rest of the page is furniture.
  private var inSignature = false
  private var lastLink: String?
  private var previousWasByline = false
  /// Where each line is lowered for matching, kept for the next line.
  private var loweredBuffer: [UInt8] = []

  init(
    trace: LayoutTrace?, tables: ParserTables, author: String? = nil, date: DateLine? = nil
  ) {
    self.trace = trace
    self.tables = tables
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

  /// What follows a block, as far as the filter needs to know: its rules look one line
  /// ahead, count the lines left (a signature is in the last few) and the blocks left (a
  /// reader question is in the last few). Counts past those few need not be exact.
  struct Lookahead {
    /// The first line of the next block.
    let nextLine: SourceLine?
    /// Lines in the blocks after this one: exact, or more than a signature can have.
    let linesAfter: Int
    /// This block and those after it: exact, or more than the last few.
    let blocksFromHere: Int

    /// Whether counts this far ahead decide every rule.
    static func isEnough(linesAfter: Int, blocksFromHere: Int) -> Bool {
      linesAfter > FurniturePhrases.longestSignature
        && blocksFromHere > FurniturePhrases.readerQuestionWithinLastBlocks
    }
  }

  /// Passes on the story's part of the next block of the page: `kept` gets each run of
  /// its lines between removed ones. A block that loses
  /// no line is kept as it is, sharing its lines: a page of a million one-line blocks
  /// must not be copied line by line. The lines are marked in place (hence `inout`).
  mutating func filter(
    _ block: inout SourceBlock, _ lookahead: Lookahead, into kept: inout [SourceBlock]
  ) {
    blocksFromHere = lookahead.blocksFromHere
    adLinesLeft = 0
    let shareBar = Furniture.shareBarLines(block.lines, in: tables)
    let lineCount = block.lines.count
    var runStart = 0
    func keepRun(upTo end: Int) {
      defer { runStart = end + 1 }
      guard end > runStart else { return }
      let lines =
        runStart == 0 && end == lineCount ? block.lines : Array(block.lines[runStart..<end])
      kept.append(SourceBlock(lines: lines, startsSlide: nextIsSlide))
      nextIsSlide = false
    }
    for position in 0..<lineCount {
      let line = block.lines[position]
      // The line after it, read only by the rare rule that needs it.
      func next() -> SourceLine? {
        position + 1 < lineCount ? block.lines[position + 1] : lookahead.nextLine
      }
      var removal: Removal?
      if inSignature
        || Furniture.isSignatureStart(line.text)
          && lineCount - position - 1 + lookahead.linesAfter <= FurniturePhrases.longestSignature
      {
        inSignature = true
        removal = Removal(role: .furniture(.other), value: nil, rule: "signature")
      } else if shareBar.contains(position) {
        removal = Removal(role: .furniture(.share), value: nil, rule: "share buttons")
      } else {
        var isKnownNoCredit = false
        removal = classify(line, next: next, isKnownNoCredit: &isKnownNoCredit)
        if isKnownNoCredit { block.lines[position].isKnownNoCredit = true }
      }
      guard let removal else {
        storyLines += 1
        continue
      }
      trace?.note(line.number, removal.role, removal.value, rule: removal.rule)
      if let date = removal.date {
        trace?.note(line.number, .date, date.text, rule: "date in the byline")
      }
      keepRun(upTo: position)
      if removal.startsSlide { nextIsSlide = true }
    }
    keepRun(upTo: lineCount)
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
    if let credit = CreditGrammar.wholeLine(text, in: tables) {
      credits.add(line: line.number, credit)
      return nil
    }
    isKnownNoCredit = true
    let lower = LowercasedLine(text, reusing: &loweredBuffer)
    let hits = tables.phrases.scan(lower.bytes)
    if let match = Furniture.match(text, lower: lower, hits: hits, in: tables) {
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
    let nearTheEnd = blocksFromHere <= FurniturePhrases.readerQuestionWithinLastBlocks
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
    if Byline.read(text, in: tables) != nil {
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
}
