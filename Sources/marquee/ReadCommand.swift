import ArgumentParser
import MarqueeCore

/// `marquee [PATH…]`: the reader. Until the curses reader lands it prints the list,
/// so the default command already shows what was loaded.
struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Open the reader on articles (the default command).")

  @OptionGroup var corpus: CorpusOptions

  func run() throws {
    let store = try corpus.loadStore()
    try ListingOutput.print(store.articles, json: false)
  }
}
