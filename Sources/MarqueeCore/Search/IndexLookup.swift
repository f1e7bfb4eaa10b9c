/// Finding a query's words, phrases and prefixes in the segments of a `SearchIndex`.
extension SearchIndex {
  /// Articles where the tokens occur consecutively in one allowed field, with how many
  /// times per field. A single token is a phrase of one.
  func phrase(_ tokens: [[UInt8]], scope: SearchField.Scope) -> FieldHits {
    var hits = FieldHits()
    for segment in segments {
      let ids = tokens.compactMap { segment.termID($0) }
      guard ids.count == tokens.count else { continue }
      if ids.count == 1 {
        collectTerm(ids[0], in: segment, scope: scope, into: &hits)
      } else {
        segment.collectPhrase(ids, scope: scope, into: &hits)
      }
    }
    return hits
  }

  /// Articles where the tokens occur consecutively followed by a term starting with
  /// `stem`, in one allowed field: the phrase with each such term in turn, the counts of
  /// one (article, field) added up.
  func phrase(_ tokens: [[UInt8]], endingWith stem: [UInt8], scope: SearchField.Scope)
    -> FieldHits
  {
    var hits = FieldHits()
    var counts = SegmentCounts()
    for segment in segments {
      let ids = tokens.compactMap { segment.termID($0) }
      let range = segment.termRange(prefix: stem)
      guard ids.count == tokens.count, !range.isEmpty else { continue }
      counts.start(segment)
      for term in range {
        var termHits = FieldHits()
        segment.collectPhrase(ids + [term], scope: scope, into: &termHits)
        counts.add(termHits, of: segment)
      }
      counts.drain(segment, into: &hits)
    }
    return hits
  }

  /// Articles with any term starting with `stem`, counting every such term's
  /// occurrences together, as if the prefix were one word.
  func prefix(_ stem: [UInt8], scope: SearchField.Scope) -> FieldHits {
    var hits = FieldHits()
    var counts = SegmentCounts()
    for segment in segments {
      let range = segment.termRange(prefix: stem)
      guard !range.isEmpty else { continue }
      counts.start(segment)
      counts.addEntries(ofTerms: range, in: segment, scope: scope)
      counts.drain(segment, into: &hits)
    }
    return hits
  }

  /// Articles where the tokens occur consecutively in one allowed field, the last in
  /// another of its forms (a word of the same English stem): `"red carpets"` for `"red
  /// carpet"`, `Oscars` for `oscar`. The phrase as typed is left out (it is `phrase`'s);
  /// a word with more than `maxFormPhrases` forms in a segment tries the first of them.
  func otherForms(of tokens: [[UInt8]], scope: SearchField.Scope) -> FieldHits {
    let stems = tokens.map { token in token.withUnsafeBufferPointer(EnglishStemmer.stem(bytes:)) }
    var hits = FieldHits()
    var counts = SegmentCounts()
    for segment in segments {
      // In a phrase, only the last word takes other forms (`red carpets`, `box offices`):
      // each form is another pass over the phrase's other words, and English inflects
      // a phrase's last word far more than the others.
      let forms = zip(tokens, stems).enumerated().map { position, pair in
        (segment.termID(pair.0).map { [$0] } ?? [])
          + (position == tokens.count - 1 ? segment.forms(of: pair.0, stem: pair.1) : [])
      }
      guard forms.allSatisfy({ !$0.isEmpty }) else { continue }
      let typed = tokens.map { segment.termID($0) }
      let phrases = Self.combinations(forms, limit: Self.maxFormPhrases).filter {
        $0.map(Optional.some) != typed
      }
      guard !phrases.isEmpty else { continue }
      counts.start(segment)
      for terms in phrases {
        if terms.count == 1 {
          counts.addEntries(ofTerms: terms[0]..<(terms[0] + 1), in: segment, scope: scope)
        } else {
          var phraseHits = FieldHits()
          segment.collectPhrase(terms, scope: scope, into: &phraseHits)
          counts.add(phraseHits, of: segment)
        }
      }
      counts.drain(segment, into: &hits)
    }
    return hits
  }

