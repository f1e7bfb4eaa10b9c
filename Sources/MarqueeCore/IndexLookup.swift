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
        let key = segment.entries[entry]
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
      let key = segment.entries[entry]
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
/// Works on the segment's arrays through unsafe buffers with preallocated scratch
/// space: a phrase of common words visits hundreds of thousands of entries, and
/// per-entry allocations or array retains were most of its cost.
struct PhraseMatcher<Position: FixedWidthInteger & UnsignedInteger> {
  private let entries: UnsafeBufferPointer<UInt32>
  private let positionStarts: UnsafeBufferPointer<UInt32>
  private let positions: UnsafeBufferPointer<Position>
  private let lists: [Range<Int>]
  /// Per term: its entry for the (article, field) in hand, then a position pointer.
  private var matched: [Int]
  private var pointers: [Int]

  static func collect(
    in segment: IndexSegment, positions: UnsafeBufferPointer<Position>, terms: [Int],
    scope: SearchField.Scope, into hits: inout FieldHits
  ) {
    segment.entries.withUnsafeBufferPointer { entries in
      segment.positionStarts.withUnsafeBufferPointer { positionStarts in
        var matcher = PhraseMatcher(
          entries: entries, positionStarts: positionStarts, positions: positions,
          lists: terms.map {
            Int(segment.entryStarts[$0])..<Int(segment.entryStarts[$0 + 1])
          },
          matched: Array(repeating: 0, count: terms.count),
          pointers: Array(repeating: 0, count: terms.count))
        matcher.collect(scope: scope) { key, count in
          hits.append(segment: segment, key: key, count: count)
        }
      }
    }
  }

  private mutating func collect(scope: SearchField.Scope, _ found: (UInt32, UInt32) -> Void) {
    guard let driver = lists.indices.min(by: { lists[$0].count < lists[$1].count }) else {
      return
    }
    var cursors = lists.map(\.lowerBound)
    for entry in lists[driver] {
      let key = entries[entry]
      guard scope.allows(key & IndexSegment.fieldMask) else { continue }
      var all = true
      for index in lists.indices {
        if index == driver {
          matched[index] = entry
          continue
        }
        cursors[index] = seek(key, from: cursors[index], to: lists[index].upperBound)
        guard cursors[index] < lists[index].upperBound, entries[cursors[index]] == key else {
          all = false
          break
        }
        matched[index] = cursors[index]
      }
      guard all else { continue }
      let count = countConsecutive()
      if count > 0 { found(key, count) }
    }
  }

  /// The first entry in `start..<end` not below `key`, by galloping then binary search.
  private func seek(_ key: UInt32, from start: Int, to end: Int) -> Int {
    var low = start
    var high = start
    var step = 1
    while high < end && entries[high] < key {
      low = high + 1
      high += step
      step *= 2
    }
    high = min(high, end)
    while low < high {
      let middle = (low + high) / 2
      if entries[middle] < key { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// How many start positions p have term 0 at p, term 1 at p + 1, and so on, in the
  /// matched entries. Positions ascend, so one pass with a pointer per term suffices.
  private mutating func countConsecutive() -> UInt32 {
    for index in matched.indices { pointers[index] = Int(positionStarts[matched[index]]) }
    let end = Int(positionStarts[matched[0] + 1])
    var count: UInt32 = 0
    while pointers[0] < end {
      let start = UInt32(positions[pointers[0]])
      var all = true
      for index in 1..<matched.count {
        let wanted = start &+ UInt32(index)
        let last = Int(positionStarts[matched[index] + 1])
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
