import Foundation

/// One article file, parsed. Immutable: the reader, the index and the CLI all share it.
///
/// The text fields live packed as bytes (`PackedFields`), shared by every article of a
/// load batch, and are read out on access: the articles of a corpus take little more
/// memory than their text.
public struct Article: Sendable, Hashable {
  /// The path the article was loaded from, as the user named it (joined under the
  /// directory they gave), so messages point at a file they recognise.
  public let path: String
  /// When the file was last modified; nil when the file system gave no date.
  public let modified: Date?
  /// Words in the title, dek and body paragraphs (captions are not counted).
  public let wordCount: Int
  /// How many images the article has (without unpacking them).
  public let imageCount: Int
  /// A hash of the file's text (`ContentHash`), which stays when the file is renamed
  /// or moved: read marks are kept by it. An article made in code hashes its fields.
  public let contentHash: UInt64
  /// The file as the loader saw it when it read it (size, time, identity), which the
  /// cache keeps to tell later whether the file changed; nil for an article made in
  /// code.
  public let stamp: FileStamp?
  let packed: PackedFields

  public init(
    path: String, modified: Date? = nil, sourceURL: String? = nil, author: String? = nil,
    date: String? = nil, title: String, dek: String, body: [ArticleBlock], images: [ArticleImage],
    relatedLinks: [String] = []
  ) {
    self.init(
      path: path, modified: modified, sourceURL: sourceURL, author: author, date: date,
      title: title, dek: dek, body: PackedFields.Body(body), images: images,
      relatedLinks: relatedLinks, contentHash: nil)
  }

  /// An article whose body the parser packed as it read it.
  init(
    path: String, modified: Date?, sourceURL: String?, author: String?, date: String?,
    title: String, dek: String, body: PackedFields.Body, images: [ArticleImage],
    relatedLinks: [String], contentHash: UInt64?
  ) {
    self.path = path
    self.modified = modified
    self.imageCount = images.count
    self.wordCount = WordCount.of(title) + WordCount.of(dek) + body.wordCount
    packed = PackedFields(
      sourceURL: sourceURL, author: author, date: date, title: title, dek: dek, body: body,
      images: images, relatedLinks: relatedLinks)
    self.contentHash = contentHash ?? packed.contentHash
    stamp = nil
  }

  /// An article as a cache file holds it: its fields packed already.
  init(
    path: String, stamp: FileStamp, wordCount: Int, imageCount: Int, contentHash: UInt64,
    packed: PackedFields
  ) {
    self.path = path
    self.stamp = stamp
    modified = stamp.modificationDate
    self.wordCount = wordCount
    self.imageCount = imageCount
    self.contentHash = contentHash
    self.packed = packed
  }

  private init(_ article: Article, packed: PackedFields, stamp: FileStamp?) {
    path = article.path
    modified = article.modified
    wordCount = article.wordCount
    imageCount = article.imageCount
    contentHash = article.contentHash
    self.stamp = stamp
    self.packed = packed
  }

  /// The same articles with their text copied into one allocation shared by all of
  /// them: what the loader keeps, once a batch of files is parsed.
  static func sharingStorage(_ articles: [Article]) -> [Article] {
    zip(articles, PackedFields.sharingStorage(articles.map(\.packed))).map {
      Article($0, packed: $1, stamp: $0.stamp)
    }
  }

  /// The same article, read from a file that looked like `stamp` when it was opened.
  func stamped(_ stamp: FileStamp) -> Article {
    Article(self, packed: packed, stamp: stamp)
  }

  /// Articles are equal when their path, time and text are: the content hash follows
  /// from the text (hashed as the file had it, or as the fields hold it), so it is left
  /// out.
  public static func == (left: Article, right: Article) -> Bool {
    (left.path, left.modified, left.wordCount, left.imageCount)
      == (right.path, right.modified, right.wordCount, right.imageCount)
      && left.packed == right.packed
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(path)
    hasher.combine(packed)
  }

  /// A source URL from a first line that held only a URL.
  public var sourceURL: String? { packed.first(.sourceURL) }
  /// Who wrote it, from the byline (`By X`, `X · 3 min read`, a post's `From:`), as
  /// written; nil when the page names no author.
  public var author: String? { packed.first(.author) }
  /// When it was published, as the page writes it (`June 3, 2025 4:15pm PT`), without a
  /// label such as `Published:`; nil when the page gives no date.
  public var date: String? { packed.first(.date) }
  /// The publication day as `YYYY-MM-DD`, where `date` names it without guessing
  /// (`06/03/2025` could be March or June, and stays nil).
  public var published: String? { date.flatMap { DateLine.read($0)?.iso } }

  /// `published` as midnight UTC of that day, for sorting by date.
  public var publicationDate: Date? { published.flatMap(DateLine.parseISODay) }

  /// The date lists show and sort by: the article's own where the page gives one, else
  /// the file's time.
  public var listDate: Date? { publicationDate ?? modified }
  public var title: String { packed.first(.title) ?? "" }
  /// The standfirst: the first text block after the title, or "" when there is none.
  public var dek: String { packed.first(.dek) ?? "" }
  /// The body in reading order; images keep their place between paragraphs.
  public var body: [ArticleBlock] { packed.body }
  /// Every image, in the order they appear; `ArticleBlock.image` indexes into this.
  public var images: [ArticleImage] { packed.images }
  /// Teaser lines such as `RELATED: …` or `PHOTOS: …` that link to other stories.
  public var relatedLinks: [String] { packed.all(.related) }

  /// The body paragraphs alone, in order.
  public var paragraphs: [String] { packed.all(.paragraph) }

  /// Calls `body` with the UTF-8 bytes of each piece of one kind, in order, without
  /// making strings (for the index, which reads every field of every article).
  func forEachPiece(_ kinds: [PackedFields.Kind], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    packed.forEachPiece(kinds, body)
  }

  /// The packed fields, for readers that take every field in one walk (the index).
  var packedFields: PackedFields { packed }

  /// Reading time at about 230 words a minute, never less than one minute.
  public var readingMinutes: Int {
    max(1, Int((Double(wordCount) / WordCount.wordsPerMinute).rounded()))
  }
}

/// A piece of the body: a paragraph of text, or the place where an image stands.
public enum ArticleBlock: Sendable, Hashable {
  case paragraph(String)
  /// An index into `Article.images`.
  case image(Int)
}

/// A picture in an article, as the text describes it (the picture itself is not there).
public struct ArticleImage: Sendable, Hashable {
  /// The line naming what is pictured, e.g. `Halsey Alev Aydin`.
  public let label: String?
  /// The caption sentence without its trailing `(Credit)`.
  public let caption: String?
  /// The credit exactly as written, e.g. `Getty Images`; never corrected.
  public let credit: String?
  /// Whether a `View gallery` marker came with it.
  public let isGallery: Bool

  public init(label: String?, caption: String?, credit: String?, isGallery: Bool = false) {
    self.label = label
    self.caption = caption
    self.credit = credit
    self.isGallery = isGallery
  }
}
