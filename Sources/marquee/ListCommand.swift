import ArgumentParser
import MarqueeCore

/// `marquee list`: one row per article, for people or (with `--json`) for scripts.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List articles: path, images, words and title.",
    discussion: """
      JSON: an array of {"path","title","images","words","read","flagged"}. Read and \
      flagged marks are those the reader keeps (see `marquee read --help`).
      """)

  @OptionGroup var corpus: CorpusOptions

  @Option(
    help: """
      Order rows by path, title, words (longest first) or date (newest first: the \
      article's own date, else the file's modification time).
      """)
  var sort: ArticleOrder = .path

  @Flag(help: "Only articles not marked read in the reader.")
  var unread = false

  @Flag(help: "Only articles flagged in the reader.")
  var flagged = false

  @Flag(help: "Ignore the reader's read and flagged marks (also MARQUEE_STATE=off).")
  var noState = false

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func run() throws {
    let store = try corpus.loadStore()
    let book = noState ? MarkBook() : Self.keptMarks()
    let rows = store.sorted(by: sort).map { ($0, book.marks(for: $0)) }.filter { _, marks in
      (!unread || !marks.contains(.read)) && (!flagged || marks.contains(.flagged))
    }
    try ListingOutput.print(rows, json: json)
  }

  /// The marks the reader keeps; a file that cannot be read is said on standard error
  /// and counts as no marks.
  static func keptMarks() -> MarkBook {
    guard let folder = StateFolder.standard() else { return MarkBook() }
    let (book, problem) = folder.loadMarks()
    if let problem { Console.warn(problem) }
    return book
  }
}

extension ArticleOrder: ExpressibleByArgument {}

/// The rows of `list`.
enum ListingOutput {
  struct Row: Encodable {
    let path: String
    let title: String
    let images: Int
    let words: Int
    let read: Bool
    let flagged: Bool
  }

  static func print(_ articles: [(Article, Marks)], json: Bool) throws {
    let rows = articles.map { article, marks in
      Row(
        path: article.path, title: article.title, images: article.imageCount,
        words: article.wordCount, read: marks.contains(.read), flagged: marks.contains(.flagged))
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
