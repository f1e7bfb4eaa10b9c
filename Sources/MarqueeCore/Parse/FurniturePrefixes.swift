/// Furniture phrases a line starts with (`Sign up for`, `RELATED:`), found through
/// tables by the line's first two bytes.
extension Furniture {
  /// The prefix phrase the line starts with, if any.
  static func startingPhrase(_ text: String, lower: LowercasedLine)
    -> FurniturePhrases.Phrase?
  {
    let firstByte = Int(lower.bytes.first ?? 0)
    // A line shorter than every phrase that starts as it does starts with none of them.
    guard lower.bytes.count >= shortestPrefixByFirstByte[firstByte] else { return nil }
    // The second byte rules out most phrases with the first, before they are compared.
    let secondByte = lower.bytes.count > 1 ? lower.bytes[1] : 0
    let (seconds, bytes) = (
      prefixSecondBytesByFirstByte[firstByte], prefixBytesByFirstByte[firstByte]
    )
    for (index, second) in seconds.enumerated() where second == secondByte || second == 0 {
      guard lower.startsWithWord(bytes[index]) else { continue }
      let phrase = prefixesByFirstByte[firstByte][index]
      if phrase.match == .headingPrefix {
        guard text.split(separator: " ").count <= FurniturePhrases.maximumHeadingWords,
          !text.utf8.contains(UInt8(ascii: ":"))
        else { continue }
      }
      if phrase.match == .linkPrefix {
        let rest = lower.bytes.dropFirst(phrase.phrase.utf8.count).drop { $0 == 0x20 }
        guard rest.first == UInt8(ascii: ":"), rest.dropFirst().contains(where: { $0 != 0x20 })
        else { continue }
      }
      return phrase
    }
    return nil
  }

  /// The prefix phrases by their first byte, longest first: a line is tried only
  /// against the phrases that start as it does.
  private static let prefixesByFirstByte: [[FurniturePhrases.Phrase]] = {
    var table = Array(repeating: [FurniturePhrases.Phrase](), count: 256)
    let prefixes = FurniturePhrases.table.filter {
      $0.match == .prefix || $0.match == .linkPrefix || $0.match == .headingPrefix
    }.sorted { $0.phrase.utf8.count > $1.phrase.utf8.count }
    for phrase in prefixes { table[Int(phrase.phrase.utf8.first!)].append(phrase) }
    return table
  }()
  /// The length of the shortest phrase in `prefixesByFirstByte` (past any line when
  /// there is none).
  private static let shortestPrefixByFirstByte: [Int] = prefixesByFirstByte.map {
    $0.map(\.phrase.utf8.count).min() ?? Int.max
  }
  /// The bytes of each phrase in `prefixesByFirstByte`.
  private static let prefixBytesByFirstByte: [[[UInt8]]] = prefixesByFirstByte.map {
    $0.map { Array($0.phrase.utf8) }
  }
  /// The second byte of each phrase in `prefixesByFirstByte` (0, matching any, for a
  /// one-byte phrase).
  private static let prefixSecondBytesByFirstByte: [[UInt8]] = prefixBytesByFirstByte.map {
    $0.map { $0.count > 1 ? $0[1] : 0 }
  }
}
