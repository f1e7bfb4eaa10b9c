/// The postings of a run of consecutive articles: one piece of `SearchIndex`.
///
/// Segments are built independently (on all cores, or one batch at a time while a
/// corpus is still loading) and never merged: a query visits each in document order.
/// Everything is in flat integer arrays, with no per-term allocation:
/// - the vocabulary is sorted by bytes, so a term's id is its rank, a lookup is a
///   binary search and every term with a given prefix is one contiguous id range;
/// - term `t` has entries `entryStarts[t]..<entryStarts[t + 1]`, each entry one
///   (article, field) it occurs in, as `localArticle << 3 | field` in two bytes (a
///   segment holds at most `maxArticles`), ascending, with its term frequency;
/// - term `t`'s positions start at `termPositionStarts[t]`, entry after entry, each
///   entry's as many as its frequency: readers walk entries in order and add up.
/// Three bytes an entry plus two a token: the index stays near the size of the text.
struct IndexSegment: Sendable {
  let firstDocument: Int
  let documentCount: Int
  private let termBytes: [UInt8]
  private let termStarts: [UInt32]
  let entryStarts: [UInt32]
  let entries: [UInt16]
  private let frequencies: [UInt8]
  /// Frequencies of 255 and more (a word repeated that often in one field), by entry.
  private let largeFrequencies: [Int: UInt32]
  let termPositionStarts: [UInt32]
  let positions: PositionList
  /// Tokens per field per article: `lengths[localArticle * fieldCount + field]`.
  let lengths: [UInt32]

  static let fieldCount = SearchField.allCases.count
  /// Articles in one segment at most, so that an entry fits in two bytes.
  static let maxArticles = 1 << (16 - Int(fieldBits))
  static let fieldBits: UInt32 = 3
  static let fieldMask: UInt32 = 7
  /// A gap between separate pieces of one field (two captions, two paragraphs), so a
  /// phrase never matches across them.
  static let pieceGap: UInt32 = 16

  var termCount: Int { termStarts.count - 1 }

  /// Bytes held by this segment's arrays (capacity, not just count).
  var storageBytes: Int {
    termBytes.capacity + 2 * entries.capacity + frequencies.capacity + 4
      * (termStarts.capacity + entryStarts.capacity + termPositionStarts.capacity
        + lengths.capacity) + positions.storageBytes + 16 * largeFrequencies.count
  }

  /// Tokenizes and indexes `articles`, whose first is document `firstDocument`.
  init(articles: ArraySlice<Article>, firstDocument: Int) {
    precondition(articles.count <= Self.maxArticles, "too many articles for one segment")
    var table = TermTable()
    var scanner = TokenScanner()
    var tokenTerms: [UInt32] = []
    var tokenEntries: [UInt32] = []
    var tokenPositions: [UInt32] = []
    // The last (article, field) each term was seen in, to count entries exactly.
    var lastEntry: [UInt32] = []
    var entryCount = 0
    var lengths: [UInt32] = []
    lengths.reserveCapacity(articles.count * Self.fieldCount)
    // Reserving about one token per five bytes of text avoids growing (and so briefly
    // doubling) the largest arrays of the build.
    var textBytes = 0
    for article in articles {
      for field in SearchField.allCases {
        Self.forEachPiece(of: article, in: field) { textBytes += $0.count }
      }
    }
    tokenTerms.reserveCapacity(textBytes / 5)
    tokenEntries.reserveCapacity(textBytes / 5)
    tokenPositions.reserveCapacity(textBytes / 5)
    for (local, article) in articles.enumerated() {
      for field in SearchField.allCases {
        let entry = UInt32(local) << Self.fieldBits | UInt32(field.rawValue)
        var position: UInt32 = 0
        var length: UInt32 = 0
        Self.forEachPiece(of: article, in: field) { piece in
          scanner.scan(bytes: piece) { bytes, _ in
            let term = table.id(of: bytes)
            if term == lastEntry.count { lastEntry.append(.max) }
            if lastEntry[Int(term)] != entry {
              lastEntry[Int(term)] = entry
              entryCount += 1
            }
            tokenTerms.append(term)
            tokenEntries.append(entry)
            tokenPositions.append(position)
            position &+= 1
            length += 1
          }
          position &+= Self.pieceGap
        }
        lengths.append(length)
      }
    }
    self.firstDocument = firstDocument
    self.documentCount = articles.count
    self.lengths = lengths

    // Renumber terms by byte order, then group tokens by term with a counting sort,
    // which keeps each term's tokens in (article, field, position) order.
    let order = table.sortedIDs()
    var rankOf = [UInt32](repeating: 0, count: order.count)
    var sortedBytes: [UInt8] = []
    var sortedStarts: [UInt32] = [0]
    sortedBytes.reserveCapacity(table.bytes.count)
    for (rank, id) in order.enumerated() {
      rankOf[Int(id)] = UInt32(rank)
      sortedBytes += table.bytes[Int(table.starts[Int(id)])..<Int(table.starts[Int(id) + 1])]
      sortedStarts.append(UInt32(sortedBytes.count))
    }
    termBytes = sortedBytes
    termStarts = sortedStarts

    let tokenCount = tokenTerms.count
    var termTokenStarts = [UInt32](repeating: 0, count: order.count + 1)
    var groupedEntries = [UInt32](repeating: 0, count: tokenCount)
    var groupedPositions = [UInt32](repeating: 0, count: tokenCount)
    termTokenStarts.withUnsafeMutableBufferPointer { starts in
      rankOf.withUnsafeBufferPointer { rankOf in
        for term in tokenTerms { starts[Int(rankOf[Int(term)]) + 1] += 1 }
        for rank in 0..<order.count { starts[rank + 1] += starts[rank] }
        var cursors = Array(starts.dropLast())
        groupedEntries.withUnsafeMutableBufferPointer { grouped in
          groupedPositions.withUnsafeMutableBufferPointer { positions in
            for token in 0..<tokenCount {
              let rank = Int(rankOf[Int(tokenTerms[token])])
              let slot = Int(cursors[rank])
              cursors[rank] += 1
              grouped[slot] = tokenEntries[token]
              positions[slot] = tokenPositions[token]
            }
          }
        }
      }
    }
    positions = PositionList(groupedPositions)

    // One entry per run of equal (article, field) within a term.
    var entries: [UInt16] = []
    var frequencies: [UInt8] = []
    var largeFrequencies: [Int: UInt32] = [:]
    var entryStarts: [UInt32] = [0]
    entries.reserveCapacity(entryCount)
    frequencies.reserveCapacity(entryCount)
    entryStarts.reserveCapacity(order.count + 1)
    func close(run length: Int) {
      guard length > 0 else { return }
      if length >= Int(UInt8.max) { largeFrequencies[entries.count - 1] = UInt32(length) }
      frequencies.append(UInt8(min(length, Int(UInt8.max))))
    }
    for rank in 0..<order.count {
      var previous = UInt32.max
      var run = 0
      for token in Int(termTokenStarts[rank])..<Int(termTokenStarts[rank + 1]) {
        let entry = groupedEntries[token]
        if entry != previous {
          close(run: run)
          entries.append(UInt16(entry))
          previous = entry
          run = 0
        }
        run += 1
      }
      close(run: run)
      entryStarts.append(UInt32(entries.count))
    }
    self.entries = entries
    self.frequencies = frequencies
    self.largeFrequencies = largeFrequencies
    self.entryStarts = entryStarts
    self.termPositionStarts = termTokenStarts
  }

