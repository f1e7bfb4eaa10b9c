/// The postings of a run of consecutive articles: one piece of `SearchIndex`.
///
/// Segments are built independently (on all cores, or one batch at a time while a
/// corpus is still loading) and never merged: a query visits each in document order.
/// Everything is in flat arrays, with no per-term allocation:
/// - the vocabulary is sorted by bytes, so a term's id is its rank, a lookup is a
///   binary search and every term with a given prefix is one contiguous id range;
/// - term `t`'s entries, one per (article, field) it occurs in, ascending, are the
///   bytes `entries[entryStarts[t]..<entryStarts[t + 1]]`, and its positions, entry
///   after entry, the bytes `positions[positionStarts[t]..<positionStarts[t + 1]]`;
///   `Postings.swift` has the encoding: variable-length gaps, about one byte an entry
///   and one and a half a token, so the index stays well under the size of the text.
///   Both streams end with `VarInt.readPadding` zero bytes.
struct IndexSegment: Sendable {
  let firstDocument: Int
  let documentCount: Int
  let termBytes: FlatArray<UInt8>
  let termStarts: FlatArray<UInt32>
  let entryStarts: FlatArray<UInt32>
  let entries: FlatArray<UInt8>
  let positionStarts: FlatArray<UInt32>
  let positions: FlatArray<UInt8>
  /// Tokens per field per article: `lengths[localArticle * fieldCount + field]`.
  let lengths: FlatArray<UInt32>

  static let fieldCount = SearchField.allCases.count
  /// Articles in one segment at most, so that an entry's key fits in two bytes.
  static let maxArticles = 1 << (16 - Int(fieldBits))
  static let fieldBits: UInt32 = 3
  static let fieldMask: UInt32 = 7
  /// A gap between separate pieces of one field (two captions, two paragraphs), so a
  /// phrase never matches across them.
  static let pieceGap: UInt32 = 16

  var termCount: Int { termStarts.count - 1 }

  /// Bytes held in memory by this segment's arrays (capacity, not just count; nothing
  /// for those read from a mapped cache file).
  var storageBytes: Int {
    termBytes.heapBytes + entries.heapBytes + positions.heapBytes + termStarts.heapBytes
      + entryStarts.heapBytes + positionStarts.heapBytes + lengths.heapBytes
  }

  /// A segment from arrays made elsewhere (a cache file's), as the other `init` would
  /// have made them; `firstDocument` is where its articles are in this process's store.
  init(
    firstDocument: Int, documentCount: Int, termBytes: FlatArray<UInt8>,
    termStarts: FlatArray<UInt32>, entryStarts: FlatArray<UInt32>, entries: FlatArray<UInt8>,
    positionStarts: FlatArray<UInt32>, positions: FlatArray<UInt8>, lengths: FlatArray<UInt32>
  ) {
    self.firstDocument = firstDocument
    self.documentCount = documentCount
    self.termBytes = termBytes
    self.termStarts = termStarts
    self.entryStarts = entryStarts
    self.entries = entries
    self.positionStarts = positionStarts
    self.positions = positions
    self.lengths = lengths
  }

  /// Tokenizes and indexes `articles`, whose first is document `firstDocument`.
  ///
  /// Tokens are read once, keeping only their term ids; the postings are then encoded
  /// in two passes over those ids, one to size each term's bytes and one to write them
  /// in place, so no per-token (key, position) scratch arrays are needed.
  init(articles: ArraySlice<Article>, firstDocument: Int) {
    precondition(articles.count <= Self.maxArticles, "too many articles for one segment")
    let tokens = SegmentTokens(articles)
    // Terms in byte order: a term's rank is its id from now on.
    let table = tokens.table
    let order = table.sortedIDs()
    var sortedBytes: [UInt8] = []
    var sortedStarts: [UInt32] = [0]
    sortedBytes.reserveCapacity(table.bytes.count)
    sortedStarts.reserveCapacity(order.count + 1)
    for id in order {
      sortedBytes += table.bytes[Int(table.starts[Int(id)])..<Int(table.starts[Int(id) + 1])]
      sortedStarts.append(UInt32(sortedBytes.count))
    }
    let postings = EncodedPostings(tokens, order: order)
    self.init(
      firstDocument: firstDocument, documentCount: articles.count,
      termBytes: FlatArray(sortedBytes), termStarts: FlatArray(sortedStarts),
      entryStarts: postings.entryStarts, entries: postings.entries,
      positionStarts: postings.positionStarts, positions: postings.positions,
      lengths: FlatArray(tokens.lengths))
  }

