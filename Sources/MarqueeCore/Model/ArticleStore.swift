import Foundation

/// An article's id: its place in the `ArticleStore` that holds it, given when it was
/// added and never changed. Search results, the reader's rows and its selection are ids,
/// so they copy no article and stay valid while more articles arrive.
public typealias ArticleID = Int

/// The articles of a corpus held in memory, with the report of how they were loaded.
///
/// The CLI and the reader both hold their articles here; a search index refers to them
/// by id (`ArticleIndex`) and keeps no article of its own.
public struct ArticleStore: Sendable {
  /// In id order. A corpus from `load` is in path order; the reader adds articles in
  /// the order they are read.
  public private(set) var articles: [Article]
  public var report: LoadReport
  /// Articles whose file went while the reader was open: their ids stay taken (ids never
  /// change), their text is dropped, and lists leave them out.
  public private(set) var removedIDs = Set<ArticleID>()
  /// The photo sources the articles were parsed with, which `creditTally` groups by.
  private let tables: ParserTables

  /// Articles in the order given (their ids), and the report of how they were loaded.
  public init(
    articles: [Article] = [], report: LoadReport = LoadReport(), tables: ParserTables = .builtIn
  ) {
    self.articles = articles
    self.report = report
    self.tables = tables
  }

  /// Loads every article under the given files and directories, in path order.
  public static func load(
    paths: [String], options: LoadOptions = LoadOptions()
  ) throws(LoadError) -> ArticleStore {
    let tables = ParserTables.adding(options.layout)
    let (articles, report) = try ArticleLoader.load(paths: paths, options: options, tables: tables)
    return ArticleStore(
      articles: articles.sorted { $0.path < $1.path }, report: report, tables: tables)
  }

  /// Every id given, removed ones included.
  public var count: Int { articles.count }

  /// The articles whose files are still there.
  public var presentCount: Int { articles.count - removedIDs.count }

  /// Every id held, in order.
  public var ids: Range<ArticleID> { articles.indices }

  public subscript(id: ArticleID) -> Article { articles[id] }

  /// Puts a new version of an article (its file was edited) in its place: same id.
  public mutating func replace(_ id: ArticleID, with article: Article) {
    articles[id] = article
  }

  /// Marks an article gone (its file was deleted): an empty article with its path keeps
  /// its place.
  public mutating func remove(_ id: ArticleID) {
    articles[id] = Article(path: articles[id].path, title: "", dek: "", body: [], images: [])
    removedIDs.insert(id)
  }

  /// Adds articles after those held; they get the next ids.
  public mutating func append(contentsOf newArticles: [Article]) {
    articles += newArticles
  }

  /// The articles in the order a listing asks for; ties keep id order (path order in a
  /// loaded corpus).
  public func sorted(by order: ArticleOrder) -> [Article] {
    switch order {
    case .path:
      return zip(articles, articles.dropFirst()).allSatisfy { $0.path <= $1.path }
        ? articles : stableSorted { $0.path < $1.path }
    case .title:
      return stableSorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
    case .words:
      return stableSorted { $0.wordCount > $1.wordCount }
    case .date:
      // The article's own date where the page gives one, else the file's time; read
      // once per article, not once per comparison.
      let keys = Dictionary(
        articles.map { ($0.path, $0.listDate ?? .distantPast) },
        uniquingKeysWith: { first, _ in first })
      return stableSorted { keys[$0.path]! > keys[$1.path]! }
    }
  }

  private func stableSorted(by areInIncreasingOrder: (Article, Article) -> Bool) -> [Article] {
    articles.enumerated().sorted { left, right in
      if areInIncreasingOrder(left.element, right.element) { return true }
      if areInIncreasingOrder(right.element, left.element) { return false }
      return left.offset < right.offset
    }.map(\.element)
  }

  /// Every image credit with how many images and articles carry it, most used first
  /// (ties by credit, then alphabetically). Credits are counted exactly as written, or,
  /// `bySource`, grouped under the photo source they name (`Getty`, `Getty Images` and
  /// `Name / Getty Images for Brand` are all `Getty Images`; a credit naming no known
  /// source stays as written), with the spellings grouped. The sources are those the
  /// articles were parsed with, a user's additions among them.
  public func creditTally(bySource: Bool = false) -> [CreditCount] {
    var images: [String: Int] = [:]
    var articleCounts: [String: Int] = [:]
    var spellings: [String: Set<String>] = [:]
    for article in articles {
      var seen = Set<String>()
      for credit in article.images.compactMap(\.credit) {
        let key = bySource ? tables.sources.groupName(ofCredit: credit) ?? credit : credit
        images[key, default: 0] += 1
        spellings[key, default: []].insert(credit)
        if seen.insert(key).inserted { articleCounts[key, default: 0] += 1 }
      }
    }
    return images.map {
      CreditCount(
        credit: $0.key, images: $0.value, articles: articleCounts[$0.key]!,
        spellings: spellings[$0.key]!.sorted())
    }
    .sorted {
      ($0.images, $0.articles) != ($1.images, $1.articles)
        ? ($0.images, $0.articles) > ($1.images, $1.articles) : $0.credit < $1.credit
    }
  }
}

/// How `marquee list` orders articles.
public enum ArticleOrder: String, CaseIterable, Sendable {
  /// By path, A to Z.
  case path
  /// By title, A to Z, numbers in numeric order.
  case title
  /// Longest first.
  case words
  /// Newest first, by the article's date (`Article.published`), or the file's
  /// modification time where the page gives no date.
  case date
}

/// One credit's use across the corpus.
public struct CreditCount: Sendable, Hashable {
  /// The credit as written, or the source's name when grouped by source.
  public let credit: String
  public let images: Int
  public let articles: Int
  /// The credits as written that were counted here (one, unless grouped by source).
  public let spellings: [String]

  public init(credit: String, images: Int, articles: Int, spellings: [String]? = nil) {
    self.credit = credit
    self.images = images
    self.articles = articles
    self.spellings = spellings ?? [credit]
  }
}