  /// The pieces of text (UTF-8) that make up one field of an article.
  static func forEachPiece(
    of article: Article, in field: SearchField, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    article.forEachPiece(pieceKinds[field.rawValue], body)
  }

  private static let pieceKinds: [[PackedFields.Kind]] = SearchField.allCases.map { field in
    switch field {
    case .title: [.title]
    case .dek: [.dek]
    case .caption: [.label, .caption]
    case .credit: [.credit]
    case .body: [.paragraph]
    }
  }

  /// The id of a folded token, if this segment has it.
  func termID(_ token: [UInt8]) -> Int? {
    let low = lowerBound(token, prefixOnly: false)
    guard low < termCount else { return nil }
    let equal = token.withUnsafeBufferPointer { token in
      withTerm(low) { ByteOrder.compare($0, token) == 0 }
    }
    return equal ? low : nil
  }

  /// The ids of every term starting with `stem`.
  func termRange(prefix stem: [UInt8]) -> Range<Int> {
    lowerBound(stem, prefixOnly: false)..<lowerBound(stem, prefixOnly: true, upper: true)
  }

  /// The first id whose term is not less than `token` (or, with `upper`, whose first
  /// `token.count` bytes are greater than `token`).
  private func lowerBound(_ token: [UInt8], prefixOnly: Bool, upper: Bool = false) -> Int {
    token.withUnsafeBufferPointer { token in
      var low = 0
      var high = termCount
      while low < high {
        let middle = (low + high) / 2
        let order = withTerm(middle) { term in
          ByteOrder.compare(
            prefixOnly ? UnsafeBufferPointer(rebasing: term.prefix(token.count)) : term, token)
        }
        if order < 0 || (upper && order == 0) { low = middle + 1 } else { high = middle }
      }
      return low
    }
  }

  private func withTerm<T>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    termBytes.withUnsafeBufferPointer { all in
      body(UnsafeBufferPointer(rebasing: all[Int(termStarts[id])..<Int(termStarts[id + 1])]))
    }
  }

  /// How many tokens a field of one of this segment's articles has.
  func length(of document: Int, field: Int) -> UInt32 {
    lengths[(document - firstDocument) * Self.fieldCount + field]
  }

  /// Term frequency of entry `entry`.
  @inline(__always)
  func frequency(_ entry: Int) -> UInt32 {
    let stored = frequencies[entry]
    return stored == UInt8.max ? largeFrequencies[entry]! : UInt32(stored)
  }
}

/// Token positions, two bytes each when every position in the segment fits (any field
/// under 65,536 tokens: all but giant files), else four.
enum PositionList: Sendable {
  case narrow([UInt16])
  case wide([UInt32])

  init(_ positions: [UInt32]) {
    if positions.allSatisfy({ $0 <= UInt16.max }) {
      self = .narrow(positions.map { UInt16(truncatingIfNeeded: $0) })
    } else {
      self = .wide(positions)
    }
  }

  var storageBytes: Int {
    switch self {
    case .narrow(let positions): 2 * positions.capacity
    case .wide(let positions): 4 * positions.capacity
    }
  }
}
