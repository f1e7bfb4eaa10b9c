/// "Did you mean": for a query whose words are not in the index in any form, the query
/// with each such word replaced by the closest indexed word.
///
/// Closest is by edit distance (insertions, deletions, substitutions and swaps of two
/// neighbouring letters), at most 1 for words of four letters or fewer and 2 for longer
/// ones, ties to the more frequent word. Words are compared folded (case and accents
/// ignored), as the index holds them. Only indexed words that begin with the same letter
/// are compared: a typo rarely changes the first letter, and that keeps the look-up to
/// a few thousand words of a big index, a few milliseconds.
extension SearchIndex {
  /// The query with its unknown words corrected, as text to search for; nil when every
  /// word is known or no correction is close enough.
  public func suggestion(for query: SearchQuery) -> String? {
    let unknown = Set(
      query.words.filter { !isKnown(Array($0.word.utf8), asPrefix: $0.isPrefix) }.map(\.word))
    guard !unknown.isEmpty else { return nil }
    var corrections: [String: String] = [:]
    for word in unknown {
      guard let best = closestWord(to: Array(word.utf8)) else { continue }
      corrections[word] = best
    }
    guard !corrections.isEmpty else { return nil }
    // The query as typed, each unknown word's text replaced: scopes, quotes and the
    // other words stay as they were.
    let scalars = Array(query.text.unicodeScalars)
    var text = String.UnicodeScalarView()
    var position = 0
    for token in Tokenizer.tokensWithRanges(query.text) {
      guard let correction = corrections[token.text] else { continue }
      text.append(contentsOf: scalars[position..<token.range.lowerBound])
      text.append(contentsOf: correction.unicodeScalars)
      position = token.range.upperBound
    }
    text.append(contentsOf: scalars[position...])
    return String(text)
  }

  /// Whether some segment holds the word, or another form of it (or, for a prefix, a
  /// word that begins with it).
  private func isKnown(_ word: [UInt8], asPrefix: Bool) -> Bool {
    if asPrefix { return segments.contains { !$0.termRange(prefix: word).isEmpty } }
    let stem = word.withUnsafeBufferPointer(EnglishStemmer.stem(bytes:))
    return segments.contains { segment in
      segment.termID(word) != nil || !segment.forms(of: word, stem: stem).isEmpty
    }
  }

  /// The indexed word nearest to `word`, the most frequent of equals.
  private func closestWord(to word: [UInt8]) -> String? {
    guard let first = word.first, word.count >= 2 else { return nil }
    let limit = word.count <= 4 ? 1 : 2
    var best: (distance: Int, weight: Int, term: [UInt8])?
    var weights: [[UInt8]: (distance: Int, weight: Int)] = [:]
    for segment in segments {
      for id in segment.termRange(prefix: [first]) {
        segment.withTerm(id) { term in
          guard abs(term.count - word.count) <= limit,
            let distance = EditDistance.between(term, word, atMost: limit)
          else { return }
          weights[Array(term), default: (distance, 0)].weight += segment.entryBytes(of: id)
        }
      }
    }
    for (term, found) in weights {
      if best == nil || found.distance < best!.distance
        || found.distance == best!.distance
          && (found.weight > best!.weight
            || found.weight == best!.weight && term.lexicographicallyPrecedes(best!.term))
      {
        best = (found.distance, found.weight, term)
      }
    }
    return best.map { String(decoding: $0.term, as: UTF8.self) }
  }
}

extension IndexSegment {
  /// The bytes of a term's entries: about how many articles and fields hold it.
  func entryBytes(of id: Int) -> Int { Int(entryStarts[id + 1] - entryStarts[id]) }
}

extension SearchQuery {
  /// The words it looks for (not excluded ones), folded; prefixes marked.
  var words: [(word: String, isPrefix: Bool)] {
    var words: [(word: String, isPrefix: Bool)] = []
    func collect(_ node: Node) {
      switch node {
      case .phrase(let tokens, _), .exactPhrase(let tokens, _):
        words += tokens.map { ($0, false) }
      case .prefix(let prefix, _): words.append((prefix, true))
      case .phrasePrefix(let tokens, let prefix, _):
        words += tokens.map { ($0, false) } + [(prefix, true)]
      case .all(let nodes), .any(let nodes): nodes.forEach(collect)
      case .excluding(let node, _): collect(node)
      }
    }
    collect(root)
    return words
  }
}

/// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps
/// of neighbouring bytes, each 1.
enum EditDistance {
  /// The distance between `a` and `b` if it is at most `limit`, else nil; gives up on a
  /// row whose every cell is past the limit.
  static func between(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8], atMost limit: Int) -> Int? {
    let (n, m) = (a.count, b.count)
    guard abs(n - m) <= limit else { return nil }
    if n == 0 || m == 0 { return max(n, m) <= limit ? max(n, m) : nil }
    var before = [Int](repeating: 0, count: m + 1)
    var previous = Array(0...m)
    var current = [Int](repeating: 0, count: m + 1)
    for i in 1...n {
      current[0] = i
      var smallest = current[0]
      for j in 1...m {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, before[j - 2] + 1)
        }
        current[j] = value
        smallest = min(smallest, value)
      }
      if smallest > limit { return nil }
      (before, previous, current) = (previous, current, before)
    }
    return previous[m] <= limit ? previous[m] : nil
  }
}
