import ArgumentParser
import MarqueeCore

/// `marquee list`: one row per article, for people or (with `--json`) for scripts.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List articles: path, images, words and title.",
    discussion: """
      Paths are printed as they come from the paths given (a relative one stays \
      relative), so `marquee show PATH` opens a printed path from the same directory; \
      on a terminal the title is cut, never the path. JSON: an array of \
      {"path","title","images","words","read","flagged"}. Read and flagged marks are \
      those the reader keeps (see `marquee read --help`).
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
    // Paths are printed as the loader names them, from the paths given (relative ones
    // stay relative), so `marquee show PATH` opens one from the same working directory.
    // A path is never cut: on a terminal the title gives way, and where the paths are
    // too wide to leave a title room, each goes on a line of its own under its row.
    Swift.print("\(rows.count) \(rows.count == 1 ? "article" : "articles")")
    var table = TextTable(
      [("PATH", .left), ("IMAGES", .right), ("WORDS", .right), ("TITLE", .left)],
      pathColumns: [0])
    for row in rows {
      table.append([row.path, String(row.images), String(row.words), row.title])
    }
    let width = Console.terminalColumns
    guard let width, table.leadingWidth + TextTable.minimumLastColumn > width else {
      for line in table.render(width: width) { Swift.print(line) }
      return
    }
    var counts = TextTable([("IMAGES", .right), ("WORDS", .right), ("TITLE", .left)])
    for row in rows { counts.append([String(row.images), String(row.words), row.title]) }
    let lines = counts.render(width: width)
    Swift.print(lines[0])
    for (row, line) in zip(rows, lines.dropFirst()) {
      Swift.print(line)
      Swift.print("  " + Console.safePath(row.path))
    }
  }
}
