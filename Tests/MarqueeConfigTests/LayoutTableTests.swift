import MarqueeCore
import Testing

@testable import MarqueeConfig

/// `[layout]`: every way to write a source and a phrase, and a problem on its own line
/// for each bad entry, the others still counting.
@Suite("The config file's [layout]")
struct LayoutTableTests {
  private func read(_ text: String) -> (LayoutAdditions, [String]) {
    let (settings, problems) = ReaderSettings.read(text, file: "config.toml")
    return (settings.layout, problems.map(\.description))
  }

  private func additions(
    sources: [(String, [String], PhotoSources.Kind)] = [],
    furniture: [(String, FurniturePhrases.Match, FurnitureKind)] = []
  ) throws -> LayoutAdditions {
    var additions = LayoutAdditions()
    for (name, spellings, kind) in sources {
      try additions.addSource(name: name, spellings: spellings, kind: kind)
    }
    for (phrase, match, kind) in furniture {
      try additions.addFurniture(phrase, match: match, kind: kind)
    }
    return additions
  }

  @Test func aBareStringIsAnAgencyOrAWholeLineAndATableSaysMore() throws {
    let (layout, problems) = read(
      """
      [layout]
      credit-sources = ["Flashfeed", { name = "Halcyon Photo", spellings = ["halcyon", "HALCYON photo"], kind = "Wire" }, { name = "Quillcast", kind = "broadcaster" }, { name = "Pixlane", spellings = "pix lane" }]
      furniture = ["Trending on Quillnet", { phrase = "Spin the wheel", match = "prefix", kind = "ad" }, { phrase = "Quillnet Daily", match = "heading" }, { phrase = "as seen on quillnet tv", kind = "embed", match = "contains" }]
      """)
    #expect(problems.isEmpty, "\(problems)")
    #expect(
      layout
        == (try additions(
          sources: [
            ("Flashfeed", ["Flashfeed"], .agency),
            ("Halcyon Photo", ["halcyon", "halcyon photo"], .wire),
            ("Quillcast", ["quillcast"], .broadcaster), ("Pixlane", ["pix lane"], .agency),
          ],
          furniture: [
            ("trending on quillnet", .whole, .other), ("spin the wheel", .prefix, .ad),
            ("quillnet daily", .heading, .other), ("as seen on quillnet tv", .contains, .embed),
          ])))
  }

  /// A single entry need not be in a list, and `[[layout.credit-sources]]` is another way
  /// to write a list of tables.
  @Test func oneEntryAloneAndArraysOfTablesCountToo() throws {
    let (layout, problems) = read(
      """
      [layout]
      furniture = { phrase = "Quillnet offers", match = "prefix", kind = "affiliate" }

      [[layout.credit-sources]]
      name = "Flashfeed"

      [[layout.credit-sources]]
      name = "Halcyon Photo"
      kind = "platform"
      """)
    #expect(problems.isEmpty, "\(problems)")
    #expect(
      layout
        == (try additions(
          sources: [
            ("Flashfeed", ["flashfeed"], .agency), ("Halcyon Photo", ["halcyon photo"], .platform),
          ],
          furniture: [("quillnet offers", .prefix, .affiliate)])))
    let (_, bad) = read(
      "[layout]\n[[layout.credit-sources]]\nname = \"A\"\n\n[[layout.credit-sources]]\nkind = 1\n")
    #expect(bad.count == 1, "\(bad)")
    #expect(
      bad.first?.hasPrefix("config.toml:5: a credit source in a table needs its name") == true)
  }

  /// Each bad entry stands on a line of its own in a list written over several lines; the
  /// problem names that line, and the good entries around it still count.
  @Test(arguments: [
    ("3", "credit-sources takes names as credits write them, or tables"),
    ("\"\"", "a credit source needs a name"),
    ("\"  \"", "a credit source needs a name"),
    ("{ spellings = [\"x\"] }", "a credit source in a table needs its name"),
    ("{ name = 5 }", "a credit source in a table needs its name"),
    (
      "{ name = \"X\", spelings = [\"x\"] }",
      "“spelings” is not a setting of a credit source; they are name, spellings and kind"
    ),
    ("{ name = \"X\", spellings = 4 }", "spellings takes how credits write X"),
    ("{ name = \"X\", spellings = [\"x\", 4] }", "spellings takes how credits write X"),
    ("{ name = \"X\", spellings = [] }", "X needs a spelling"),
    ("{ name = \"X\", spellings = [\"--\"] }", "“--” is no spelling of a source"),
    (
      "{ name = \"X\", kind = \"agnecy\" }",
      "“agnecy” is not a kind of source; kind is agency, wire, platform or broadcaster"
    ),
    ("{ name = \"X\", kind = 2 }", "kind is agency, wire, platform or broadcaster, as a string"),
  ])
  func aBadSourceIsOneProblemOnItsLine(entry: String, problem: String) throws {
    let (layout, problems) = read(
      "[layout]\ncredit-sources = [\n  \"Flashfeed\",\n  \(entry),  # the bad one\n  \"Pixlane\",\n]\n"
        + "furniture = [\"Trending on Quillnet\"]\n")
    #expect(problems.count == 1, "\(problems)")
    #expect(problems.first?.hasPrefix("config.toml:4: " + problem) == true, "\(problems)")
    #expect(
      layout
        == (try additions(
          sources: [("Flashfeed", ["flashfeed"], .agency), ("Pixlane", ["pixlane"], .agency)],
          furniture: [("trending on quillnet", .whole, .other)])))
  }

  @Test(arguments: [
    ("true", "furniture takes lines to drop, or tables such as"),
    ("\"\"", "a furniture phrase cannot be empty"),
    ("\"...\"", "“...” is no furniture phrase: it needs a letter or a digit"),
    ("{ match = \"prefix\" }", "a furniture phrase in a table needs its phrase"),
    (
      "{ phrase = \"Spin\", kind = \"ad\", where = \"top\" }",
      "“where” is not a setting of a furniture phrase; they are phrase, match and kind"
    ),
    (
      "{ phrase = \"Spin\", match = \"start\" }",
      "“start” is not a way to match; match is whole, heading, heading-prefix, prefix, link-prefix or contains"
    ),
    (
      "{ phrase = \"Spin\", kind = \"advert\" }",
      "“advert” is not a kind of furniture; kind is ad, related,"
    ),
    (
      "{ phrase = \"promo\", match = \"contains\" }",
      "“promo” is too short to match anywhere in a line"
    ),
  ])
  func aBadPhraseIsOneProblemOnItsLine(entry: String, problem: String) throws {
    let (layout, problems) = read(
      "[layout]\ncredit-sources = \"Flashfeed\"\n\nfurniture = [\"Trending on Quillnet\",\n\n  \(entry),\n"
        + "  { phrase = \"Spin the wheel\", match = \"prefix\", kind = \"ad\" }]\n")
    #expect(problems.count == 1, "\(problems)")
    #expect(problems.first?.hasPrefix("config.toml:6: " + problem) == true, "\(problems)")
    #expect(
      layout
        == (try additions(
          sources: [("Flashfeed", ["flashfeed"], .agency)],
          furniture: [("trending on quillnet", .whole, .other), ("spin the wheel", .prefix, .ad)])))
  }

  @Test func unknownKeysAndBadValuesOfTheTableNameTheirLines() {
    let (layout, problems) = read(
      "[layout]\nsources = [\"Flashfeed\"]\n\ncredit-sources = \"Pixlane\"\nfurniture = 3\n")
    #expect(
      problems == [
        "config.toml:2: “sources” is not a layout setting; they are credit-sources and furniture",
        "config.toml:5: furniture takes lines to drop, or tables such as { phrase = \"Spin the "
          + "wheel\", match = \"prefix\", kind = \"ad\" }",
      ])
    #expect(layout.sources.map(\.name) == ["Pixlane"] && layout.furniture.isEmpty)
  }

  /// A syntax error is one problem, and none of the file counts: TOMLKit reads it whole.
  @Test func aSyntaxErrorInTheTableIsOneProblemAndTheDefaults() {
    let (layout, problems) = read("[layout]\nfurniture = [\"Trending\",\n\n[keys]\nnext = \"n\"\n")
    #expect(problems.count == 1 && problems[0].contains(": not TOML: "), "\(problems)")
    #expect(layout.isEmpty)
  }

  /// What `marquee config` prints of `[layout]` is a `[layout]` that reads back the same.
  @Test func theEffectiveTableReadsBackAsItself() throws {
    let (layout, problems) = read(
      "[layout]\ncredit-sources = [\"Flash\\\"feed\", { name = \"Hal\\\\cyon\", spellings = [\"hal\", "
        + "\"hal\\u0007\"], kind = \"wire\" }]\nfurniture = [{ phrase = \"Spin\", match = \"prefix\" }]\n"
    )
    #expect(problems.isEmpty, "\(problems)")
    let printed = ConfigFile.layoutLines(layout)
    #expect(printed.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 } })
    #expect(printed.first == "credit-sources = [")
    let (again, moreProblems) = read("[layout]\n" + printed.joined(separator: "\n"))
    #expect(moreProblems.isEmpty, "\(moreProblems)")
    #expect(again == layout)
    #expect(ConfigFile.layoutLines(LayoutAdditions()) == ["credit-sources = []", "furniture = []"])
  }

  /// The default file's commented examples are a `[layout]` that reads without a problem.
  @Test func theDefaultFilesExamplesRead() {
    let text = ConfigFile.defaultText().split(separator: "\n").map { line in
      line.hasPrefix("# ") && line.dropFirst(2).first?.isLowercase == true
        && line.contains(" = ") ? String(line.dropFirst(2)) : String(line)
    }.joined(separator: "\n")
    let (layout, problems) = read(text)
    #expect(problems.isEmpty, "\(problems)")
    #expect(layout.sources.map(\.name) == ["Flashfeed", "Halcyon Photo"])
    #expect(layout.furniture.map(\.match) == [.whole, .prefix])
  }
}
