import ArgumentParser
import MarqueeCore

/// `marquee list`: one row per article, for people or (with `--json`) for scripts.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List articles: path, images, words and title.",
    discussion: "JSON: an array of {\"path\",\"title\",\"images\",\"words\"}.")

  @OptionGroup var corpus: CorpusOptions

  @Option(
    help: """
      Order rows by path, title, words (longest first) or date (newest first: the \
      article's own date, else the file's modification time).
      """)
  var sort: ArticleOrder = .path

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func run() throws {
    let store = try corpus.loadStore()
    try ListingOutput.print(store.sorted(by: sort), json: json)
  }
}

extension ArticleOrder: ExpressibleByArgument {}

/// The rows of `list` (and, until the reader lands, of `marquee` with no subcommand).
enum ListingOutput {
  struct Row: Encodable {
    let path: String
    let title: String
    let images: Int
    let words: Int
  }

  static func print(_ articles: [Article], json: Bool) throws {
    let rows = articles.map {
      Row(path: $0.path, title: $0.title, images: $0.imageCount, words: $0.wordCount)
    }
    if json {
      try Console.printJSON(rows)
      return
    }
    // Paths are shown relative to the folder they share, named once above the table,
    // so the titles stay in view.
    let folder = commonFolder(of: rows.map(\.path))
    let noun = rows.count == 1 ? "article" : "articles"
    Swift.print(
      folder.isEmpty
        ? "\(rows.count) \(noun)" : "\(rows.count) \(noun) in \(Console.safe(folder))")
    var table = TextTable([
      ("PATH", .left), ("IMAGES", .right), ("WORDS", .right), ("TITLE", .left),
    ])
    for row in rows {
      table.append([
        String(row.path.dropFirst(folder.count)), String(row.images), String(row.words), row.title,
      ])
    }
    for line in table.render(width: Console.terminalColumns) { Swift.print(line) }
  }

  /// The longest folder prefix (ending in `/`) that every path starts with, or "".
  static func commonFolder(of paths: [String]) -> String {
    guard var prefix = paths.first.map({ Substring($0) }) else { return "" }
    for path in paths.dropFirst() {
      prefix = prefix.commonPrefix(with: path)[...]
    }
    guard let slash = prefix.lastIndex(of: "/") else { return "" }
    return String(prefix[...slash])
  }
}
