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
  static func decode(_ bytes: [UInt8]) -> Result<[MarkRecord], MarksFileError> {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)[...]
    if lines.last?.isEmpty == true { lines.removeLast() }
    guard let first = lines.first, String(decoding: first, as: UTF8.self) == header else {
      return .failure(MarksFileError(line: 1, problem: "it does not start with “\(header)”"))
    }
    var records: [MarkRecord] = []
    records.reserveCapacity(lines.count - 1)
    for (offset, line) in lines.dropFirst().enumerated() {
      guard let record = record(line) else {
        return .failure(
          MarksFileError(line: offset + 2, problem: "it is not “hash TAB marks TAB path”"))
      }
      records.append(record)
    }
    return .success(records)
  }

  private static func record(_ line: ArraySlice<UInt8>) -> MarkRecord? {
    let fields = line.split(separator: 0x09, maxSplits: 2, omittingEmptySubsequences: false)
    guard fields.count == 3, fields[0].count == 16, !fields[2].isEmpty,
      let hash = UInt64(String(decoding: fields[0], as: UTF8.self), radix: 16)
    else { return nil }
    var marks: Marks = []
    for byte in fields[1] {
      switch byte {
      case UInt8(ascii: "r"): marks.insert(.read)
      case UInt8(ascii: "f"): marks.insert(.flagged)
      default: return nil
      }
    }
    guard !marks.isEmpty, let path = unescape(fields[2]) else { return nil }
    return MarkRecord(contentHash: hash, path: path, marks: marks)
  }

  private static func unescape(_ bytes: ArraySlice<UInt8>) -> String? {
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
