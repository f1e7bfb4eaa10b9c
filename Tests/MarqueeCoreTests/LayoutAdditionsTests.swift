import Foundation
import MarqueeTestSupport
import Testing

@testable import MarqueeCore

/// A user's photo sources and furniture phrases (`LayoutAdditions`): each line below is
/// read one way by the built-in tables and the other way with the addition, through
/// every path a file takes to the parser. The agency and the site are invented.
@Suite("Layout additions")
struct LayoutAdditionsTests {
  /// A page with a bare credit line naming an unknown agency (`Zorblax`), a caption
  /// ending in it in brackets, a label of names ending in it, and two lines of an
  /// unknown site's furniture.
  static let page = """
    Orla Penhallow Opens Her Seaside Gallery

    Orla Penhallow opened a gallery of driftwood sculpture in her home town on Saturday.

    The opening drew a crowd of neighbours, and the artist spoke for an hour about the pieces.

    Zorblax/Pellwick

    Spin the Quillwheel for a prize today.

    She plans a second room for the spring, given the crowds, and a small café by the door.

    Orla Penhallow and her driftwood heron on the quay. (Zorblax)

    Orla Penhallow Teodor Brisk Zorblax

    Quillnet picks for you

    The gallery opens every weekend until the end of October, entry free.
    """

  static var additions: LayoutAdditions {
    var additions = LayoutAdditions()
    try! additions.addSource(name: "Zorblax Pictures", spellings: ["Zorblax"], kind: .agency)
    try! additions.addFurniture("Spin the  QUILLWHEEL", match: .prefix, kind: .ad)
    try! additions.addFurniture("Quillnet picks for you", match: .whole, kind: .other)
    return additions
  }

  private func roles(_ tables: ParserTables) throws -> [String: [LineRole]] {
    let explained = try ArticleParser.explain(text: Self.page, path: "a.txt", tables: tables)
      .get()
    return Dictionary(
      explained.lines.map { ($0.text, $0.decisions.map(\.role)) }, uniquingKeysWith: { $1 })
  }

  @Test func withoutTheAdditionTheLinesAreStory() throws {
    let article = try ArticleParser.parse(text: Self.page, path: "a.txt").get()
    #expect(article.images.isEmpty, "\(article.images)")
    for line in [
      "Zorblax/Pellwick", "Spin the Quillwheel for a prize today.", "Quillnet picks for you",
      "on the quay. (Zorblax)", "Orla Penhallow Teodor Brisk Zorblax",
    ] {
      #expect(article.paragraphs.contains { $0.contains(line) }, "\(line)")
    }
  }

