import Foundation

/// Finds articles for a query: ranked ids of the articles in the `ArticleStore` the
/// index was built over, in the same order. The CLI and the reader's search worker ask
/// only this, so an index kept on disk can stand behind the same two calls; the
/// in-memory `SearchIndex` is the one implementation today.
public protocol ArticleIndex: Sendable {
  /// How many articles the index covers: ids `0..<articleCount`.
  var articleCount: Int { get }
  /// Ranked matches, best first, ties by path, at most `limit` of them; and how many
  /// articles match in all, which is known before any is ranked.
  func results(for query: SearchQuery, limit: Int?) -> SearchResults
  /// The query with its unknown words corrected, for "did you mean"; nil when there is
  /// nothing to correct.
  func suggestion(for query: SearchQuery) -> String?
}

extension ArticleIndex {
  /// Ranked matches: best first, ties by path; at most `limit` of them.
  public func search(_ query: SearchQuery, limit: Int? = nil) -> [SearchHit] {
    results(for: query, limit: limit).hits
  }
}

/// What a search found: the hits asked for and how many articles matched.
public struct SearchResults: Sendable, Hashable {
  /// Best first; at most the limit asked for.
  public let hits: [SearchHit]
  /// Every matching article, however few of them were ranked and kept.
  public let total: Int
}

/// An in-memory inverted index over every field of every article, ranked with BM25.
///
/// Built from segments of consecutive articles (`IndexSegment`), in parallel, and
/// extendable while a corpus is still loading (`append`). Fields are weighted
/// (`SearchField.boost`) inside BM25, so a title hit outranks a body hit; ties go to
/// the earlier path, so results never depend on hashing or arrival order.
public struct SearchIndex: ArticleIndex {
  /// Each article's path, by id: ties between equal scores go by path.
  public private(set) var paths: [String] = []
  private(set) var segments: [IndexSegment] = []
  private var fieldTotals = Array(repeating: 0.0, count: IndexSegment.fieldCount)
  /// Each article's place in path order, when the articles are not already in it.
  private var pathRanks: PathRanks = .identity

  /// Articles per segment: small enough that a corpus splits across all cores, large
  /// enough that a query's per-segment overhead stays negligible.
  private let segmentSize: Int
  static let defaultSegmentSize = 4096

  public init(articles: [Article]) {
    self.init(articles: articles, segmentSize: Self.defaultSegmentSize)
  }

  /// Tests use small segments to check that answers never depend on where segments end.
  init(articles: [Article], segmentSize: Int) {
    self.segmentSize = min(max(1, segmentSize), IndexSegment.maxArticles)
    append(articles)
  }

  /// Adds articles (after those already indexed) and indexes them.
  public mutating func append(_ newArticles: [Article]) {
    append(prepare(newArticles))
  }

  /// Articles indexed and ready to join a store and its index, made off the thread
  /// that owns them.
  public struct Batch: Sendable {
    /// For the store, after the articles it holds.
    public let articles: [Article]
    /// The index's article count the segments were numbered after.
    let first: Int
    let segments: [IndexSegment]
  }

  /// Indexes articles that will follow the current ones, in parallel, without
  /// changing this index: a loader thread prepares batches while the reader keeps
  /// answering keys, and `append(_:)` then takes each batch at once.
  public func prepare(_ newArticles: [Article]) -> Batch {
    Self.prepare(newArticles, after: articleCount, segmentSize: segmentSize)
  }

  /// `prepare(_:)` for an index that will hold `count` articles by then.
  public static func prepare(_ newArticles: [Article], after count: Int) -> Batch {
    prepare(newArticles, after: count, segmentSize: defaultSegmentSize)
  }

  private static func prepare(_ newArticles: [Article], after first: Int, segmentSize: Int)
    -> Batch
  {
    let chunks = (newArticles.count + segmentSize - 1) / segmentSize
    let segments = ParallelMap.map(count: chunks) { chunk in
      let start = chunk * segmentSize
      let end = min(start + segmentSize, newArticles.count)
      let segment = IndexSegment(
        articles: newArticles[start..<end], firstDocument: first + start)
      MemoryTrim.returnFreePages()
      return segment
    }
    return Batch(articles: newArticles, first: first, segments: segments)
  }

  /// Adds a prepared batch. Batches must arrive in the order they were prepared for.
  public mutating func append(_ batch: Batch) {
    precondition(batch.first == articleCount, "index batches must be appended in order")
    guard !batch.articles.isEmpty else { return }
    paths += batch.articles.map(\.path)
    for segment in batch.segments {
      for (position, length) in segment.lengths.enumerated() {
        fieldTotals[position % IndexSegment.fieldCount] += Double(length)
      }
    }
    segments += batch.segments
    pathRanks = PathRanks(
      paths, assumingSortedBefore: pathRanks.isIdentity ? batch.first : nil)
  }

