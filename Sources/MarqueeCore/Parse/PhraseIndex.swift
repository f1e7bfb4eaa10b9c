#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the phrases of several lists in a lowercased line in one pass: a table keyed
/// by each phrase's first two bytes gives the few phrases that may start at a position,
/// which are then compared in place. Every short line of every file is searched for a
/// hundred-odd phrases (comment prompts, promos, furniture, reading times), and one
/// search per phrase cost far more than the rest of the parse.
struct PhraseIndex: Sendable {
  /// The lists searched, in the order of `lists`.
  enum List: Int, CaseIterable {
    case commentPrompt, commentMention, promoObject, furniture, readingTime
  }

  /// Where the first phrase of each list occurs in a line (in bytes), and which one.
  struct Hits {
    /// Offset and phrase of each list, 32 bits each, in fixed storage: a scan of every
    /// line must not allocate.
    fileprivate var found: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)

    fileprivate func raw(_ list: Int) -> UInt64 {
      switch list {
      case 0: found.0
      case 1: found.1
      case 2: found.2
      case 3: found.3
      default: found.4
      }
    }

    fileprivate mutating func set(_ list: Int, offset: Int, phrase: Int) {
      // Stored plus one, so that zero means "not found".
      let value = UInt64(offset + 1) << 32 | UInt64(phrase)
      switch list {
      case 0: found.0 = value
      case 1: found.1 = value
      case 2: found.2 = value
      case 3: found.3 = value
      default: found.4 = value
      }
    }

    fileprivate func has(_ list: Int) -> Bool { raw(list) != 0 }

    /// The offset and list position of the earliest phrase of `list`, if any.
    func first(_ list: List) -> (offset: Int, phrase: Int)? {
      let value = raw(list.rawValue)
      return value == 0 ? nil : (Int(value >> 32) - 1, Int(value & 0xFFFF_FFFF))
    }

    func contains(_ list: List) -> Bool { has(list.rawValue) }
  }

  /// The index of the built-in lists, with `furniture` (the `contains` furniture phrases
  /// of a `ParserTables`, built-in and added) as the furniture list.
  init(furniture: [String]) {
    self.init(lists: [
      FurniturePhrases.commentPromptPhrases, FurniturePhrases.commentMentionPhrases,
      FurniturePhrases.promoObjects, furniture, FurniturePhrases.readingTimeWords,
    ])
  }

  private struct Entry {
    let bytes: [UInt8]
    let list: Int
    let position: Int

    /// The first two bytes, as `scan` looks entries up.
    var key: Int { Int(bytes[0]) << 8 | Int(bytes[1]) }
  }

  /// One bit per hash of each four bytes a phrase holds within its first
  /// `shortestPhrase` bytes: every phrase in a line covers one of the positions sampled
  /// every `sampleStep` bytes with such four bytes, so only those positions are looked
  /// up, and most miss here after one load and a multiply.
  private let quadBits: [UInt64]
  /// The fewest bytes in a phrase.
  private let shortestPhrase: Int
  /// How far apart the sampled positions are.
  private var sampleStep: Int { shortestPhrase - 3 }
  /// For each two-byte key, the range of `entries` that start with it.
  private let starts: [Int32]
  private let entries: [Entry]

  private init(lists: [[String]]) {
    var entries: [Entry] = []
    for (list, phrases) in lists.enumerated() {
      for (position, phrase) in phrases.enumerated() {
        let bytes = Array(phrase.utf8)
        precondition(bytes.count >= 2, "a phrase needs two bytes to be indexed")
        entries.append(Entry(bytes: bytes, list: list, position: position))
      }
    }
    // Grouped by key in a stable sort, so that each key keeps its phrases in list order,
    // and the range of each key counted off (every process builds this at its start).
    entries = entries.enumerated().sorted {
      ($0.element.key, $0.offset) < ($1.element.key, $1.offset)
    }
    .map(\.element)
    var starts = [Int32](repeating: 0, count: 65_537)
    for entry in entries { starts[entry.key + 1] += 1 }
    for key in 0..<65_536 { starts[key + 1] += starts[key] }
    let shortest = entries.map(\.bytes.count).min() ?? 4
    precondition(shortest >= 4, "a phrase needs four bytes to be indexed")
    var quadBits = Array(repeating: UInt64(0), count: 1_024)
    for entry in entries {
      for offset in 0...(shortest - 4) {
        let quad = Self.quadHash(
          entry.bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) })
        quadBits[quad >> 6] |= 1 << UInt64(quad & 63)
      }
    }
    self.shortestPhrase = shortest
    self.quadBits = quadBits
    self.starts = starts
    self.entries = entries
  }

  /// Sixteen bits of four bytes, for `quadBits`.
  private static func quadHash(_ quad: UInt32) -> Int {
    Int((quad &* 0x9E37_79B1) >> 16)
  }

  /// The earliest phrase of each list in `bytes` (already lowercased).
  ///
  /// The line is read in windows of `sampleStep` positions, in order: a phrase starting
  /// in a window holds the four bytes at the window's last position among its first
  /// `shortestPhrase` bytes, so a window whose sample misses `quadBits` has no phrase
  /// starting in it, and the others have each of their positions compared.
  func scan(_ bytes: [UInt8]) -> Hits {
    var hits = Hits()
    guard bytes.count >= 4 else { return hits }
    var remaining = List.allCases.count
    let step = sampleStep
    bytes.withUnsafeBufferPointer { line in
      quadBits.withUnsafeBufferPointer { bits in
        let count = line.count
        let raw = UnsafeRawPointer(line.baseAddress!)
        var window = 0
        // A phrase starting in the window ends at or after the sample's four bytes.
        while window + step - 1 + 4 <= count {
          let sample = window + step - 1
          let quad = Self.quadHash(raw.loadUnaligned(fromByteOffset: sample, as: UInt32.self))
          defer { window += step }
          guard bits[quad >> 6] & (1 << UInt64(quad & 63)) != 0 else { continue }
          for index in window...sample {
            let key = Int(line[index]) << 8 | Int(line[index + 1])
            for entry in entries[Int(starts[key])..<Int(starts[key + 1])]
            where !hits.has(entry.list) && index + entry.bytes.count <= count {
              let equal = entry.bytes.withUnsafeBufferPointer {
                memcmp(line.baseAddress! + index, $0.baseAddress!, $0.count) == 0
              }
              if equal {
                hits.set(entry.list, offset: index, phrase: entry.position)
                remaining -= 1
                if remaining == 0 { return }
              }
            }
          }
        }
      }
    }
    return hits
  }
}
