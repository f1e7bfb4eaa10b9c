/// LEB128-style variable-length integers: seven bits a byte, low bits first, the high
/// bit set on every byte but the last.
///
/// The index stores its postings as gaps between ascending numbers (article keys,
/// token positions), and most gaps are small: one byte holds up to 127, two up to
/// 16,383, so a typical posting costs one byte instead of a fixed two or four. This is
/// the one writer and reader of both of the index's byte streams.
enum VarInt {
  /// Bytes `value` takes: 1 to 5.
  @inline(__always)
  static func size(_ value: UInt32) -> UInt32 {
    let bits = UInt32(UInt32.bitWidth - (value | 1).leadingZeroBitCount)
    return (bits + 6) / 7
  }

  /// Writes `value` at `pointer` and moves `pointer` past it.
  @inline(__always)
  static func write(_ value: UInt32, to pointer: inout UnsafeMutablePointer<UInt8>) {
    var rest = value
    while rest >= 0x80 {
      pointer.pointee = UInt8(truncatingIfNeeded: rest) | 0x80
      pointer += 1
      rest >>= 7
    }
    pointer.pointee = UInt8(rest)
    pointer += 1
  }

  /// Appends `value` to an array (for short runs of bytes built one at a time).
  static func append(_ value: UInt32, to bytes: inout [UInt8]) {
    // Most values are lengths of short pieces and small gaps: a byte.
    if value < 0x80 {
      bytes.append(UInt8(value))
      return
    }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 5) { scratch in
      var end = scratch.baseAddress!
      write(value, to: &end)
      bytes += UnsafeBufferPointer(start: scratch.baseAddress, count: end - scratch.baseAddress!)
    }
  }

  /// Reads the value at `pointer` and moves `pointer` past it.
  @inline(__always)
  static func read(_ pointer: inout UnsafePointer<UInt8>) -> UInt32 {
    var byte = pointer.pointee
    pointer += 1
    if byte < 0x80 { return UInt32(byte) }
    var value = UInt32(byte & 0x7F)
    var shift: UInt32 = 7
    repeat {
      byte = pointer.pointee
      pointer += 1
      value |= UInt32(byte & 0x7F) &<< shift
      shift += 7
    } while byte >= 0x80
    return value
  }

  /// Bytes a stream must have after its last value when it is read by `skip`, which
  /// reads eight bytes at a time, or by `EntryCursor`, which reads one byte ahead.
  static let readPadding = 8

  /// Where the `count` values from `pointer` end, without decoding them: each value
  /// ends at its one byte below 0x80, so this counts such bytes eight at a time, and
  /// finds the last one wanted among the final eight without a loop. Branches here
  /// would mispredict: skipped runs are short and of every length.
  @inline(__always)
  static func skip(_ count: Int, from pointer: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
    var left = UInt64(count)
    var pointer = pointer
    while true {
      let word = UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
      // 1 in each byte that ends a value; then in each byte, how many of bytes 0...i
      // end one (at most 8, so bytes never carry into each other).
      let ends = (~word & 0x8080_8080_8080_8080) >> 7
      let sums = ends &* 0x0101_0101_0101_0101
      let found = sums >> 56
      if found < left {
        left -= found
        pointer += 8
        continue
      }
      // The top bit of each byte whose sum has reached `left`: the first is the end.
      let reached = (sums &+ (0x80 &- left) &* 0x0101_0101_0101_0101) & 0x8080_8080_8080_8080
      let end = reached.trailingZeroBitCount >> 3 + 1
      return pointer + (left == 0 ? 0 : end)
    }
  }
}