  /// Phrases a segment tries at most for the forms of one phrase.
  static let maxFormPhrases = 32

  /// Every choice of one item from each list, in order, the first `limit` of them.
  static func combinations(_ lists: [[Int]], limit: Int) -> [[Int]] {
    var result: [[Int]] = [[]]
    for list in lists {
      result = result.flatMap { prefix in list.map { prefix + [$0] } }
      if result.count > limit { result = Array(result.prefix(limit)) }
    }
    return result
  }

  private func collectTerm(
    _ term: Int, in segment: IndexSegment, scope: SearchField.Scope, into hits: inout FieldHits
  ) {
    segment.withCursors { streams in
      var cursor = streams.entries(of: term)
      while cursor.next() {
        guard scope.allows(cursor.key & IndexSegment.fieldMask) else { continue }
        hits.append(segment: segment, key: cursor.key, count: cursor.frequency)
      }
    }
  }
}

/// Occurrence counts per (article, field) of one segment at a time, several terms' or
/// phrases' added up: a dense table indexed by the entry's key (local article, field),
/// zeroed again as it is read out, so one table serves every segment of a query.
struct SegmentCounts {
  private var counts: [UInt32] = []
  private var size = 0

  /// Makes the table ready for `segment`'s keys.
  mutating func start(_ segment: IndexSegment) {
    size = segment.documentCount << IndexSegment.fieldBits
    if counts.count < size { counts = Array(repeating: 0, count: size) }
  }

  /// Adds every entry of the terms `range` in an allowed field.
  mutating func addEntries(
    ofTerms range: Range<Int>, in segment: IndexSegment, scope: SearchField.Scope
  ) {
    counts.withUnsafeMutableBufferPointer { counts in
      segment.withCursors { streams in
        streams.forEachEntry(ofTerms: range) { cursor in
          guard scope.allows(cursor.key & IndexSegment.fieldMask) else { return }
          counts[Int(cursor.key)] += cursor.frequency
        }
      }
    }
  }

  /// Adds hits found in `segment` another way (a phrase's).
  mutating func add(_ found: FieldHits, of segment: IndexSegment) {
    for hit in found.hits {
      let local = Int(hit.document) - segment.firstDocument
      counts[local << Int(IndexSegment.fieldBits) | Int(hit.field)] += hit.count
    }
  }

  /// Moves the counts to `hits`, by article then field, leaving the table zeroed.
  mutating func drain(_ segment: IndexSegment, into hits: inout FieldHits) {
    let size = size
    counts.withUnsafeMutableBufferPointer { counts in
      for key in 0..<size where counts[key] > 0 {
        hits.append(segment: segment, key: UInt32(key), count: counts[key])
        counts[key] = 0
      }
    }
  }
}

/// Occurrence counts per (article, field), ordered by article then field.
///
/// One array of hits rather than one per column: a common word adds hundreds of
/// thousands, and each append checks its array's uniqueness.
struct FieldHits {
  struct Hit {
    let document: UInt32
    let field: UInt8
    let count: UInt32
  }

  private(set) var hits: [Hit] = []

  mutating func append(_ hit: Hit) { hits.append(hit) }

  mutating func append(segment: IndexSegment, key: UInt32, count: UInt32) {
    hits.append(
      Hit(
        document: UInt32(segment.firstDocument) + key >> IndexSegment.fieldBits,
        field: UInt8(key & IndexSegment.fieldMask), count: count))
  }
}

extension SearchField.Scope {
  @inline(__always)
  func allows(_ field: UInt32) -> Bool {
    switch self {
    case .any: true
    case .only(let only): UInt32(only.rawValue) == field
    }
  }
}

