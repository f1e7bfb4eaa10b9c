import ArgumentParser
import Foundation
import MarqueeCore

/// `marquee show FILE`: one article as readable text, or as JSON for scripts.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print one article: title, dek, wrapped body and image markers.",
    discussion: """
      JSON: {"path","title","dek","author","date","published","paragraphs":[…],\
      "images":[{"label","caption","credit","gallery"}],"words"} plus "url", "minutes" \
      and "related"; null where a value is absent. "date" is as the page writes it, \
      "published" the same day as YYYY-MM-DD where that needs no guess.

      --explain prints every line of the file with what it became (title, dek, body, \
      label, caption, credit, author, date, related, furniture:KIND) and the rule that \
      decided it: how to find out why a line vanished or leaked into the story.
      """)

  @Argument(help: "The article file.", completion: .file())
  var file: String

  @Option(
    help: ArgumentHelp(
      "Wrap text to this many columns (0: no wrapping; default: the terminal's width, or 80).",
      valueName: "columns"))
  var width: Int?

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @Flag(help: "Print every line of the file with what it became and the rule that decided.")
  var explain = false

  func validate() throws {
    if let width, width < 0 { throw ValidationError("--width must be 0 or more") }
  }

  func run() throws {
    if explain {
      try printExplanation()
      return
    }
    let article = try loadArticle()
    if json {
      try Console.printJSON(ShownArticle(article))
    } else {
      let columns = width ?? Console.terminalColumns.map { min($0, 100) } ?? 80
      ArticleText.write(article, width: columns) { print($0, terminator: "") }
    }
  }

  private func printExplanation() throws {
    _ = try loadArticle()
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
      throw Console.failure("cannot read \(file): \(error.localizedDescription)")
    }
    let tables = ParserTables.adding(UserConfig.layout)
    let result = data.withUnsafeBytes {
      ArticleParser.explain(bytes: $0, path: file, tables: tables)
    }
    guard case .success(let explained) = result else {
      throw Console.failure("cannot explain \(file): nothing to read")
    }
    if json {
      try Console.printJSON(explained.lines.map(ExplainedLineJSON.init))
    } else {
      print(ExplanationText.render(explained.lines), terminator: "")
    }
  }

  /// The article, parsed with the config file's `[layout]` additions (whose problems,
  /// if any, are said first).
  private func loadArticle() throws -> Article {
    UserConfig.reportProblems()
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw Console.failure("\(file) is a folder; show takes one article file (try 'marquee list')")
    }
    let store: ArticleStore
    do {
      store = try ArticleStore.load(paths: [file], options: LoadOptions(layout: UserConfig.layout))
    } catch {
      throw Console.failure(error.description)
    }
    if let skip = store.report.skipped.first {
      throw Console.failure("cannot show \(file): \(skip.reason)")
    }
    guard let article = store.articles.first else {
      throw Console.failure("cannot show \(file): nothing to read")
    }
    return article
  }
}

/// The JSON shape of `show`.
struct ShownArticle: Encodable {
  struct Image: Encodable {
    let label: String?
    let caption: String?
    let credit: String?
    let gallery: Bool

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(label, forKey: .label)
      try container.encode(caption, forKey: .caption)
      try container.encode(credit, forKey: .credit)
      try container.encode(gallery, forKey: .gallery)
    }

    enum CodingKeys: String, CodingKey { case label, caption, credit, gallery }
  }

  let path: String
  let title: String
  let dek: String?
  let paragraphs: [String]
  let images: [Image]
  let words: Int
  let minutes: Int
  let url: String?
  let author: String?
  let date: String?
  let published: String?
  let related: [String]

  init(_ article: Article) {
    path = article.path
    title = article.title
    dek = article.dek.isEmpty ? nil : article.dek
    paragraphs = article.paragraphs
    images = article.images.map {
      Image(label: $0.label, caption: $0.caption, credit: $0.credit, gallery: $0.isGallery)
    }
    words = article.wordCount
    minutes = article.readingMinutes
    url = article.sourceURL
    author = article.author
    date = article.date
    published = article.published
    related = article.relatedLinks
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(path, forKey: .path)
    try container.encode(title, forKey: .title)
    try container.encode(dek, forKey: .dek)
    try container.encode(author, forKey: .author)
    try container.encode(date, forKey: .date)
    try container.encode(published, forKey: .published)
    try container.encode(paragraphs, forKey: .paragraphs)
    try container.encode(images, forKey: .images)
    try container.encode(words, forKey: .words)
    try container.encode(minutes, forKey: .minutes)
    try container.encode(url, forKey: .url)
    try container.encode(related, forKey: .related)
  }

  enum CodingKeys: String, CodingKey {
    case path, title, dek, author, date, published, paragraphs, images, words, minutes, url
    case related
  }
}

/// The JSON shape of `show --explain --json`: one object per line of the file.
struct ExplainedLineJSON: Encodable {
  struct Decision: Encodable {
    let role: String
    let value: String?
    let rule: String

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(role, forKey: .role)
      try container.encode(value, forKey: .value)
      try container.encode(rule, forKey: .rule)
    }

    enum CodingKeys: String, CodingKey { case role, value, rule }
  }

  let line: Int
  let block: Int
  let text: String
  let decisions: [Decision]

  init(_ line: ExplainedLine) {
    self.line = line.number
    block = line.block + 1
    text = line.text
    decisions = line.decisions.map {
      Decision(role: $0.role.name, value: $0.value, rule: $0.rule)
    }
  }
}
