/// Matching articles (ascending) with their scores: what each part of a query yields,
/// combined by merging, so AND, OR and NOT cost one pass over both sides.
struct Matches {
  var documents: [UInt32] = []
  var scores: [Double] = []

  /// Articles in both, scores added.
  func intersection(_ other: Matches) -> Matches {
    var result = Matches()
    var i = 0
    var j = 0
    while i < documents.count && j < other.documents.count {
      if documents[i] == other.documents[j] {
        result.documents.append(documents[i])
        result.scores.append(scores[i] + other.scores[j])
        i += 1
        j += 1
      } else if documents[i] < other.documents[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return result
  }

  /// Articles in either, scores added where in both.
  func union(_ other: Matches) -> Matches {
    var result = Matches()
    result.documents.reserveCapacity(max(documents.count, other.documents.count))
    result.scores.reserveCapacity(max(documents.count, other.documents.count))
    var i = 0
    var j = 0
    while i < documents.count || j < other.documents.count {
      let left = i < documents.count ? documents[i] : UInt32.max
      let right = j < other.documents.count ? other.documents[j] : UInt32.max
      var score = 0.0
      if left <= right {
        score += scores[i]
        i += 1
      }
      if right <= left {
        score += other.scores[j]
        j += 1
      }
      result.documents.append(min(left, right))
      result.scores.append(score)
    }
    return result
  }

  /// Articles here that are not in `other`, scores kept.
  func subtracting(_ other: Matches) -> Matches {
    var result = Matches()
    var j = 0
    for i in documents.indices {
      while j < other.documents.count && other.documents[j] < documents[i] { j += 1 }
      if j < other.documents.count && other.documents[j] == documents[i] { continue }
      result.documents.append(documents[i])
      result.scores.append(scores[i])
    }
    return result
  }
}

/// Each article's place in path order, so equal scores list in path order.
///
/// Loading sorts articles by path, so usually the ranks are the identity and cost
/// nothing; articles given in another order get real rank tables.
enum PathRanks: Sendable {
  case identity
  case table(rankOf: [UInt32], documentAt: [UInt32])

  /// `paths[..<sortedPrefix]` is known to be in order already.
  init(_ paths: [String], assumingSortedBefore sortedPrefix: Int?) {
    let start = max(1, sortedPrefix ?? .max)
    if start <= paths.count, (start..<paths.count).allSatisfy({ paths[$0 - 1] <= paths[$0] }) {
      self = .identity
      return
    }
    let order = paths.indices.sorted { left, right in
      paths[left] != paths[right] ? paths[left] < paths[right] : left < right
    }
    var rankOf = [UInt32](repeating: 0, count: paths.count)
    for (rank, document) in order.enumerated() { rankOf[document] = UInt32(rank) }
    self = .table(rankOf: rankOf, documentAt: order.map { UInt32($0) })
  }

  var isIdentity: Bool {
    if case .identity = self { return true }
    return false
  }

  @inline(__always)
  func rank(of document: Int) -> UInt32 {
    switch self {
    case .identity: UInt32(document)
    case .table(let rankOf, _): rankOf[document]
    }
  }

  @inline(__always)
  func document(at rank: Int) -> Int {
    switch self {
    case .identity: rank
    case .table(_, let documentAt): Int(documentAt[rank])
    }
  }
}

/// Least-significant-digit radix sort of 64-bit keys, 16 bits a pass, skipping passes
/// where every key has the same digit: ranking 100,000 hits costs well under a
/// millisecond, where a comparison sort costs several.
enum RadixSort {
  static func sort(_ keys: inout [UInt64]) {
    guard keys.count > 4096 else {
      keys.sort()
      return
    }
    var scratch = [UInt64](repeating: 0, count: keys.count)
    for shift in stride(from: 0, to: 64, by: 16) {
      var counts = [Int](repeating: 0, count: 1 << 16 + 1)
      for key in keys { counts[Int(key >> UInt64(shift) & 0xFFFF) + 1] += 1 }
      if counts.contains(keys.count) { continue }
      for digit in 0..<(1 << 16) { counts[digit + 1] += counts[digit] }
      for key in keys {
        let digit = Int(key >> UInt64(shift) & 0xFFFF)
        scratch[counts[digit]] = key
        counts[digit] += 1
      }
      swap(&keys, &scratch)
    }
  }
}

/// The best few of many ranked keys: `search --limit 3` over 100,000 matches keeps three
/// keys in a heap as it passes over the rest, rather than sorting them all.
enum TopKeys {
  /// Leaves the `count` smallest keys in `keys`, sorted.
  static func keepSmallest(_ count: Int, of keys: inout [UInt64]) {
    guard count > 0 else {
      keys.removeAll()
      return
    }
    // Keeping a large share of the keys, sorting them all costs no more.
    guard count * 16 < keys.count else {
      RadixSort.sort(&keys)
      keys.removeLast(keys.count - min(count, keys.count))
      return
    }
    // A max-heap of the smallest keys so far: its root is the one a smaller key replaces.
    var heap = Array(keys.prefix(count))
    for start in stride(from: count / 2 - 1, through: 0, by: -1) {
      siftDown(&heap, from: start)
    }
    for key in keys.dropFirst(count) where key < heap[0] {
      heap[0] = key
      siftDown(&heap, from: 0)
    }
    heap.sort()
    keys = heap
  }

  private static func siftDown(_ heap: inout [UInt64], from start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      guard left < heap.count else { return }
      var largest = left
      if left + 1 < heap.count, heap[left + 1] > heap[left] { largest = left + 1 }
      guard heap[largest] > heap[parent] else { return }
      heap.swapAt(parent, largest)
      parent = largest
    }
  }
}
