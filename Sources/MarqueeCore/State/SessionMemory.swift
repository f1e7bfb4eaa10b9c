import Foundation

/// Where the reader was in one set of opened paths: the selected article, how far down
/// it was read, and the active search. Reopening the same paths comes back there.
public struct ReadingPlace: Codable, Sendable, Equatable {
  /// The selected article's absolute path, and its content hash (hex) in case it moved.
  public var path: String
  public var contentHash: String
  /// The reading position at the top of the article pane: a block of the body and a
  /// character in it, which survive a change of width where a line number would not.
  public var block: Int
  public var offset: Int
  /// Whether the article was open (the article pane focused) rather than the list.
  public var articleOpen: Bool
  /// The query of the search kept in the list, if any.
  public var search: String?

  public init(
    path: String, contentHash: String, block: Int, offset: Int, articleOpen: Bool,
    search: String?
  ) {
    self.path = path
    self.contentHash = contentHash
    self.block = block
    self.offset = offset
    self.articleOpen = articleOpen
    self.search = search
  }
}

/// What the reader remembers besides marks: a place per set of opened paths, and the
/// searches typed, oldest first (↑ on the query line recalls them).
public struct SessionMemory: Codable, Sendable, Equatable {
  public var version = 1
  public var places: [String: ReadingPlace] = [:]
  /// The order places were saved in, oldest first, so the oldest go when there are
  /// too many.
  public var placeOrder: [String] = []
  public var searches: [String] = []

  static let maxPlaces = 200
  public static let maxSearches = 200

  public init() {}

  /// The key of a set of opened paths: the same folders named in any order, or by
  /// another relative path, are the same set.
  public static func key(forOpened paths: [String]) -> String {
    let joined = paths.map(MarkBook.absolute).sorted().joined(separator: "\n")
    return ContentHash.hex(ContentHash.of(joined))
  }

  /// Sets the place for a set of paths (nil forgets it), newest last.
  public mutating func remember(_ place: ReadingPlace?, forKey key: String) {
    placeOrder.removeAll { $0 == key }
    places[key] = place
    guard place != nil else { return }
    placeOrder.append(key)
    while placeOrder.count > Self.maxPlaces { places[placeOrder.removeFirst()] = nil }
  }

  /// The searches of another reader that wrote since, then ours, without repeats: two
  /// readers open at once both keep what they typed.
  mutating func merge(searches ours: [String]) {
    searches = Self.recent(searches.filter { !ours.contains($0) } + ours)
  }

  /// A search added to a history: a repeat moves to the end; the oldest go past the
  /// limit.
  public static func recent(_ searches: [String], adding search: String? = nil) -> [String] {
    var all = searches
    if let search {
      all.removeAll { $0 == search }
      all.append(search)
    }
    return Array(all.suffix(maxSearches))
  }
}
