/// Reads a page a block at a time, as the splitter gives them, through the stages of the
/// parse: the front matter; the story filter (once the few blocks after a block that
/// its rules look at have come); stray headlines; the layout; and the packed body.
///
/// Only a block and those few after it are held as lines, so a page of a million tiny
/// paragraphs takes a few bytes more than its text for each. The stages hand their
/// output on through buffers kept for the next block rather than through closures: the
/// variables closures share are checked for exclusive access at every use.
struct PageReader {
  private(set) var front: FrontMatter?
  private(set) var story: StoryText
  private let trace: LayoutTrace?
  private let tables: ParserTables
  private var waiting = WaitingBlocks()
  private var filter: StoryFilter
  private var orphans: OrphanHeadlines
  private var layout: BlockLayout
  /// What one stage gave for the next, emptied as that one takes it.
  private var filtered: [SourceBlock] = []
  private var unorphaned: [SourceBlock] = []

  init(trace: LayoutTrace?, tables: ParserTables) {
    self.trace = trace
    self.tables = tables
    story = StoryText(trace: trace)
    filter = StoryFilter(trace: trace, tables: tables)
    orphans = OrphanHeadlines(trace: trace, tables: tables)
    layout = BlockLayout(trace: trace, tables: tables)
  }

  var author: String? { filter.author }
  var date: DateLine? { filter.date }
  /// The links the filter found, then those the headline stage found.
  var relatedLinks: [String] { filter.relatedLinks + orphans.links }

  /// Takes the next block of the page (changing its lines in place).
  mutating func take(_ block: inout SourceBlock) {
    waiting.append(&block)
    filterWaiting(atEnd: false)
  }

  /// Ends the page: what waits is read, and what the stages held goes on.
  mutating func finish() {
    filterWaiting(atEnd: true)
    orphans.finish(into: &unorphaned)
    layOut()
    layout.finish(into: &story)
  }

  /// Filters the waiting blocks that have enough after them to be decided (all of them at
  /// the end of the page), after the front matter has taken the first.
  private mutating func filterWaiting(atEnd: Bool) {
    if front == nil {
      guard waiting.count > 0, atEnd || waiting.count >= FrontMatter.blocksRead else { return }
      let taken = waiting.takeFrontMatter(trace: trace)
      front = taken
      filter = StoryFilter(trace: trace, tables: tables, author: taken.author, date: taken.date)
    }
    while let (block, lookahead) = waiting.takeFirst(atEnd: atEnd) {
      var block = block
      filter.filter(&block, lookahead, into: &filtered)
      for kept in filtered { orphans.add(kept, credits: filter.credits, into: &unorphaned) }
      filtered.empty()
      layOut()
    }
  }

  private mutating func layOut() {
    for block in unorphaned { layout.add(block, knownCredits: filter.credits, into: &story) }
    unorphaned.empty()
  }
}

/// The blocks split off but not yet filtered: the first, and the few after it that the
/// filter's rules look at. Blocks are taken from the front by moving past them, not by
/// moving the others up each time.
struct WaitingBlocks {
  /// The waiting blocks are `blocks[head...]`; those before were taken, and left empty.
  private var blocks: [SourceBlock] = []
  private var head = 0
  /// Lines in the waiting blocks.
  private var lines = 0

  init() {
    blocks.reserveCapacity(Self.compactAfter + 16)
  }

  var count: Int { blocks.count - head }

  mutating func append(_ block: inout SourceBlock) {
    lines += block.lines.count
    blocks.append(block)
  }

  /// Lets the front matter take its lines off the first blocks (before any is taken).
  mutating func takeFrontMatter(trace: LayoutTrace?) -> FrontMatter {
    precondition(head == 0, "the front matter comes first")
    let front = FrontMatter.take(from: &blocks, trace: trace)
    lines = blocks.reduce(0) { $0 + $1.lines.count }
    return front
  }

  /// The first block, with what follows it, once enough follows (or the page ended).
  mutating func takeFirst(atEnd: Bool) -> (SourceBlock, StoryFilter.Lookahead)? {
    guard head < blocks.count else { return nil }
    let linesAfter = lines - blocks[head].lines.count
    guard atEnd || StoryFilter.Lookahead.isEnough(linesAfter: linesAfter, blocksFromHere: count)
    else { return nil }
    let lookahead = StoryFilter.Lookahead(
      nextLine: count > 1 ? blocks[head + 1].lines.first : nil, linesAfter: linesAfter,
      blocksFromHere: count)
    lines = linesAfter
    var first = SourceBlock(lines: [])
    swap(&first, &blocks[head])
    head += 1
    if head == blocks.count || head == Self.compactAfter {
      blocks.removeFirst(head)
      head = 0
    }
    return (first, lookahead)
  }

  /// How many taken blocks may stand before the waiting ones are moved up.
  private static let compactAfter = 32
}

/// The story as the layout gives it: the standfirst, the body packed paragraph by
/// paragraph, and the images.
struct StoryText {
  private(set) var dek: String?
  private(set) var body = PackedFields.Body()
  private(set) var images: [ArticleImage] = []
  private let trace: LayoutTrace?

  init(trace: LayoutTrace?) {
    self.trace = trace
  }

  mutating func add(_ piece: BlockLayout.LaidOut) {
    switch piece {
    case .image(let image):
      body.add(imageReference: images.count)
      images.append(image)
    case .text(let lines):
      Paragraphs.join(lines) { paragraph in
        let role: LineRole
        if lines[paragraph.lines.lowerBound].text.utf8.first == UInt8(ascii: ">") {
          role = .quote
        } else {
          role = dek == nil ? .dek : .body
        }
        if role == .dek { dek = paragraph.text } else { body.add(paragraph: paragraph.text) }
        trace?.note(Array(lines[paragraph.lines]), role, rule: Self.rule(for: role))
      }
    }
  }

  private static func rule(for role: LineRole) -> String {
    switch role {
    case .dek: "first text after the title"
    case .quote: "quoted reply line, kept on its own"
    default: "story text"
    }
  }
}

extension Array {
  /// Removes every element and keeps the room. For the few elements a stage hands on per
  /// block this is several times cheaper than `removeAll(keepingCapacity:)`, which goes
  /// through the general `replaceSubrange`.
  mutating func empty() {
    while popLast() != nil {}
  }
}
