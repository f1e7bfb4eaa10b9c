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
  /// The content hash of the record for each path, keyed by the path's own hash (a
  /// string key made loading 100,000 marks twice as slow); the record's path is checked
  /// on every lookup, so two paths hashing alike cannot mix up their marks.
  private var hashByPath: [UInt64: UInt64] = [:]

  public init(_ records: [MarkRecord] = []) {
    byHash.reserveCapacity(records.count)
    hashByPath.reserveCapacity(records.count)
    // A file Marquee wrote has each content and each path once: two inserts a record.
    // Anything else (a file edited by hand) is taken a record at a time, in order.
    for record in records where !record.marks.isEmpty {
      let pathKey = ContentHash.of(record.path)
      guard byHash.updateValue(record, forKey: record.contentHash) == nil,
        hashByPath.updateValue(record.contentHash, forKey: pathKey) == nil
      else {
        self = MarkBook()
        for record in records { apply(record) }
        return
      }
    }
  }

  public var count: Int { byHash.count }

  /// Every record, by path.
  public var records: [MarkRecord] { byHash.values.sorted { $0.path < $1.path } }

  /// The marks of an article: those of its content, wherever the file is now, else those
  /// its path had (the file was edited).
  public func marks(for article: Article) -> Marks {
    if let record = byHash[article.contentHash] { return record.marks }
    let path = Self.absolute(article.path)
    return record(atPath: path, key: ContentHash.of(path))?.marks ?? []
  }

  /// The record that gives an article these marks.
  public static func record(_ marks: Marks, for article: Article) -> MarkRecord {
    MarkRecord(contentHash: article.contentHash, path: absolute(article.path), marks: marks)
  }

  /// Takes a record in: the latest word on its article. A record with no marks forgets
  /// the article; a path's record for other content (the file before an edit) goes.
  public mutating func apply(_ record: MarkRecord) {
    let pathKey = ContentHash.of(record.path)
    if let old = self.record(atPath: record.path, key: pathKey),
      old.contentHash != record.contentHash
    {
      byHash[old.contentHash] = nil
    }
    if let moved = byHash[record.contentHash], moved.path != record.path {
      hashByPath[ContentHash.of(moved.path)] = nil
    }
    if record.marks.isEmpty {
      byHash[record.contentHash] = nil
      hashByPath[pathKey] = nil
    } else {
      byHash[record.contentHash] = record
      hashByPath[pathKey] = record.contentHash
    }
  }

  /// The record kept for this absolute path (whose hash is `key`), if any.
  private func record(atPath path: String, key: UInt64) -> MarkRecord? {
    guard let hash = hashByPath[key], let record = byHash[hash],
      record.path == path
    else { return nil }
    return record
  }

  /// A path as the state file keeps it: absolute and without `.` or `..`, so the same
  /// file opened from another folder is the same path.
  public static func absolute(_ path: String) -> String {
    let joined =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return (joined as NSString).standardizingPath
  }
}
