import Foundation

/// What the user marked on an article: read, flagged. None is the default (unread,
/// unflagged) and is not stored.
public struct Marks: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let read = Marks(rawValue: 1)
  public static let flagged = Marks(rawValue: 2)
}

/// One article's marks as the state file keeps them, with what finds the article again:
/// its content hash (a renamed or moved file keeps its marks) and its absolute path (an
/// edited one does too).
public struct MarkRecord: Sendable, Hashable {
  public var contentHash: UInt64
  public var path: String
  public var marks: Marks

  public init(contentHash: UInt64, path: String, marks: Marks) {
    self.contentHash = contentHash
    self.path = path
    self.marks = marks
  }
}

/// Every article's marks, as kept between runs: the articles of other folders too, so a
/// reader opened on one folder never drops the marks of another.
public struct MarkBook: Sendable {
  private var byHash: [UInt64: MarkRecord] = [:]
  /// The content hash of the record for each path.
  private var hashByPath: [String: UInt64] = [:]

  public init(_ records: some Sequence<MarkRecord> = []) {
    for record in records { apply(record) }
  }

  public var count: Int { byHash.count }

  /// Every record, by path.
  public var records: [MarkRecord] { byHash.values.sorted { $0.path < $1.path } }

  /// The marks of an article: those of its content, wherever the file is now, else those
  /// its path had (the file was edited).
  public func marks(for article: Article) -> Marks {
    if let record = byHash[article.contentHash] { return record.marks }
    if let hash = hashByPath[Self.absolute(article.path)] { return byHash[hash]?.marks ?? [] }
    return []
  }

  /// The record that gives an article these marks.
  public static func record(_ marks: Marks, for article: Article) -> MarkRecord {
    MarkRecord(contentHash: article.contentHash, path: absolute(article.path), marks: marks)
  }

  /// Takes a record in: the latest word on its article. A record with no marks forgets
  /// the article; a path's record for other content (the file before an edit) goes.
  public mutating func apply(_ record: MarkRecord) {
    if let old = hashByPath[record.path], old != record.contentHash { byHash[old] = nil }
    if let moved = byHash[record.contentHash], moved.path != record.path {
      hashByPath[moved.path] = nil
    }
    if record.marks.isEmpty {
      byHash[record.contentHash] = nil
      hashByPath[record.path] = nil
    } else {
      byHash[record.contentHash] = record
      hashByPath[record.path] = record.contentHash
    }
  }

  /// A path as the state file keeps it: absolute and without `.` or `..`, so the same
  /// file opened from another folder is the same path.
  public static func absolute(_ path: String) -> String {
    let joined =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return (joined as NSString).standardizingPath
  }
}
