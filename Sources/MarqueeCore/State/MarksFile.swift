import Foundation

/// The marks file's text: a first line naming the format, then one line per article,
/// `<content hash, 16 hex digits> TAB <r, f or rf> TAB <absolute path>`, sorted by
/// path. Tabs, newlines and backslashes in a path are written `\t`, `\n`, `\\`. Plain
/// text, so a person can read it and `grep` it; a line a byte scan can split, so 100,000
/// of them read in a few milliseconds.
enum MarksFile {
  static let header = "marquee marks 1"

  static func encode(_ records: [MarkRecord]) -> [UInt8] {
    var out = Array((header + "\n").utf8)
    out.reserveCapacity(records.count * 80)
    for record in records where !record.marks.isEmpty {
      out += ContentHash.hex(record.contentHash).utf8
      out.append(0x09)
      if record.marks.contains(.read) { out.append(UInt8(ascii: "r")) }
      if record.marks.contains(.flagged) { out.append(UInt8(ascii: "f")) }
      out.append(0x09)
      for byte in record.path.utf8 {
        switch byte {
        case 0x09: out += [0x5C, UInt8(ascii: "t")]
        case 0x0A: out += [0x5C, UInt8(ascii: "n")]
        case 0x5C: out += [0x5C, 0x5C]
        default: out.append(byte)
        }
      }
      out.append(0x0A)
    }
    return out
  }

  /// The records of a file, or why it is not a marks file (the line that is wrong).
  /// Read with a byte scan, no string but the path made per line, in parts on all cores
  /// (split at line ends): 100,000 lines take a few tens of milliseconds.
  static func decode(_ bytes: [UInt8]) -> Result<[MarkRecord], MarksFileError> {
    let headerBytes = Array((header + "\n").utf8)
    guard bytes.count >= headerBytes.count,
      bytes.prefix(headerBytes.count).elementsEqual(headerBytes)
    else {
      return .failure(MarksFileError(line: 1, problem: "it does not start with “\(header)”"))
    }
    // Part boundaries: each part after the first starts just after a line end.
    let parts = bytes.count < 1 << 20 ? 1 : ProcessInfo.processInfo.activeProcessorCount
    var starts = [headerBytes.count]
    for part in 1..<max(1, parts) {
      var start = max(starts.last!, bytes.count * part / parts)
      while start < bytes.count, bytes[start - 1] != 0x0A { start += 1 }
      starts.append(start)
    }
    starts.append(bytes.count)
    let bounds = starts
    let decoded = ParallelMap.map(count: bounds.count - 1) { part in
      bytes.withUnsafeBufferPointer { decodeLines($0, from: bounds[part], to: bounds[part + 1]) }
    }
    var records: [MarkRecord] = []
    records.reserveCapacity(decoded.reduce(0) { $0 + $1.records.count })
    var linesBefore = 1
    for part in decoded {
      if let bad = part.badLine {
        return .failure(
          MarksFileError(line: linesBefore + bad, problem: "it is not “hash TAB marks TAB path”"))
      }
      records += part.records
      linesBefore += part.records.count
    }
    return .success(records)
  }

  /// The records of the lines in `bytes[start..<end]`, or the number (from 1) of the
  /// first line that is not one.
  private static func decodeLines(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
    -> (records: [MarkRecord], badLine: Int?)
  {
    var records: [MarkRecord] = []
    records.reserveCapacity((end - start) / 64)
    var start = start
    while start < end {
      var lineEnd = start
      while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
      guard let record = record(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])) else {
        return (records, records.count + 1)
      }
      records.append(record)
      start = lineEnd + 1
    }
    return (records, nil)
  }

  private static func record(_ line: UnsafeBufferPointer<UInt8>) -> MarkRecord? {
    // 16 hex digits, a tab, 1 or 2 mark letters, a tab, a path of at least one byte.
    guard line.count >= 20, line[16] == 0x09 else { return nil }
    var hash: UInt64 = 0
    for byte in line[0..<16] {
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      hash = hash << 4 | UInt64(digit)
    }
    var marks: Marks = []
    var index = 17
    while index < line.count, line[index] != 0x09 {
      switch line[index] {
      case UInt8(ascii: "r"): marks.insert(.read)
      case UInt8(ascii: "f"): marks.insert(.flagged)
      default: return nil
      }
      index += 1
    }
    guard !marks.isEmpty, index + 1 < line.count,
      let path = unescape(UnsafeBufferPointer(rebasing: line[(index + 1)...]))
    else { return nil }
    return MarkRecord(contentHash: hash, path: path, marks: marks)
  }

  private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard bytes.contains(0x5C) else { return String(decoding: bytes, as: UTF8.self) }
    var out: [UInt8] = []
    var escaped = false
    for byte in bytes {
      if escaped {
        switch byte {
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "n"): out.append(0x0A)
        case 0x5C: out.append(0x5C)
        default: return nil
        }
        escaped = false
      } else if byte == 0x5C {
        escaped = true
      } else {
        out.append(byte)
      }
    }
    return escaped ? nil : String(decoding: out, as: UTF8.self)
  }
}

/// Why a marks file could not be read.
struct MarksFileError: Error, Sendable, Equatable {
  let line: Int
  let problem: String
}