  /// The pieces of text (UTF-8) that make up one field of an article, walked for that
  /// field alone (a segment's build takes all fields in one walk).
  static func forEachPiece(
    of article: Article, in field: SearchField, _ body: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    let kinds = (0...UInt8.max).compactMap { raw in
      fieldOfKind[Int(raw)] == field.rawValue ? PackedFields.Kind(rawValue: raw) : nil
    }
    article.forEachPiece(kinds, body)
  }

  /// The search field each kind of packed piece is indexed under (by `Kind.rawValue`;
  /// -1 for none): an image's label and caption are its caption.
  static let fieldOfKind: [Int8] = (0...UInt8.max).map { raw -> Int8 in
    let field: SearchField? =
      switch PackedFields.Kind(rawValue: raw) {
      case .title: .title
      case .dek: .dek
      case .label, .caption: .caption
      case .credit: .credit
      case .paragraph: .body
      case .author: .author
      default: nil
      }
    return field.map { Int8($0.rawValue) } ?? -1
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

  /// The ids of this segment's other forms of `token`: the terms, `token` aside, whose
  /// English stem is `stem`. They begin with the stem (or with it less a last `e` or `i`:
  /// `hope` for `hoping`, `happi` for `happy`), so only those terms are stemmed.
  func forms(of token: [UInt8], stem: [UInt8]) -> [Int] {
    let start =
      stem.last == UInt8(ascii: "e") || stem.last == UInt8(ascii: "i") ? stem.dropLast() : stem[...]
    guard start.count >= 2 else { return [] }
    return termRange(prefix: Array(start)).filter { id in
      withTerm(id) { term in
        !term.elementsEqual(token) && EnglishStemmer.stem(bytes: term) == stem
      }
    }
  }

  /// The ids of every term starting with `stem`.
  func termRange(prefix stem: [UInt8]) -> Range<Int> {
    lowerBound(stem, prefixOnly: false)..<lowerBound(stem, prefixOnly: true, upper: true)
  }

  /// The first id whose term is not less than `token` (or, with `upper`, whose first
  /// `token.count` bytes are greater than `token`).
  ///
  /// The vocabulary's two arrays are pinned once for the whole search, not at each
  /// probe: a query looks words up in every segment, a few times each.
  private func lowerBound(_ token: [UInt8], prefixOnly: Bool, upper: Bool = false) -> Int {
    token.withUnsafeBufferPointer { token in
      termBytes.withUnsafeBufferPointer { bytes in
        termStarts.withUnsafeBufferPointer { starts in
          var low = 0
          var high = starts.count - 1
          while low < high {
            let middle = (low + high) / 2
            let start = Int(starts[middle])
            let end =
              prefixOnly
              ? min(Int(starts[middle + 1]), start + token.count) : Int(starts[middle + 1])
            let order = ByteOrder.compare(UnsafeBufferPointer(rebasing: bytes[start..<end]), token)
            if order < 0 || (upper && order == 0) { low = middle + 1 } else { high = middle }
          }
          return low
        }
      }
    }
  }

  func withTerm<T>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    termBytes.withUnsafeBufferPointer { all in
      body(UnsafeBufferPointer(rebasing: all[Int(termStarts[id])..<Int(termStarts[id + 1])]))
    }
  }

  /// How many tokens a field of one of this segment's articles has.
  func length(of document: Int, field: Int) -> UInt32 {
    lengths[(document - firstDocument) * Self.fieldCount + field]
  }
}
