import Foundation

/// Recognises the single lines that give an article its layout.
enum LayoutLine {
  static func isGalleryMarker(_ line: String) -> Bool {
    // Every line is asked: a paragraph is too long to be one (a scalar takes four bytes
    // at most, as `equalsIgnoringCase` reckons).
    line.utf8.count <= 4 * longestGalleryMarker
      && LayoutPhrases.galleryMarkers.contains { equalsIgnoringCase(line, $0) }
  }

  private static let longestGalleryMarker = LayoutPhrases.galleryMarkers.map(\.utf8.count).max()!

  /// A line that could name what a picture shows: short, and not ending like a sentence.
  static func isLabelLike(_ line: String) -> Bool {
    // Long paragraphs pass through here: the byte count rules most lines in or out
    // (a Character takes one byte at least and, in practice, four at most).
    let bytes = line.utf8.count
    guard bytes > 0, bytes <= 4 * LayoutPhrases.maximumLabelLength else { return false }
    if bytes > LayoutPhrases.maximumLabelLength,
      !line.dropFirst(LayoutPhrases.maximumLabelLength).isEmpty
    {
      return false
    }
    // An ASCII last byte other than a quote is the last scalar, and decides alone.
    if let byte = line.utf8.last, byte < 0x80, byte != 0x22, byte != 0x27 {
      return !asciiSentenceEnds.contains(byte)
    }
    var last = line.unicodeScalars.last!
    var scalars = line.unicodeScalars.dropLast()
    while closingQuotes.contains(last), let previous = scalars.last {
      last = previous
      scalars = scalars.dropLast()
    }
    return !sentenceEnds.contains(last)
  }

  private static let closingQuotes: Set<Unicode.Scalar> = ["\"", "”", "’", "'", "»"]
  private static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "?", "…", ":", ";", ","]
  private static let asciiSentenceEnds = Array(".!?:;,".utf8)

  /// A line that is only a web address.
  static func isURL(_ line: String) -> Bool {
    startsWithHTTPScheme(line) && !line.contains(" ") && !line.dropFirst(8).isEmpty
  }

  /// Whether the lowercased line starts with `http://` or `https://`. Lowercasing a whole
  /// title is costly: only `H` and `h` lowercase to a leading `h` (tested for every
  /// scalar), and when the first nine bytes are ASCII they decide (ASCII lowercases to one
  /// ASCII scalar, and an ASCII neighbour never joins the last `Character`).
  static func startsWithHTTPScheme(_ line: String) -> Bool {
    let decided = ValidUTF8.withBytes(of: line) { bytes -> Bool? in
      guard let first = bytes.first, ValidUTF8.asciiLowercased(first) == UInt8(ascii: "h") else {
        return false
      }
      let head = bytes.prefix(9)
      guard !head.contains(where: { $0 >= 0x80 }) else { return nil }
      return ["http://", "https://"].contains { scheme in
        head.count >= scheme.utf8.count
          && zip(head, scheme.utf8).allSatisfy { ValidUTF8.asciiLowercased($0) == $1 }
      }
    }
    if let decided { return decided }
    let lower = line.lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://")
  }

  /// A bare `(X)` is only a credit when X reads like a name: a few words starting with a
  /// capital or digit, no ellipsis, not a teaser. Quoted replies and asides in real
  /// text also end in parentheses.
  static func looksLikeBareCredit(_ credit: String) -> Bool {
    // Counted on the bytes where that is the same: a `Character` takes a byte at least,
    // and ASCII text splits at the space byte as at the space `Character`.
    guard let first = credit.first, !first.isLowercase, first.isLetter || first.isNumber,
      credit.utf8.count <= LayoutPhrases.maximumBareCreditLength
        || credit.count <= LayoutPhrases.maximumBareCreditLength,
      ValidUTF8.isASCII(credit)
        ? credit.utf8.split(separator: 0x20).count <= LayoutPhrases.maximumBareCreditWords
        : credit.split(separator: " ").count <= LayoutPhrases.maximumBareCreditWords
    else { return false }
    return !containsEllipsis(credit) && !credit.utf8.contains(UInt8(ascii: ":"))
  }

  /// The text after an ASCII `prefix` matched ignoring case, or nil. Compared on the
  /// bytes in place; only a match pays for making the rest a `Substring`.
  static func dropPrefixIgnoringCase(_ prefix: String, from text: Substring)
    -> Substring?
  {
    let count = prefix.utf8.count
    let matches = ValidUTF8.withBytes(of: text) { bytes in
      ValidUTF8.withBytes(of: prefix) { wanted in
        guard bytes.count >= count else { return false }
        for index in 0..<count where ValidUTF8.asciiLowercased(bytes[index]) != wanted[index] {
          return false
        }
        return true
      }
    }
    guard matches else { return nil }
    return Substring(text.utf8.dropFirst(count))
  }

}
