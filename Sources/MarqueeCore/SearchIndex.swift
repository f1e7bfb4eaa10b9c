import Foundation

/// An in-memory inverted index over every field of every article, ranked with BM25.
///
/// Each term keeps, per (article, field) where it occurs, its positions in that field,
/// so phrases are checked against positions rather than by rescanning text. Fields are
/// weighted (`SearchField.boost`) inside BM25, so a title hit outranks a body hit; ties
/// go to the earlier path, so results never depend on hashing order.
public struct SearchIndex: Sendable {
  /// Occurrences of one term, ordered by article then field.
  struct Postings: Sendable {
    var documents: [UInt32] = []
    var fields: [UInt8] = []
    /// Where each entry's positions start in `positions`; the next entry's start ends it.
    var positionStarts: [UInt32] = []
    var positions: [UInt32] = []

    func positions(of entry: Int) -> ArraySlice<UInt32> {
      let start = Int(positionStarts[entry])
      let end = entry + 1 < positionStarts.count ? Int(positionStarts[entry + 1]) : positions.count
      return positions[start..<end]
    }
  }

  /// The articles, as given: results are indices into this array.
  public let articles: [Article]
  private var termIDs: [String: Int] = [:]
  private var postings: [Postings] = []
  /// Terms in sorted order, for prefix queries.
  private var sortedTerms: [String] = []
  /// Tokens per field per article: `lengths[article * fieldCount + field]`.
  private var lengths: [UInt32] = []
  private var averageLengths: [Double] = []

  static let fieldCount = SearchField.allCases.count
  /// A gap between separate pieces of one field (two captions, two paragraphs), so a
  /// phrase never matches across them.
  static let pieceGap: UInt32 = 16

  public init(articles: [Article]) {
    self.articles = articles
    let tokenized = ParallelMap.map(count: articles.count) { index in
      Self.tokenize(articles[index])
    }
    var totals = Array(repeating: 0.0, count: Self.fieldCount)
    lengths.reserveCapacity(articles.count * Self.fieldCount)
    for (document, fields) in tokenized.enumerated() {
      for (field, tokens) in fields.enumerated() {
        lengths.append(UInt32(tokens.count))
        totals[field] += Double(tokens.count)
        var occurrences: [String: [UInt32]] = [:]
        for (token, position) in tokens { occurrences[token, default: []].append(position) }
        for (token, positions) in occurrences.sorted(by: { $0.key < $1.key }) {
          let id = termID(for: token)
          postings[id].documents.append(UInt32(document))
          postings[id].fields.append(UInt8(field))
          postings[id].positionStarts.append(UInt32(postings[id].positions.count))
          postings[id].positions.append(contentsOf: positions)
        }
      }
    }
    let count = Double(max(1, articles.count))
    averageLengths = totals.map { max(1, $0 / count) }
    sortedTerms = termIDs.keys.sorted()
  }

  private mutating func termID(for token: String) -> Int {
    if let id = termIDs[token] { return id }
    termIDs[token] = postings.count
    postings.append(Postings())
    return postings.count - 1
  }

  /// Each field's tokens with positions (gaps between pieces).
  static func tokenize(_ article: Article) -> [[(String, UInt32)]] {
    var fields = Array(repeating: [(String, UInt32)](), count: fieldCount)
    func add(_ pieces: [String], to field: SearchField) {
      var position: UInt32 = 0
      for piece in pieces {
        for token in Tokenizer.tokens(piece) {
          fields[field.rawValue].append((token, position))
          position += 1
        }
        position += pieceGap
      }
    }
    add([article.title], to: .title)
    add([article.dek], to: .dek)
    add(article.images.flatMap { [$0.label, $0.caption].compactMap { $0 } }, to: .caption)
    add(article.images.compactMap(\.credit), to: .credit)
    add(article.paragraphs, to: .body)
    return fields
  }

  /// Ranked matches: best first, ties by path.
  public func search(_ query: SearchQuery, limit: Int? = nil) -> [SearchHit] {
    let matches = evaluate(query.root)
    var hits = zip(matches.documents, matches.scores).map {
      SearchHit(article: Int($0.0), score: $0.1)
    }
    hits.sort { left, right in
      left.score != right.score
        ? left.score > right.score : articles[left.article].path < articles[right.article].path
    }
    if let limit, hits.count > limit { hits.removeLast(hits.count - limit) }
    return hits
  }

  /// Documents (ascending) with their scores.
  struct Matches {
    var documents: [UInt32] = []
    var scores: [Double] = []
  }

  private func evaluate(_ node: SearchQuery.Node) -> Matches {
    switch node {
    case .phrase(let tokens, let scope):
      return phrase(tokens, scope: scope)
    case .prefix(let stem, let scope):
      let terms = expand(prefix: stem)
      return terms.reduce(Matches()) { union($0, phrase([$1], scope: scope)) }
    case .all(let nodes):
      var result = evaluate(nodes[0])
      for node in nodes.dropFirst() where !result.documents.isEmpty {
        result = intersect(result, evaluate(node))
      }
      return result
    case .any(let nodes):
      return nodes.reduce(Matches()) { union($0, evaluate($1)) }
    case .excluding(let node, let excluded):
      var result = evaluate(node)
      for node in excluded {
        let drop = Set(evaluate(node).documents)
        let keep = result.documents.indices.filter { !drop.contains(result.documents[$0]) }
        result = Matches(
          documents: keep.map { result.documents[$0] }, scores: keep.map { result.scores[$0] })
      }
      return result
    }
  }

