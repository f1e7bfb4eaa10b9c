import Testing

@testable import MarqueeCore

/// The single-line rules of the layout, each with lines it must and must not accept.
@Suite("Layout rules")
struct LayoutRuleTests {
  private static func isPrompt(_ line: String, nearTheEnd: Bool) -> Bool {
    let lower = LowercasedLine(line)
    return Furniture.isCommentPrompt(
      line, lower: lower, hits: ParserTables.builtIn.phrases.scan(lower.bytes),
      nearTheEnd: nearTheEnd)
  }

  /// Hard-wrapped text: a paragraph's first line, cut mid-sentence before a name, is not
  /// a headline glued above it.
  @Test func aWrappedParagraphKeepsItsFirstLine() throws {
    let text = """
      Title

      A first paragraph that is long enough to count as a paragraph of running text,
      wrapped at about seventy columns the way saved mail and wires are.

      At four hours and ten minutes, including two intermissions, The Salt
      Merchants is one of the longest new plays to open on Broadway in recent
      memory, and producers had worried about the running time.
      """
    let article = try parseArticle(text)
    #expect(article.paragraphs.first?.hasPrefix("At four hours and ten minutes") == true)
    #expect(article.relatedLinks.isEmpty)
  }

  /// A mail signature is a short tail after `--`; a `--` line with the post still to
  /// come is a separator, and what follows stays.
  @Test func onlyAShortTailAfterDashDashIsASignature() throws {
    let headers = "From: a@example.org (Ann)\nSubject: Re: Finale\n\n"
    let signed = try parseArticle(headers + "I liked it.\n\n--\nAnn\nExample University")
    #expect(signed.dek == "I liked it.")
    #expect(signed.paragraphs.isEmpty)
    let body = (1...14).map { "Point \($0) of the argument goes here." }.joined(separator: "\n\n")
    let separated = try parseArticle(headers + "Intro.\n\n--\n\n" + body)
    #expect(separated.paragraphs.filter { $0.hasPrefix("Point") }.count == 14)
  }

