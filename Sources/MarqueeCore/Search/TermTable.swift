/// Interns token bytes to dense integer ids while a segment of the index is built.
///
/// An open-addressing table keyed by the bytes themselves: no `String` is made per
/// token and the hash (FNV-1a) is far cheaper than the default SipHash, which is where
/// a `[String: Int]` spent a third of its time (../shared/notes/performance.md).
struct TermTable {
  /// Every term's bytes, back to back; term `id` is `bytes[starts[id]..<starts[id + 1]]`.
  private(set) var bytes: [UInt8] = []
  private(set) var starts: [UInt32] = [0]
  /// Slots hold `id + 1`, or 0 when empty.
  private var slots: [UInt32]
  private var hashes: [UInt32] = []
  private var mask: Int

  var count: Int { starts.count - 1 }

  init(capacity: Int = 1 << 14) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: size)
    mask = size - 1
  }

  /// The id of `term`, adding it if it is new.
  mutating func id(of term: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var hash: UInt32 = 2_166_136_261
    for byte in term { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    var slot = Int(hash) & mask
    let found: UInt32? = slots.withUnsafeBufferPointer { slots in
      hashes.withUnsafeBufferPointer { hashes in
        while true {
          let stored = slots[slot]
          if stored == 0 { return nil }
          let id = Int(stored &- 1)
          if hashes[id] == hash && matches(id, term) { return UInt32(id) }
          slot = (slot &+ 1) & mask
        }
      }
    }
    if let found { return found }
    let id = UInt32(count)
    slots[slot] = id + 1
    hashes.append(hash)
    bytes.append(contentsOf: term)
    starts.append(UInt32(bytes.count))
    if count * 2 > slots.count { grow() }
    return id
  }

  /// Whether term `id` is `term`, compared through pointers: a check per byte on the
  /// way to every known term's id cost more than the comparison.
  private func matches(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
    starts.withUnsafeBufferPointer { starts in
      let start = Int(starts[id])
      guard Int(starts[id + 1]) - start == term.count else { return false }
      return bytes.withUnsafeBufferPointer { bytes in
        var offset = 0
        while offset < term.count {
          if bytes[start + offset] != term[offset] { return false }
          offset &+= 1
        }
        return true
      }
    }
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    mask = slots.count - 1
    for id in 0..<count {
      var slot = Int(hashes[id]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = UInt32(id + 1)
    }
  }

  /// The term ids in byte order of their terms (for prefix ranges and binary search).
  func sortedIDs() -> [UInt32] {
    bytes.withUnsafeBufferPointer { all in
      func term(_ id: UInt32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: all[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])])
      }
      return (0..<UInt32(count)).sorted { ByteOrder.less(term($0), term($1)) }
    }
  }
}

/// Lexicographic comparison of byte strings, which for UTF-8 is code point order.
enum ByteOrder {
  @inline(__always)
  static func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>)
    -> Int
  {
    let shared = min(left.count, right.count)
    var index = 0
    while index < shared {
      let a = left[index]
      let b = right[index]
      if a != b { return a < b ? -1 : 1 }
      index += 1
    }
    return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
  }

  static func less(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    compare(left, right) < 0
  }
}
