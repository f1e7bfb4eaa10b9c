import ArgumentParser
import Foundation
import MarqueeCore

/// `marquee show FILE`: one article as readable text, or as JSON for scripts.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print one article: title, dek, wrapped body and image markers.",
    discussion: """
      JSON: {"path","title","dek","paragraphs":[…],"images":[{"label","caption",\
      "credit","gallery"}],"words"} plus "url", "published", "minutes" and "related"; \
      null where a value is absent.
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

  func validate() throws {
    if let width, width < 0 { throw ValidationError("--width must be 0 or more") }
  }

  func run() throws {
    let article = try loadArticle()
    if json {
      try Console.printJSON(ShownArticle(article))
    } else {
      let columns = width ?? Console.terminalColumns.map { min($0, 100) } ?? 80
      print(ArticleText.render(article, width: columns), terminator: "")
    }
  }

  private func loadArticle() throws -> Article {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      throw Console.failure("\(file) is a folder; show takes one article file (try 'marquee list')")
    }
    let store: ArticleStore
    do {
      store = try ArticleStore.load(paths: [file])
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
    published = article.published
    related = article.relatedLinks
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(path, forKey: .path)
    try container.encode(title, forKey: .title)
    try container.encode(dek, forKey: .dek)
    try container.encode(paragraphs, forKey: .paragraphs)
    try container.encode(images, forKey: .images)
    try container.encode(words, forKey: .words)
    try container.encode(minutes, forKey: .minutes)
    try container.encode(url, forKey: .url)
    try container.encode(published, forKey: .published)
    try container.encode(related, forKey: .related)
  }

  enum CodingKeys: String, CodingKey {
    case path, title, dek, paragraphs, images, words, minutes, url, published, related
  }
}
