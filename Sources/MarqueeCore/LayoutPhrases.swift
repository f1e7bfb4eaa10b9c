import Foundation

/// The words scraped entertainment pages use around their images and at their ends.
///
/// Kept as data in one place: when a new site uses another phrase, this is the only
/// file to change. All comparisons are case-insensitive.
public enum LayoutPhrases {
  /// Prefixes that introduce an image credit, longest first so `Photo Credit:` wins
  /// over `Photo:`.
  public static let creditPrefixes = ["image credit", "photo credit", "credit", "photo"]

  /// A line that only says this marks the image above it as a gallery.
  public static let galleryMarkers = ["view gallery"]

  /// Teaser lines that link to other stories (`RELATED: <headline>`): not credits, not
  /// body text.
  public static let teaserPrefixes = ["photos", "related", "read more", "see also"]

  /// Blocks that, at the end of an article, are site furniture rather than the story.
  public static let footerPhrases = [
    "more from our partners", "more from our network", "advertisement",
    "recommended for you", "you may also like", "sponsored content", "share this article",
    "trending now", "related stories",
  ]

  /// The longest credit we accept: longer text in parentheses is prose, not a credit.
  static let maximumCreditLength = 80
  /// A bare `(X)` after a caption is a credit only when it is this short.
  static let maximumBareCreditLength = 40
  static let maximumBareCreditWords = 5
  /// The longest line we take as an image label.
  static let maximumLabelLength = 100
}

/// Recognises the single lines that give an article its layout.
enum LayoutLine {
  /// `X` from `Image Credit: X`, `Photo Credit: X`, `Credit: X`, `Photo: X`, or any of
  /// them wrapped in parentheses; nil for any other line.
  static func credit(_ line: String) -> String? {
    var text = Substring(line)
    if CharacterAffix.hasPrefix(text, "("), CharacterAffix.hasSuffix(text, ")") {
      text = text.dropFirst().dropLast()
    }
    return explicitCredit(text)
  }

  /// The credit after a credit prefix and colon, or nil.
  static func explicitCredit(_ text: Substring) -> String? {
    guard mayStart(text, with: LayoutPhrases.creditPrefixes) else { return nil }
    let trimmed = text.drop { $0 == " " }
    for prefix in LayoutPhrases.creditPrefixes {
      guard let rest = dropPrefixIgnoringCase(prefix, from: trimmed) else { continue }
      let afterSpaces = rest.drop { $0 == " " }
      guard afterSpaces.hasPrefix(":") else { continue }
      let credit = trimmingWhitespace(afterSpaces.dropFirst())
      guard !credit.isEmpty, credit.count <= LayoutPhrases.maximumCreditLength else { return nil }
      return credit
    }
    return nil
  }

  static func isGalleryMarker(_ line: String) -> Bool {
    LayoutPhrases.galleryMarkers.contains { equalsIgnoringCase(line, $0) }
  }

  /// `PHOTOS: <headline>`, `RELATED: <headline>` and the like.
  static func isTeaser(_ line: String) -> Bool {
    guard mayStart(Substring(line), with: LayoutPhrases.teaserPrefixes) else { return false }
    return LayoutPhrases.teaserPrefixes.contains { prefix in
      guard let rest = dropPrefixIgnoringCase(prefix, from: Substring(line)) else { return false }
      let afterSpaces = rest.drop { $0 == " " }
      return afterSpaces.hasPrefix(":") && afterSpaces.dropFirst().contains { $0 != " " }
    }
  }

  /// A block that only says `More From Our Partners` or the like, give or take
  /// punctuation and spaces at its ends.
  static func isFooter(_ text: String) -> Bool {
    // Foundation's trimming is slow on long text, and the block above a footer is usually
    // a long paragraph: rule it out first when even its ASCII-alphanumeric span is longer
    // than any phrase (letters and digits are never trimmed, so the span is inside the
    // trimmed core).
    guard alphanumericSpanLength(text) <= longestFooterPhrase else { return false }
    let core = trimmingFooterPunctuation(text)
    return LayoutPhrases.footerPhrases.contains { equalsIgnoringCase(core, $0) }
  }

  /// A line that could name what a picture shows: short, and not ending like a sentence.
  static func isLabelLike(_ line: String) -> Bool {
    // `dropFirst` stops counting Characters at the limit; long paragraphs pass through here.
    guard !line.isEmpty, line.dropFirst(LayoutPhrases.maximumLabelLength).isEmpty else {
      return false
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

  /// A line that is only a date such as `2017-08-24` or `2017-11-07T01:52:40+0000`.
  static func isDate(_ line: String) -> Bool {
    let bytes = Array(line.utf8)
    guard bytes.count >= 10, bytes.count <= 40 else { return false }
    let digit = { (index: Int) in bytes[index] >= 0x30 && bytes[index] <= 0x39 }
    let shape =
      digit(0) && digit(1) && digit(2) && digit(3) && bytes[4] == 0x2D && digit(5)
      && digit(6) && bytes[7] == 0x2D && digit(8) && digit(9)
    return shape && bytes.dropFirst(10).allSatisfy { $0 != 0x20 }
  }

  /// Splits `caption… (X)` into caption and credit. With `explicitOnly`, the words in
  /// the parentheses must start with a credit prefix (`(Photo Credit: X)`). A single
  /// full stop after the closing parenthesis is allowed: `… prenup (Photo: Splash).`
  static func trailingCredit(_ line: String, explicitOnly: Bool) -> (
    caption: String, credit: String
  )? {
    var text = Substring(line)
    if CharacterAffix.hasSuffix(text, ").") { text = text.dropLast() }
    guard CharacterAffix.hasSuffix(text, ")") else { return nil }
    var depth = 0
    var openIndex: Substring.Index?
    var index = text.endIndex
    while index > text.startIndex {
      index = text.index(before: index)
      if text[index] == ")" { depth += 1 }
      if text[index] == "(" {
        depth -= 1
        if depth == 0 {
          openIndex = index
          break
        }
      }
    }
    guard let openIndex else { return nil }
    let inner = text[text.index(after: openIndex)..<text.index(before: text.endIndex)]
    let caption = trimmingWhitespace(text[..<openIndex])
    guard !caption.isEmpty else { return nil }
    if let credit = explicitCredit(inner) { return (caption, credit) }
    guard !explicitOnly else { return nil }
    let credit = trimmingWhitespace(inner)
    guard looksLikeBareCredit(credit), WordCount.of(caption) >= 3 else { return nil }
    return (caption, credit)
  }

  /// A bare `(X)` is only a credit when X reads like a name: a few words starting with a
  /// capital or digit, no ellipsis, not a teaser. Quoted replies and asides in real
  /// text also end in parentheses.
  static func looksLikeBareCredit(_ credit: String) -> Bool {
    guard let first = credit.first, !first.isLowercase, first.isLetter || first.isNumber,
      credit.count <= LayoutPhrases.maximumBareCreditLength,
      credit.split(separator: " ").count <= LayoutPhrases.maximumBareCreditWords
    else { return false }
    return !containsEllipsis(credit) && !isTeaser(credit)
  }

  /// The text after an ASCII `prefix` matched ignoring case, or nil.
  private static func dropPrefixIgnoringCase(_ prefix: String, from text: Substring)
    -> Substring?
  {
    var rest = text.utf8[...]
    for expected in prefix.utf8 {
      guard let byte = rest.first, ValidUTF8.asciiLowercased(byte) == expected else { return nil }
      rest = rest.dropFirst()
    }
    return Substring(rest)
  }
}
