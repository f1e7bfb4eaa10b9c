import ArgumentParser
import MarqueeCore

/// `marquee credits`: who supplied the pictures across a corpus.
struct CreditsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "credits",
    abstract: "List every image credit with its image and article counts, most used first.",
    discussion: "JSON: an array of {\"credit\",\"images\",\"articles\"}.")

  @OptionGroup var corpus: CorpusOptions

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  struct Row: Encodable {
    let credit: String
    let images: Int
    let articles: Int
  }

  func run() throws {
    let tally = try corpus.loadStore().creditTally()
    if json {
      try Console.printJSON(
        tally.map { Row(credit: $0.credit, images: $0.images, articles: $0.articles) })
      return
    }
    var table = TextTable([("IMAGES", .right), ("ARTICLES", .right), ("CREDIT", .left)])
    for entry in tally {
      table.append([String(entry.images), String(entry.articles), entry.credit])
    }
    for line in table.render(width: Console.terminalColumns) { print(line) }
  }
}