  /// `Photo: Courtesy of X`: a prefix before a courtesy credit.
  @Test func courtesyAfterAPrefix() throws {
    #expect(
      CreditGrammar.wholeLine("Photo: Courtesy of Orbitstream", in: .builtIn)?.credit
        == "Courtesy of Orbitstream"
    )
  }

  /// A credit sentence run into the end of a paragraph leaves nothing after it, and
  /// the paragraph before it stays whole.
  @Test func aCreditEndingAParagraphLeavesNoEmptyText() throws {
    let article = try parseArticle(
      "Title\n\nDek.\n\nShe posed on the beach. Photograph by Ana Reyes and Tom Bell.\n\nBody.")
    #expect(article.images.map(\.credit) == ["Ana Reyes and Tom Bell"])
    #expect(article.paragraphs == ["She posed on the beach.", "Body."])
  }

  @Test(arguments: [
    ("June 3, 2025", "2025-06-03"),
    ("Jun. 3, 2025 4:15pm PT", "2025-06-03"),
    ("Tuesday, June 3, 2025 at 9:14 a.m. EDT", "2025-06-03"),
    ("3 June 2025", "2025-06-03"),
    ("Published: 10:14 BST, 3 June 2025 | Updated: 11:02 BST, 3 June 2025", "2025-06-03"),
    ("Updated on June 3rd, 2025", "2025-06-03"),
    ("2025-06-03", "2025-06-03"),
    ("2017-11-07T01:52:40+0000", "2017-11-07"),
    ("June 3, 2025 5:02 PM GMT+1", "2025-06-03"),
    ("Tue, 04 Mar 2025 21:17:44 -0500", "2025-03-04"),
  ])
  func datesReadAsTheDayTheyName(line: String, iso: String) throws {
    let date = try #require(DateLine.read(line))
    #expect(date.iso == iso)
    #expect(!date.text.lowercased().hasPrefix("published"))
  }

  /// `06/03/2025` is March in one country and June in another: kept, never guessed.
  @Test(arguments: ["06/03/2025", "Published on 24/05/2025 at 21:40", "2 hours ago"])
  func ambiguousDatesStayAsWritten(line: String) throws {
    let date = try #require(DateLine.read(line))
    #expect(date.iso == nil)
  }

  @Test(arguments: [
    "On 20 March 2016, we wrote...", "June was the best month of her life", "10:14 BST",
    "May 2025 be kinder to us all.", "The 2025 tour starts in June and ends in May.",
  ])
  func sentencesWithDatesAreNotDateLines(line: String) {
    #expect(DateLine.read(line) == nil)
  }

  @Test(arguments: [
    ("By Jane Doe", "Jane Doe"),
    ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
    ("BY HARRIET COLWYN FOR THE DAILY LEDGER", "HARRIET COLWYN"),
    ("By Selma Ortiz, Staff Writer", "Selma Ortiz"),
    ("By Selma Ortiz / June 3, 2025", "Selma Ortiz"),
    ("Jane Doe · 4 min read", "Jane Doe"),
    ("Posted on March 4, 2025 by Della Marchetti", "Della Marchetti"),
    ("Written by Ada J. Quint", "Ada J. Quint"),
  ])
  func bylinesGiveTheAuthor(line: String, author: String) throws {
    #expect(try #require(Byline.read(line, in: .builtIn)).authors == author)
  }

  @Test func aBylineCanCarryTheDate() throws {
    #expect(
      try #require(Byline.read("By Selma Ortiz / June 3, 2025", in: .builtIn)).date?.iso
        == "2025-06-03")
    #expect(
      try #require(Byline.read("Posted on March 4, 2025 by Della", in: .builtIn)).date?.iso
        == "2025-03-04")
  }

  @Test(arguments: [
    "By the time the show ended, everyone had left.", "By now, fans know the drill.",
    "By Monday", "Bye bye, summer!", "By far the best look of the night",
  ])
  func sentencesStartingWithByAreNotBylines(line: String) {
    #expect(Byline.read(line, in: .builtIn) == nil)
  }

  @Test(arguments: [
    "Getty Images", "Rex Features", "Splash News", "Rex/Getty", "E!", "AKM-GSI", "PA Photos",
    "Tristan Fewings / Getty Images", "Kevin Mazur/Getty Images for TIME",
    "Rochlin/Hand in Hand/Getty Images; Clint Spaulding/WWD/REX/Shutterstock",
    "@handle/Instagram", "Courtesy of Northlight Pictures", "AP Photo/Chris Pizzello, File",
    "REUTERS/Mario Anzuoni/File Photo", "Handout via Reuters", "Maya Fenwick/Halcyon+",
    "Left, by Mike Pont/WireImage; Right, from GC Images, both from Getty Images.",
  ])
  func bareCreditLines(line: String) {
    #expect(CreditGrammar.wholeLine(line, in: .builtIn) != nil)
  }

  @Test(arguments: [
    "Kendall took to Instagram to share the news.", "Getty Images said it had no comment.",
    "Kim Kardashian and Kanye West", "By Ciara Sheppard", "SOURCE: US WEEKLY", "Photos",
    "More From Our Partners", "Slide 1/8", "AC/DC", "Kim Kardashian Shares Photo On Instagram",
    "Photos: See All Of The Looks From The Night", "Netflix Orders A Second Season",
  ])
  func notCreditLines(line: String) {
    #expect(CreditGrammar.wholeLine(line, in: .builtIn) == nil)
  }

  @Test func labelLinesEndingInAnAgencySplit() throws {
    let split = try #require(
      LabelWithCredit.split("Ben Affleck Jen Garner Getty Images", in: .builtIn))
    #expect(split.label == "Ben Affleck Jen Garner")
    #expect(split.credit == "Getty Images")
    // Platforms end headlines far more often than labels.
    #expect(LabelWithCredit.split("Kim Kardashian Shares New Photo Instagram", in: .builtIn) == nil)
    #expect(LabelWithCredit.split("Stars Flock To The Gala In Getty Images", in: .builtIn) == nil)
  }

  @Test(arguments: [
    ("Getty", "Getty Images"), ("Getty Images", "Getty Images"),
    ("Name/Getty Images", "Getty Images"), ("Name / Getty Images for Brand", "Getty Images"),
    ("Splash", "Splash News"), ("XactpiX / Splash News", "Splash News"),
    ("Rex Features", "REX"), ("Instagram Stories", "Instagram"), ("AP Photo/Name", "AP"),
  ])
  func creditsGroupUnderTheirSource(credit: String, source: String) {
    #expect(ParserTables.builtIn.sources.groupName(ofCredit: credit) == source)
  }

  @Test func aPhotographersOwnCreditHasNoSource() {
    #expect(ParserTables.builtIn.sources.groupName(ofCredit: "Mert Alas and Marcus Piggott") == nil)
  }

  @Test(arguments: [
    "HollywoodLifers, do you think they will reunite? Tell us below!",
    "Let us know your thoughts in the comments.", "Sound off in the comments below!",
  ])
  func commentPrompts(line: String) {
    #expect(Self.isPrompt(line, nearTheEnd: false))
  }

  @Test(arguments: [
    "Sources tell us that the couple will marry in June.",
    "“Let us know when you land,” she texted him.",
    "Gomez responded in the comments section: “If you can’t handle it, stop.”",
    "The candidate ignores in the comments surrounding the launch what matters.",
  ])
  func proseAboutCommentsIsNotAPrompt(line: String) {
    #expect(!Self.isPrompt(line, nearTheEnd: true))
  }

  /// An interview asks its subject questions all the way through: a question to the
  /// reader counts only near the end of the page.
  @Test func readerQuestionsCountOnlyNearTheEnd() {
    let line = "Do you think Kim should adopt?"
    #expect(!Self.isPrompt(line, nearTheEnd: false))
    #expect(Self.isPrompt(line, nearTheEnd: true))
  }

  @Test(arguments: ["3 of 12", "Slide 3/12", "(3/12)", "Photo 3 of 12"])
  func slideCounters(line: String) {
    #expect(Furniture.isSlideCounter(line))
  }

  @Test(arguments: ["12 of 3", "3 of 12 people agreed", "1/2 cup"])
  func notSlideCounters(line: String) {
    #expect(!Furniture.isSlideCounter(line))
  }

  @Test(arguments: [
    ("12 Comments", FurnitureKind.comment), ("View 3 comments", .comment),
    ("1.2k shares", .share), ("12 comments:", .comment), ("40 Likes :", .share),
    ("Label 12", nil), ("12 comments about it", nil), ("Comments", nil),
  ])
  func countsOfReactions(line: String, kind: FurnitureKind?) {
    var buffer: [UInt8] = []
    let lower = LowercasedLine(line, reusing: &buffer)
    let shape = Furniture.shape(
      line, lower: lower, hits: ParserTables.builtIn.phrases.scan(lower.bytes))
    #expect(shape?.kind == kind)
  }
}
