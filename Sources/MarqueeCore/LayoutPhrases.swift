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

  /// Punctuation and white space, trimmed from a footer candidate. Made afresh for each
  /// use, as before: a set built by `union` is a mutable CoreFoundation object, and the
  /// loader's threads should not rely on sharing one.
  private static func footerTrim() -> CharacterSet {
    CharacterSet.punctuationCharacters.union(.whitespaces)
  }

  /// `footerTrim()` for each ASCII byte, looked up once (from a set no other thread sees).
  private static let footerTrimASCII: [Bool] = {
    let trim = footerTrim()
    return (0..<128).map { trim.contains(Unicode.Scalar(UInt8($0))) }
  }()

  /// `text.trimmingCharacters(in: footerTrim())`; ASCII text is trimmed on its bytes, which
  /// is what Foundation does there, without bridging to `NSString`.
  private static func trimmingFooterPunctuation(_ text: String) -> Substring {
    let isASCII = ValidUTF8.withBytes(of: text) { bytes in !bytes.contains { $0 >= 0x80 } }
    guard isASCII else { return Substring(text.trimmingCharacters(in: footerTrim())) }
    let bytes = text.utf8
    let start = bytes.firstIndex { !footerTrimASCII[Int($0)] } ?? bytes.endIndex
    let end = bytes[start...].lastIndex { !footerTrimASCII[Int($0)] }.map(bytes.index(after:))
    return Substring(bytes[start..<(end ?? start)])
  }
  private static let longestFooterPhrase = LayoutPhrases.footerPhrases.map(\.utf8.count).max()!

  /// Scalars from the first ASCII letter or digit to the last, inclusive; 0 when none.
  private static func alphanumericSpanLength(_ text: String) -> Int {
    ValidUTF8.withBytes(of: text) { bytes in
      func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
          || (0x61...0x7A).contains(byte)
      }
      guard let first = bytes.firstIndex(where: isAlphanumeric),
        let last = bytes.lastIndex(where: isAlphanumeric)
      else { return 0 }
      return bytes[first...last].count(where: ValidUTF8.isScalarStart)
    }
  }

  /// Whether `text` equals the ASCII `phrase` ignoring case, exactly as
  /// `caseInsensitiveCompare` says, without paying for that Foundation call on every line.
  /// Text with more scalars than the phrase never equals it (no scalar is ignored by the
  /// comparison and none folds together with another into one ASCII letter; checked for
  /// every scalar when this was written), and ASCII text compares byte by byte.
  static func equalsIgnoringCase<Text: StringProtocol>(_ text: Text, _ phrase: String) -> Bool {
    // No scalar takes more than four bytes: long lines are ruled out without a scan.
    guard text.utf8.count <= 4 * phrase.utf8.count else { return false }
    let (scalars, isASCII) = ValidUTF8.withBytes(of: text) { bytes in
      (bytes.count(where: ValidUTF8.isScalarStart), !bytes.contains { $0 >= 0x80 })
    }
    guard scalars <= phrase.utf8.count else { return false }
    guard isASCII else { return text.caseInsensitiveCompare(phrase) == .orderedSame }
    return text.utf8.count == phrase.utf8.count
      && zip(text.utf8, phrase.utf8).allSatisfy { asciiLowercased($0) == asciiLowercased($1) }
  }

  private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
  }

  /// The text without leading and trailing `CharacterSet.whitespaces` (tab, the space
  /// separators and U+200B), as Foundation's `trimmingCharacters(in: .whitespaces)` gives
  /// it, but without bridging to `NSString`.
  static func trimmingWhitespace(_ text: Substring) -> String {
    let scalars = text.unicodeScalars
    guard let start = scalars.firstIndex(where: { !isFoundationWhitespace($0) }),
      let last = scalars.lastIndex(where: { !isFoundationWhitespace($0) })
    else { return "" }
    return String(scalars[start...last])
  }

  /// Membership in `CharacterSet.whitespaces`, which is Zs and tab plus U+200B.
  static func isFoundationWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    TextCleaning.isSpace(scalar) || scalar == "\u{200B}"
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
      guard let first = bytes.first, first | 0x20 == UInt8(ascii: "h") else { return false }
      let head = bytes.prefix(9)
      guard !head.contains(where: { $0 >= 0x80 }) else { return nil }
      return ["http://", "https://"].contains { scheme in
        head.count >= scheme.utf8.count
          && zip(head, scheme.utf8).allSatisfy { asciiLowercased($0) == $1 }
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

  /// `..` or `…`, as Foundation's `contains` finds them; ASCII text is searched on bytes
  /// (it cannot hold `…`, which is only compatibility-equivalent to `...`).
  static func containsEllipsis(_ text: String) -> Bool {
    let isASCII = ValidUTF8.withBytes(of: text) { bytes in !bytes.contains { $0 >= 0x80 } }
    guard isASCII else { return text.contains("..") || text.contains("…") }
    return zip(text.utf8, text.utf8.dropFirst()).contains { $0 == 0x2E && $1 == 0x2E }
  }

  /// Whether the first byte after any leading spaces is, ignoring case, the first byte of
  /// one of the ASCII `phrases`: a cheap test every line must pass before the phrases are
  /// tried one by one (spaces are never part of a phrase's start).
  private static func mayStart(_ text: Substring, with phrases: [String]) -> Bool {
    ValidUTF8.withBytes(of: text) { bytes in
      guard let first = bytes.first(where: { $0 != 0x20 }) else { return false }
      return phrases.contains { $0.utf8.first == asciiLowercased(first) }
    }
  }

  /// The text after an ASCII `prefix` matched ignoring case, or nil.
  private static func dropPrefixIgnoringCase(_ prefix: String, from text: Substring)
    -> Substring?
  {
    var rest = text.utf8[...]
    for expected in prefix.utf8 {
      guard let byte = rest.first, asciiLowercased(byte) == expected else { return nil }
      rest = rest.dropFirst()
    }
    return Substring(rest)
  }
}