  @Test func withTheAdditionTheyAreCreditsAndFurniture() throws {
    let tables = ParserTables.adding(Self.additions)
    let article = try ArticleParser.parse(text: Self.page, path: "a.txt", tables: tables).get()
    #expect(
      article.images.map(\.credit) == ["Zorblax/Pellwick", "Zorblax", "Zorblax"],
      "\(article.images)")
    #expect(article.images.last?.label == "Orla Penhallow Teodor Brisk")
    #expect(
      !article.paragraphs.contains {
        $0.contains("Zorblax") || $0.contains("Quillwheel") || $0.contains("Quillnet")
      }, "\(article.paragraphs)")
    let roles = try roles(tables)
    #expect(roles["Zorblax/Pellwick"] == [.credit])
    #expect(roles["Spin the Quillwheel for a prize today."] == [.furniture(.ad)])
    #expect(roles["Quillnet picks for you"] == [.furniture(.other)])
  }

  /// The added source is a source wherever one counts: in `credits --by source`.
  @Test func creditsAreGroupedUnderAnAddedSource() throws {
    let tables = ParserTables.adding(Self.additions)
    #expect(tables.sources.groupName(ofCredit: "Ada Ferrow/ZORBLAX") == "Zorblax Pictures")
    #expect(ParserTables.builtIn.sources.groupName(ofCredit: "Ada Ferrow/ZORBLAX") == nil)
    // An added spelling the built-in table has is the user's.
    var getty = LayoutAdditions()
    try getty.addSource(name: "Getty Stills", spellings: ["getty"], kind: .wire)
    #expect(ParserTables.adding(getty).sources.groupName(ofCredit: "Getty") == "Getty Stills")
  }

  /// Loading (the CLI's path) and the stream (the reader's) both parse with the
  /// options' additions, and without them read the file as the built-in tables do.
  @Test func theLoaderAndTheStreamUseTheOptionsAdditions() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try folder.write(Self.page, to: "a.txt")
    let options = LoadOptions(layout: Self.additions)
    let loaded = try ArticleStore.load(paths: [folder.path], options: options)
    #expect(loaded.articles.first?.images.count == 3)
    #expect(loaded.creditTally(bySource: true).map(\.credit) == ["Zorblax Pictures"])
    #expect(try ArticleStore.load(paths: [folder.path]).articles.first?.images.count == 0)

    let stream = ArticleStream(paths: [folder.path], options: options)
    stream.start()
    var images: Int?
    let deadline = Date().addingTimeInterval(30)
    while images == nil, Date() < deadline {
      for case .batch(let batch, _) in stream.take() {
        images = batch.articles.first?.images.count
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
    #expect(images == 3)
  }

  @Test func entriesAreNormalisedAndBadOnesRejected() throws {
    var additions = LayoutAdditions()
    try additions.addSource(
      name: "  Zorblax   Pictures ", spellings: ["ZORBLAX  Pictures", "zorblax pictures", "Zx"],
      kind: .agency)
    #expect(additions.sources.first?.name == "Zorblax Pictures")
    #expect(additions.sources.first?.spellings == ["zorblax pictures", "zx"])
    try additions.addFurniture(" Click   HERE to watch ", match: .prefix, kind: .ad)
    #expect(additions.furniture.first?.phrase == "click here to watch")

    func rejection(_ add: (inout LayoutAdditions) throws -> Void) -> String? {
      var additions = LayoutAdditions()
      do {
        try add(&additions)
        return nil
      } catch {
        #expect(additions.isEmpty)
        return (error as? LayoutAdditions.Rejection)?.reason
      }
    }
    #expect(rejection { try $0.addSource(name: " ", spellings: ["x"], kind: .agency) } != nil)
    #expect(rejection { try $0.addSource(name: "X", spellings: [], kind: .agency) } != nil)
    #expect(rejection { try $0.addSource(name: "X", spellings: ["--"], kind: .agency) } != nil)
    #expect(rejection { try $0.addFurniture("", match: .whole, kind: .ad) } != nil)
    #expect(rejection { try $0.addFurniture("***", match: .whole, kind: .ad) } != nil)
    #expect(rejection { try $0.addFurniture("promo", match: .contains, kind: .ad) } != nil)
    #expect(rejection { try $0.addFurniture("promos", match: .contains, kind: .ad) } == nil)
  }

  /// A `contains` phrase goes into the phrase index, whose furniture list is the
  /// tables' own: an added one is found in the middle of a short line.
  @Test func anAddedContainedPhraseIsFoundInsideALine() throws {
    var additions = LayoutAdditions()
    try additions.addFurniture("quillnet offer", match: .contains, kind: .affiliate)
    let tables = ParserTables.adding(additions)
    let text = "Title\n\nDek.\n\nBody.\n\nRead on for this week's Quillnet offer, while it lasts.\n"
    let explained = try ArticleParser.explain(text: text, path: "a.txt", tables: tables).get()
    #expect(explained.lines.last?.decisions.map(\.role) == [.furniture(.affiliate)])
    let plain = try ArticleParser.parse(text: text, path: "a.txt").get()
    #expect(plain.paragraphs.last == "Read on for this week's Quillnet offer, while it lasts.")
  }

  /// No additions, no new tables: every load shares the built-in ones.
  @Test func noAdditionsIsTheBuiltInTables() {
    #expect(ParserTables.adding(LayoutAdditions()) === ParserTables.builtIn)
    #expect(ParserTables.adding(Self.additions) !== ParserTables.builtIn)
  }
}