  /// Terms starting with `stem`, found by binary search in the sorted vocabulary.
  func expand(prefix stem: String) -> [String] {
    var low = 0
    var high = sortedTerms.count
    while low < high {
      let middle = (low + high) / 2
      if sortedTerms[middle] < stem { low = middle + 1 } else { high = middle }
    }
    var terms: [String] = []
    while low < sortedTerms.count, sortedTerms[low].hasPrefix(stem) {
      terms.append(sortedTerms[low])
      low += 1
    }
    return terms
  }

  /// Articles where the tokens occur consecutively in one allowed field, scored by
  /// BM25 over the phrase's occurrences.
  private func phrase(_ tokens: [String], scope: SearchField.Scope) -> Matches {
    let lists = tokens.map { token in termIDs[token].map { postings[$0] } }
    guard !lists.isEmpty, lists.allSatisfy({ $0 != nil }) else { return Matches() }
    let first = lists[0]!
    // Frequency of each (document, field) where the phrase occurs.
    var counts: [(document: UInt32, field: Int, count: Int)] = []
    var cursors = Array(repeating: 0, count: lists.count)
    for entry in first.documents.indices {
      let document = first.documents[entry]
      let field = Int(first.fields[entry])
      guard let searchField = SearchField(rawValue: field), scope.allows(searchField) else {
        continue
      }
      var slices = [first.positions(of: entry)]
      var found = true
      for (index, list) in lists.enumerated().dropFirst() {
        guard
          let match = seek(list!, document: document, field: UInt8(field), from: &cursors[index])
        else {
          found = false
          break
        }
        slices.append(list!.positions(of: match))
      }
      guard found else { continue }
      let occurrences = Self.countConsecutive(slices)
      if occurrences > 0 { counts.append((document, field, occurrences)) }
    }
    let documentFrequency = Set(counts.map(\.document)).count
    guard documentFrequency > 0 else { return Matches() }
    let total = Double(articles.count)
    let df = Double(documentFrequency)
    let idf = log(1 + (total - df + 0.5) / (df + 0.5)) * Double(tokens.count)
    var result = Matches()
    for (document, field, count) in counts {
      let length = Double(lengths[Int(document) * Self.fieldCount + field])
      let k1 = 1.2
      let b = 0.75
      let tf = Double(count)
      let norm = tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / averageLengths[field]))
      let score = idf * norm * SearchField(rawValue: field)!.boost
      if result.documents.last == document {
        result.scores[result.scores.count - 1] += score
      } else {
        result.documents.append(document)
        result.scores.append(score)
      }
    }
    return result
  }

  /// Advances a cursor to the entry for (document, field), if there is one.
  private func seek(_ list: Postings, document: UInt32, field: UInt8, from cursor: inout Int)
    -> Int?
  {
    while cursor < list.documents.count
      && (list.documents[cursor], list.fields[cursor]) < (document, field)
    {
      cursor += 1
    }
    guard cursor < list.documents.count, list.documents[cursor] == document,
      list.fields[cursor] == field
    else { return nil }
    return cursor
  }

  /// How many start positions p have p in slice 0, p+1 in slice 1, and so on.
  static func countConsecutive(_ slices: [ArraySlice<UInt32>]) -> Int {
    guard slices.count > 1 else { return slices.first?.count ?? 0 }
    let later = slices.dropFirst().map { Set($0) }
    return slices[0].filter { start in
      later.enumerated().allSatisfy { $0.element.contains(start + UInt32($0.offset + 1)) }
    }.count
  }

  private func intersect(_ left: Matches, _ right: Matches) -> Matches {
    var result = Matches()
    var i = 0
    var j = 0
    while i < left.documents.count && j < right.documents.count {
      if left.documents[i] == right.documents[j] {
        result.documents.append(left.documents[i])
        result.scores.append(left.scores[i] + right.scores[j])
        i += 1
        j += 1
      } else if left.documents[i] < right.documents[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return result
  }

  private func union(_ left: Matches, _ right: Matches) -> Matches {
    var result = Matches()
    var i = 0
    var j = 0
    while i < left.documents.count || j < right.documents.count {
      let takeLeft =
        j >= right.documents.count
        || (i < left.documents.count && left.documents[i] <= right.documents[j])
      let takeRight =
        i >= left.documents.count
        || (j < right.documents.count && right.documents[j] <= left.documents[i])
      let document = takeLeft ? left.documents[i] : right.documents[j]
      var score = 0.0
      if takeLeft {
        score += left.scores[i]
        i += 1
      }
      if takeRight {
        score += right.scores[j]
        j += 1
      }
      result.documents.append(document)
      result.scores.append(score)
    }
    return result
  }
}

/// One search result: an index into `SearchIndex.articles` and its score.
public struct SearchHit: Sendable, Hashable {
  public let article: Int
  public let score: Double
}
