/// Takes headlines of other stories out of the story's blocks, as they come from the
/// story filter, and passes the rest on in order.
///
/// A headline standing alone between paragraphs, with no image after it, is a link to
/// another story that lost its heading (`Katie Holmes Talks Directorial Debut`, `Why
/// Mariah Carey's manager is more like a 'dictator'`). Only a short run of them counts (a
/// list of short lines is the story's own), and only next to a paragraph. Headlines
/// glued to the top of the paragraph after them (one or two lines, then running text) are
/// links too, as scrapers leave a related-links box that sat above a paragraph.
///
/// A run of standalone headlines is held until the block after it says what it is; a
/// run too long to be links is passed on at once, so what is held stays small.
struct OrphanHeadlines {
  /// The headlines glued above paragraphs, in page order.
  private(set) var gluedLinks: [String] = []
  /// The headlines standing alone, in page order.
  private(set) var standingLinks: [String] = []

  private let trace: LayoutTrace?
  private let tables: ParserTables
  /// How many blocks have come.
  private var count = 0
  /// The last block that came, after its glued headlines went.
  private var previous: SourceBlock?
  /// The run of standalone headline candidates being held, with the kind each was when
  /// it came (before its glued headlines went), and the block before the run.
  private var run: [SourceBlock] = []
  private var runKinds: [Furniture.OrphanHeadline] = []
  private var runLines = 0
  private var beforeRun: SourceBlock?
  /// Whether the run is already too long to be links, and passed on as it comes.
  private var runPassed = false

  init(trace: LayoutTrace?, tables: ParserTables) {
    self.trace = trace
    self.tables = tables
  }

  /// The links found, glued ones first, as the parse has always listed them.
  var links: [String] { gluedLinks + standingLinks }

  /// Takes the next block of the story; `passed` gets those that stay, in order.
  mutating func add(_ block: SourceBlock, credits: KnownCredits, into passed: inout [SourceBlock]) {
    let kind = candidateKind(block, at: count, credits: credits)
    var block = block
    if count >= 2, let previous, Furniture.isParagraph(previous) {
      dropGluedHeadlines(from: &block)
    }
    count += 1
    defer { previous = block }
    guard let kind else {
      if !run.isEmpty { decideRun(next: block, into: &passed) }
      runPassed = false
      passed.append(block)
      return
    }
    if runPassed {
      passed.append(block)
      return
    }
    if run.isEmpty { beforeRun = previous }
    run.append(block)
    runKinds.append(kind)
    runLines += block.lines.count
    // Longer than any run of links can be: the story's own list.
    if runLines > FurniturePhrases.maximumOrphanHeadlines
      && runLines > FurniturePhrases.maximumLinksAfterHeading
    {
      passed += run
      clearRun()
      runPassed = true
    }
  }

  /// Ends the story: a run still held stands at its end.
  mutating func finish(into passed: inout [SourceBlock]) {
    if !run.isEmpty { decideRun(next: nil, into: &passed) }
  }

  /// Whether a block may be a headline standing alone, and of which kind; judged on the
  /// block as the filter passed it.
  private func candidateKind(
    _ block: SourceBlock, at index: Int, credits: KnownCredits
  ) -> Furniture.OrphanHeadline? {
    // A credit line is never a headline (`orphanHeadline` would find so, dearly).
    guard index >= 1, block.lines.count <= 2, credits[line: block.lines[0].number] == nil,
      let first = Furniture.orphanHeadline(block.lines[0].text, in: tables)
    else { return nil }
    if block.lines.count == 2 {
      return first == .titleCase
        && Furniture.orphanHeadline(block.lines[1].text, in: tables) == .titleCase
        ? .titleCase : nil
    }
    // The first story paragraph may be a standfirst in sentence case.
    return first == .titleCase || index >= 2 ? first : nil
  }

  private mutating func clearRun() {
    run.empty()
    runKinds.empty()
    runLines = 0
  }

  /// Drops the held run as links, or passes it on, now that the block after it (`next`,
  /// nil at the end of the story) is known.
  private mutating func decideRun(next: SourceBlock?, into passed: inout [SourceBlock]) {
    if isLinkRun(next: next) {
      for line in run.lazy.flatMap(\.lines) {
        standingLinks.append(line.text)
        trace?.note(
          line.number, .related, line.text, rule: "headline standing alone between paragraphs")
      }
    } else {
      passed += run
    }
    clearRun()
  }

  /// Whether the held run is headlines of other stories: short, or all full headlines,
  /// beside a paragraph, and not the label above an image.
  private func isLinkRun(next: SourceBlock?) -> Bool {
    // A run starts after a block (no candidate is first), so there is one before it.
    guard let before = beforeRun else { return false }
    let paragraphBefore = Furniture.isParagraph(before)
    let paragraphAfter = next.map(Furniture.isParagraph) ?? false
    let introduced = before.lines.last?.text.hasSuffix(":") ?? false
    let atTheEnd = next == nil
    let besideParagraph: Bool
    if runKinds.allSatisfy({ $0 == .titleCase }) {
      besideParagraph = paragraphBefore || paragraphAfter
    } else if runKinds.contains(.question) {
      besideParagraph = paragraphBefore && !introduced && atTheEnd
    } else {
      besideParagraph =
        paragraphBefore && !introduced && (paragraphAfter && runLines == 1 || atTheEnd)
    }
    let shouting = run.allSatisfy { $0.lines.allSatisfy { Furniture.isShouting($0.text) } }
    let beforeImage = !shouting && next.map { Furniture.startsImage($0, in: tables) } ?? false
    // A longer run is a block of links only when every line is a full headline; a list
    // of short lines (nominees, fixtures) belongs to the story.
    let linkBlock =
      runLines <= FurniturePhrases.maximumOrphanHeadlines
      || runLines <= FurniturePhrases.maximumLinksAfterHeading
        && run.allSatisfy { $0.lines.allSatisfy { Furniture.isFullHeadline($0, in: tables) } }
    return linkBlock && besideParagraph && !beforeImage
  }

  /// Takes headlines glued to the top of a block (the one after a paragraph).
  private mutating func dropGluedHeadlines(from block: inout SourceBlock) {
    let lines = block.lines
    guard lines.count >= 2 else { return }
    var count = 0
    // Questions glued above their answers are interviews, not links.
    while count < min(2, lines.count - 1),
      let kind = Furniture.orphanHeadline(lines[count].text, in: tables), kind != .question
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
      Furniture.orphanHeadline(lines[count].text, in: tables) == nil
    else { return }
    for line in lines[..<count] {
      gluedLinks.append(line.text)
      trace?.note(line.number, .related, line.text, rule: "headline glued above a paragraph")
    }
    block.lines = rest.lines
  }
}
