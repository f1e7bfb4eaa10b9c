/// Interns token bytes to dense integer ids while a segment of the index is built.
///
/// An open-addressing table keyed by the bytes themselves: no `String` is made per
/// token, and the hash is far cheaper than the default SipHash, which is where a
/// `[String: Int]` spent a third of its time (../shared/notes/performance.md).
///
/// Most terms are eight bytes or fewer. Each term's record keeps its hash, length and
/// first eight bytes side by side, so finding a known short term reads two places, its
/// slot and its record, and compares no bytes one at a time; the hash takes a term's
/// bytes eight at a time. Lookups are a tenth of a cold start, bound by those reads.
struct TermTable {
  /// Every term's bytes, back to back; term `id` is `bytes[starts[id]..<starts[id + 1]]`.
  private(set) var bytes: [UInt8] = []
  private(set) var starts: [UInt32] = [0]
  /// Slots hold `id + 1`, or 0 when empty.
  private var slots: [UInt32]
  private var records: [Record] = []
  private var mask: Int

  /// What a lookup compares before any byte: `head` is the term's first eight bytes
  /// read little-endian, zeros past its end.
  private struct Record {
    var hash: UInt32
    var length: UInt32
    var head: UInt64
  }

  var count: Int { records.count }

  init(capacity: Int = 1 << 14) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: size)
    mask = size - 1
  }

  /// The id of `term`, adding it if it is new.
  mutating func id(of term: UnsafeBufferPointer<UInt8>) -> UInt32 {
    let head = Self.head(of: term)
    let hash = Self.hash(of: term, head: head)
    let length = UInt32(term.count)
    var slot = Int(hash) & mask
    let found: UInt32? = slots.withUnsafeBufferPointer { slots in
      records.withUnsafeBufferPointer { records in
        while true {
          let stored = slots[slot]
          if stored == 0 { return nil }
          let id = Int(stored &- 1)
          let record = records[id]
          if record.hash == hash && record.head == head && record.length == length
            && (length <= 8 || tailMatches(id, term))
          {
            return UInt32(id)
          }
          slot = (slot &+ 1) & mask
        }
      }
    }
    if let found { return found }
    let id = UInt32(count)
    slots[slot] = id + 1
    records.append(Record(hash: hash, length: length, head: head))
    bytes.append(contentsOf: term)
    starts.append(UInt32(bytes.count))
    if count * 2 > slots.count { grow() }
    return id
  }

  /// A term's first eight bytes, read little-endian, zeros past its end; read without
  /// touching a byte beyond the term, in at most three loads (overlapping ones for four
  /// to seven bytes).
  @inline(__always)
  static func head(of term: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = term.count
    guard count > 0 else { return 0 }
    let raw = UnsafeRawPointer(term.baseAddress!)
    if count >= 8 { return raw.loadUnaligned(as: UInt64.self).littleEndian }
    if count >= 4 {
      let low = UInt64(raw.loadUnaligned(as: UInt32.self).littleEndian)
      let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self).littleEndian)
      return low | high << UInt64(8 * (count - 4))
    }
    let middle = count >> 1
    return UInt64(term[0]) | UInt64(term[middle]) << UInt64(8 * middle)
      | UInt64(term[count - 1]) << UInt64(8 * (count - 1))
  }

  /// Multiplies in the head and each further eight bytes (the last eight overlapping
  /// what came before), with the length.
  @inline(__always)
  private static func hash(of term: UnsafeBufferPointer<UInt8>, head: UInt64) -> UInt32 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    var hash = (head ^ UInt64(term.count)) &* multiplier
    if term.count > 8 {
      let raw = UnsafeRawPointer(term.baseAddress!)
      var offset = 8
      while true {
        let next = min(offset, term.count - 8)
        let word = raw.loadUnaligned(fromByteOffset: next, as: UInt64.self).littleEndian
        hash = (hash ^ hash >> 29 ^ word) &* multiplier
        if next == term.count - 8 { break }
        offset += 8
      }
    }
    return UInt32(truncatingIfNeeded: hash >> 32)
  }

  /// Whether term `id`, whose first eight bytes and length match, matches past them,
  /// compared through pointers.
  private func tailMatches(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(starts[id])
    return bytes.withUnsafeBufferPointer { bytes in
      var offset = 8
      while offset < term.count {
        if bytes[start + offset] != term[offset] { return false }
        offset &+= 1
      }
      return true
    }
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    mask = slots.count - 1
    for id in 0..<count {
      var slot = Int(records[id].hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = UInt32(id + 1)
    }
  }

  /// The term ids in byte order of their terms (for prefix ranges and binary search).
  ///
  /// Sorted by each term's first eight bytes as one big-endian number (its head, byte
  /// swapped): a term holds no zero byte, so a shorter term sorts before the longer ones
  /// it begins. The numbers are radix sorted, a byte a pass from the last (a pass where
  /// every term has the same byte is skipped), and only terms sharing all eight bytes
  /// are then compared byte by byte. A comparison sort of the terms was a twentieth of a
  /// segment's build, and of their heads still a fortieth.
  func sortedIDs() -> [UInt32] {
    var keys = records.map { $0.head.byteSwapped }
    var ids = (0..<UInt32(count)).map { $0 }
    Self.radixSort(&keys, carrying: &ids)
    bytes.withUnsafeBufferPointer { all in
      func term(_ id: UInt32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: all[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])])
      }
      var start = 0
      while start < keys.count {
        var end = start + 1
        while end < keys.count && keys[end] == keys[start] { end += 1 }
        if end - start > 1 { ids[start..<end].sort { ByteOrder.less(term($0), term($1)) } }
        start = end
      }
    }
    return ids
  }

  /// Sorts `keys` ascending, least significant byte first, moving `ids` with them.
  static func radixSort(_ keys: inout [UInt64], carrying ids: inout [UInt32]) {
    var otherKeys = keys
    var otherIDs = ids
    var counts = [Int](repeating: 0, count: 257)
    for shift in stride(from: UInt64(0), to: 64, by: 8) {
      counts.withUnsafeMutableBufferPointer { counts in
        counts.update(repeating: 0)
        for key in keys { counts[Int(truncatingIfNeeded: key >> shift & 0xFF) + 1] += 1 }
      }
      if counts.contains(keys.count) { continue }
      for digit in 1...256 { counts[digit] += counts[digit - 1] }
      counts.withUnsafeMutableBufferPointer { counts in
        keys.withUnsafeBufferPointer { keys in
          ids.withUnsafeBufferPointer { ids in
            otherKeys.withUnsafeMutableBufferPointer { otherKeys in
              otherIDs.withUnsafeMutableBufferPointer { otherIDs in
                for index in keys.indices {
                  let digit = Int(truncatingIfNeeded: keys[index] >> shift & 0xFF)
                  let slot = counts[digit]
                  counts[digit] = slot + 1
                  otherKeys[slot] = keys[index]
                  otherIDs[slot] = ids[index]
                }
              }
            }
          }
        }
      }
      swap(&keys, &otherKeys)
      swap(&ids, &otherIDs)
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
