/// Furniture phrases a line starts with (`Sign up for`, `RELATED:`), found through
/// tables by the line's first two bytes.
extension Furniture {
  /// The prefix phrase the line starts with, if any.
  static func startingPhrase(_ text: String, lower: LowercasedLine, in tables: ParserTables)
    -> FurniturePhrases.Phrase?
  {
    let firstByte = Int(lower.bytes.first ?? 0)
    // A line shorter than every phrase that starts as it does starts with none of them.
    guard lower.bytes.count >= tables.furniture.shortestPrefixByFirstByte[firstByte] else {
      return nil
    }
    // The second byte rules out most phrases with the first, before they are compared.
    let secondByte = lower.bytes.count > 1 ? lower.bytes[1] : 0
    let (seconds, bytes) = (
      tables.furniture.prefixSecondBytesByFirstByte[firstByte],
      tables.furniture.prefixBytesByFirstByte[firstByte]
    )
    for (index, second) in seconds.enumerated() where second == secondByte || second == 0 {
      guard lower.startsWithWord(bytes[index]) else { continue }
      let phrase = tables.furniture.prefixesByFirstByte[firstByte][index]
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
}