  /// Indexes articles again after their files changed: each segment holding any of them
  /// is built anew once from `articles` (the store's, in id order), a few thousand
  /// articles, tens of milliseconds.
  public mutating func reindex(_ ids: some Collection<ArticleID>, in articles: [Article]) {
    let positions = Set(
      ids.compactMap { id in
        segments.firstIndex {
          (id >= $0.firstDocument) && (id < $0.firstDocument + $0.documentCount)
        }
      })
    for position in positions.sorted() {
      let old = segments[position]
      let range = old.firstDocument..<(old.firstDocument + old.documentCount)
      let new = IndexSegment(articles: articles[range], firstDocument: old.firstDocument)
      for (offset, (before, after)) in zip(old.lengths, new.lengths).enumerated() {
        fieldTotals[offset % IndexSegment.fieldCount] += Double(after) - Double(before)
      }
      segments[position] = new
    }
    var renamed = false
    for id in ids where paths.indices.contains(id) && paths[id] != articles[id].path {
      paths[id] = articles[id].path
      renamed = true
    }
    if renamed { pathRanks = PathRanks(paths, assumingSortedBefore: 0) }
  }

  /// Bytes the index itself holds (postings, vocabularies, lengths), for benchmarks:
  /// the articles it refers to are not counted.
  public var storageBytes: Int {
    segments.reduce(0) { $0 + $1.storageBytes }
  }

  public var articleCount: Int { paths.count }

  public func results(for query: SearchQuery, limit: Int?) -> SearchResults {
    let matches = evaluate(query.root)
    var keys = [UInt64](repeating: 0, count: matches.documents.count)
    for index in matches.documents.indices {
      // Higher scores first: invert the bits of the (positive) score.
      let scoreKey = ~Float(matches.scores[index]).bitPattern
      keys[index] =
        UInt64(scoreKey) << 32 | UInt64(pathRanks.rank(of: Int(matches.documents[index])))
    }
    let wanted = min(keys.count, limit ?? keys.count)
    TopKeys.keepSmallest(wanted, of: &keys)
    let hits = keys.map { key in
      SearchHit(
        id: pathRanks.document(at: Int(UInt32(truncatingIfNeeded: key))),
        score: Double(Float(bitPattern: ~UInt32(truncatingIfNeeded: key >> 32))))
    }
    return SearchResults(hits: hits, total: matches.documents.count)
  }

  private func evaluate(_ node: SearchQuery.Node) -> Matches {
    switch node {
    case .exactPhrase(let tokens, let scope):
      return score(phrase(tokens.map { Array($0.utf8) }, scope: scope), weight: tokens.count)
    case .phrase(let tokens, let scope):
      // The words as typed, then their other forms at half the score: `oscar` ranks
      // articles that say `oscar` above those that only say `Oscars`.
      let typed = tokens.map { Array($0.utf8) }
      let exact = score(phrase(typed, scope: scope), weight: tokens.count)
      let forms = otherForms(of: typed, scope: scope)
      guard !forms.hits.isEmpty else { return exact }
      return exact.union(score(forms, weight: tokens.count, scale: Self.formScale))
    case .prefix(let stem, let scope):
      return score(prefix(Array(stem.utf8), scope: scope), weight: 1)
    case .phrasePrefix(let tokens, let stem, let scope):
      return score(
        phrase(tokens.map { Array($0.utf8) }, endingWith: Array(stem.utf8), scope: scope),
        weight: tokens.count + 1)
    case .all(let nodes):
      var result = evaluate(nodes[0])
      for node in nodes.dropFirst() where !result.documents.isEmpty {
        result = result.intersection(evaluate(node))
      }
      return result
    case .any(let nodes):
      return nodes.reduce(Matches()) { $0.union(evaluate($1)) }
    case .excluding(let node, let excluded):
      return excluded.reduce(evaluate(node)) { $0.subtracting(evaluate($1)) }
    }
  }

  /// How much a match of another form of a word counts against one as typed.
  static let formScale = 0.5

  /// BM25 over (article, field) occurrence counts, with field boosts, times `scale`.
  private func score(_ hits: FieldHits, weight: Int, scale: Double = 1) -> Matches {
    var result = Matches()
    guard !hits.hits.isEmpty else { return result }
    var documentFrequency = 0
    var previous = UInt32.max
    for hit in hits.hits where hit.document != previous {
      documentFrequency += 1
      previous = hit.document
    }
    let total = Double(articleCount)
    let df = Double(documentFrequency)
    let idf = log(1 + (total - df + 0.5) / (df + 0.5)) * Double(weight) * scale
    let averages = fieldTotals.map { max(1, $0 / max(1, total)) }
    let k1 = 1.2
    let b = 0.75
    result.documents.reserveCapacity(documentFrequency)
    result.scores.reserveCapacity(documentFrequency)
    // Hits come in document order, so the segment holding each one only moves forward.
    var segment = 0
    for hit in hits.hits {
      let document = hit.document
      let field = Int(hit.field)
      while Int(document) >= segments[segment].firstDocument + segments[segment].documentCount {
        segment += 1
      }
      let length = Double(segments[segment].length(of: Int(document), field: field))
      let tf = Double(hit.count)
      let norm = tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / averages[field]))
      let score = idf * norm * SearchField.allCases[field].boost
      if result.documents.last == document {
        result.scores[result.scores.count - 1] += score
      } else {
        result.documents.append(document)
        result.scores.append(score)
      }
    }
    return result
  }

}

/// One search result: the article's id in the store, and its score.
public struct SearchHit: Sendable, Hashable {
  public let id: ArticleID
  public let score: Double
}
