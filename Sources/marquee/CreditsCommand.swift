import ArgumentParser
import MarqueeCore

/// `marquee credits`: who supplied the pictures across a corpus.
struct CreditsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "credits",
    abstract: "List every image credit with its image and article counts, most used first.",
    discussion: """
      Credits are listed as written. With --by source they are grouped under the photo \
      source they name (Getty, Getty Images and Name / Getty Images for Brand count as \
      Getty Images); a credit that names no known source stays as written.

      JSON: an array of {"credit","images","articles"}; with --by source, \
      {"source","images","articles","credits":[the credits as written]}.
      """)

  /// How credits are counted.
  enum Grouping: String, ExpressibleByArgument, CaseIterable {
    case credit, source
  }

  @OptionGroup var corpus: CorpusOptions

  @Option(
    name: .customLong("by"),
    help: ArgumentHelp(
      "Count each credit as written (credit) or per photo source (source).",
      valueName: "credit|source"))
  var grouping: Grouping = .credit

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  struct Row: Encodable {
    let credit: String
    let images: Int
    let articles: Int
  }

  struct SourceRow: Encodable {
    let source: String
    let images: Int
    let articles: Int
    let credits: [String]
  }

  func run() throws {
    let bySource = grouping == .source
    let tally = try corpus.loadStore().creditTally(bySource: bySource)
    if json, bySource {
      try Console.printJSON(
        tally.map {
          SourceRow(
            source: $0.credit, images: $0.images, articles: $0.articles, credits: $0.spellings)
        })
      return
    }
    if json {
      try Console.printJSON(
        tally.map { Row(credit: $0.credit, images: $0.images, articles: $0.articles) })
      return
    }
    var table = TextTable([
      ("IMAGES", .right), ("ARTICLES", .right), (bySource ? "SOURCE" : "CREDIT", .left),
    ])
    for entry in tally {
      let spellings = entry.spellings.count > 1 ? "  (\(entry.spellings.count) credits)" : ""
      table.append([String(entry.images), String(entry.articles), entry.credit + spellings])
    }
    for line in table.render(width: Console.terminalColumns) { print(line) }
  }
}
