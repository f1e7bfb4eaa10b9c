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

  /// Articles with any term starting with `stem`, counting every such term's
  /// occurrences together, as if the prefix were one word.
  func prefix(_ stem: [UInt8], scope: SearchField.Scope) -> FieldHits {
    var hits = FieldHits()
    for segment in segments {
      let range = segment.termRange(prefix: stem)
      guard !range.isEmpty else { continue }
      // The range's postings are contiguous: add them up per (article, field) in a
      // dense table indexed by the entry itself.
      var counts = [UInt32](repeating: 0, count: segment.documentCount << IndexSegment.fieldBits)
      let first = Int(segment.entryStarts[range.lowerBound])
      let last = Int(segment.entryStarts[range.upperBound])
      for entry in first..<last {
        let key = UInt32(segment.entries[entry])
        guard scope.allows(key & IndexSegment.fieldMask) else { continue }
        counts[Int(key)] += segment.frequency(entry)
      }
      for (key, count) in counts.enumerated() where count > 0 {
        hits.append(segment: segment, key: UInt32(key), count: count)
      }
    }
    return hits
  }

  private func collectTerm(
    _ term: Int, in segment: IndexSegment, scope: SearchField.Scope, into hits: inout FieldHits
  ) {
    for entry in Int(segment.entryStarts[term])..<Int(segment.entryStarts[term + 1]) {
      let key = UInt32(segment.entries[entry])
      guard scope.allows(key & IndexSegment.fieldMask) else { continue }
      hits.append(segment: segment, key: key, count: segment.frequency(entry))
    }
  }
}

/// Occurrence counts per (article, field), ordered by article then field.
struct FieldHits {
  var documents: [UInt32] = []
  var fields: [UInt8] = []
  var counts: [UInt32] = []

  mutating func append(segment: IndexSegment, key: UInt32, count: UInt32) {
    documents.append(UInt32(segment.firstDocument) + key >> IndexSegment.fieldBits)
    fields.append(UInt8(key & IndexSegment.fieldMask))
    counts.append(count)
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
    switch positions {
    case .narrow(let positions):
      positions.withUnsafeBufferPointer { positions in
        PhraseMatcher.collect(
          in: self, positions: positions, terms: terms, scope: scope, into: &hits)
      }
    case .wide(let positions):
      positions.withUnsafeBufferPointer { positions in
        PhraseMatcher.collect(
          in: self, positions: positions, terms: terms, scope: scope, into: &hits)
      }
    }
  }
}

/// Counts the occurrences of a phrase in one segment, driven by its rarest term.
///
/// Each term's entries are walked once, in order, adding up frequencies to know where
/// each entry's positions start. Works through unsafe buffers with preallocated
/// scratch space: a phrase of common words visits hundreds of thousands of entries.
struct PhraseMatcher<Position: FixedWidthInteger & UnsignedInteger> {
  private let segment: IndexSegment
  private let entries: UnsafeBufferPointer<UInt16>
  private let positions: UnsafeBufferPointer<Position>
  private let lists: [Range<Int>]
  /// Per term: the entry in hand, where its positions start, and a position pointer.
  private var cursors: [Int]
  private var offsets: [Int]
  private var pointers: [Int]

  static func collect(
    in segment: IndexSegment, positions: UnsafeBufferPointer<Position>, terms: [Int],
    scope: SearchField.Scope, into hits: inout FieldHits
  ) {
    segment.entries.withUnsafeBufferPointer { entries in
      let lists = terms.map { Int(segment.entryStarts[$0])..<Int(segment.entryStarts[$0 + 1]) }
      var matcher = PhraseMatcher(
        segment: segment, entries: entries, positions: positions, lists: lists,
        cursors: lists.map(\.lowerBound),
        offsets: terms.map { Int(segment.termPositionStarts[$0]) },
        pointers: Array(repeating: 0, count: terms.count))
      matcher.collect(scope: scope) { key, count in
        hits.append(segment: segment, key: key, count: count)
      }
    }
  }

  private mutating func collect(scope: SearchField.Scope, _ found: (UInt32, UInt32) -> Void) {
    guard let driver = lists.indices.min(by: { lists[$0].count < lists[$1].count }) else {
      return
    }
    while cursors[driver] < lists[driver].upperBound {
      let key = entries[cursors[driver]]
      if scope.allows(UInt32(key) & IndexSegment.fieldMask) {
        var all = true
        for index in lists.indices where index != driver {
          guard advance(index, to: key) else { return }
          if entries[cursors[index]] != key { all = false }
        }
        if all {
          let count = countConsecutive()
          if count > 0 { found(UInt32(key), count) }
        }
      }
      offsets[driver] += Int(segment.frequency(cursors[driver]))
      cursors[driver] += 1
    }
  }

  /// Moves term `index` to its first entry not below `key`; false when it has none.
  private mutating func advance(_ index: Int, to key: UInt16) -> Bool {
    var cursor = cursors[index]
    var offset = offsets[index]
    let end = lists[index].upperBound
    while cursor < end && entries[cursor] < key {
      offset += Int(segment.frequency(cursor))
      cursor += 1
    }
    cursors[index] = cursor
    offsets[index] = offset
    return cursor < end
  }

  /// How many start positions p have term 0 at p, term 1 at p + 1, and so on, in the
  /// entries in hand. Positions ascend, so one pass with a pointer per term suffices.
  private mutating func countConsecutive() -> UInt32 {
    for index in lists.indices { pointers[index] = offsets[index] }
    let end = offsets[0] + Int(segment.frequency(cursors[0]))
    var count: UInt32 = 0
    while pointers[0] < end {
      let start = UInt32(positions[pointers[0]])
      var all = true
      for index in 1..<lists.count {
        let wanted = start &+ UInt32(index)
        let last = offsets[index] + Int(segment.frequency(cursors[index]))
        var pointer = pointers[index]
        while pointer < last && UInt32(positions[pointer]) < wanted { pointer += 1 }
        pointers[index] = pointer
        if pointer == last { return count }
        if UInt32(positions[pointer]) != wanted { all = false }
      }
      if all { count += 1 }
      pointers[0] += 1
    }
    return count
  }
}