extension IndexSegment {
  /// Adds the occurrences of the phrase made of these terms, in this segment.
  func collectPhrase(_ terms: [Int], scope: SearchField.Scope, into hits: inout FieldHits) {
    withCursors { streams in
      withUnsafeTemporaryAllocation(of: EntryCursor.self, capacity: terms.count) { entries in
        withUnsafeTemporaryAllocation(of: PositionCursor.self, capacity: terms.count) {
          positions in
          for (index, term) in terms.enumerated() {
            entries.initializeElement(at: index, to: streams.entries(of: term))
            positions.initializeElement(at: index, to: streams.positions(of: term))
          }
          let sizes = terms.map { entryStarts[$0 + 1] - entryStarts[$0] }
          let matcher = PhraseMatcher(
            entries: entries, positions: positions,
            driver: sizes.indices.min { sizes[$0] < sizes[$1] } ?? 0)
          matcher.collect(scope: scope) { key, count in
            hits.append(segment: self, key: key, count: count)
          }
          _ = entries.deinitialize()
          _ = positions.deinitialize()
        }
      }
    }
  }
}

/// Counts the occurrences of a phrase in one segment, driven by its rarest term.
///
/// Each term's entries and positions are read once, in order, through cursors on the
/// segment's streams, and a term's positions are only decoded for entries where every
/// term occurs. The cursors live in unsafe buffers: a phrase of common words visits
/// hundreds of thousands of entries, and array accesses would check bounds and
/// uniqueness at each.
struct PhraseMatcher {
  /// Per term of the phrase: its entries, with the entry in hand, and its positions.
  let entries: UnsafeMutableBufferPointer<EntryCursor>
  let positions: UnsafeMutableBufferPointer<PositionCursor>
  /// The term with the fewest entry bytes, so about the fewest entries.
  let driver: Int

  func collect(scope: SearchField.Scope, _ found: (UInt32, UInt32) -> Void) {
    // Every term of a segment has at least one entry: put each term's first in hand.
    for index in entries.indices { _ = nextEntry(index) }
    repeat {
      let key = entries[driver].key
      if scope.allows(key & IndexSegment.fieldMask) {
        var all = true
        for index in entries.indices where index != driver {
          guard advance(index, to: key) else { return }
          if entries[index].key != key { all = false }
        }
        if all {
          let count = countConsecutive()
          if count > 0 { found(key, count) }
        }
      }
    } while nextEntry(driver)
  }

  /// Puts term `index`'s next entry in hand; false when it has none.
  @inline(__always)
  private func nextEntry(_ index: Int) -> Bool {
    guard entries[index].next() else { return false }
    positions[index].passed(entries[index].frequency)
    return true
  }

  /// Moves term `index` to its first entry not below `key`; false when it has none.
  /// Works on a local copy of the cursor, as `PositionCursor.advance(to:)` does.
  @inline(__always)
  private func advance(_ index: Int, to key: UInt32) -> Bool {
    var cursor = entries[index]
    guard cursor.key < key else { return true }
    var passed: UInt32 = 0
    defer {
      entries[index] = cursor
      positions[index].passed(passed)
    }
    while cursor.key < key {
      guard cursor.next() else { return false }
      passed += cursor.frequency
    }
    return true
  }

  /// How many start positions p have term 0 at p, term 1 at p + 1, and so on, in the
  /// entries in hand. Each term's positions ascend and are read at most once, by
  /// leapfrogging from the term with the fewest in these entries (the anchor): when
  /// term `index` has nothing at p + index, no start below its next position minus
  /// `index` can match. The other terms' positions past the anchor's last are never
  /// decoded, only skipped when the next entry is entered.
  private func countConsecutive() -> UInt32 {
    var anchor = 0
    for index in positions.indices {
      positions[index].enter(entries[index].frequency)
      if entries[index].frequency < entries[anchor].frequency { anchor = index }
    }
    // A start is never negative: the anchor's position is at least its offset.
    var target = UInt32(anchor)
    var count: UInt32 = 0
    while positions[anchor].advance(to: target) {
      let start = positions[anchor].position &- UInt32(anchor)
      target = positions[anchor].position &+ 1
      var all = true
      for index in positions.indices where index != anchor {
        let wanted = start &+ UInt32(index)
        guard positions[index].advance(to: wanted) else { return count }
        if positions[index].position != wanted {
          target = positions[index].position &- UInt32(index) &+ UInt32(anchor)
          all = false
          break
        }
      }
      if all { count += 1 }
    }
    return count
  }
}
