/// Splits text into search tokens: Unicode words, case- and diacritic-folded.
///
/// `Beyoncé` and `BEYONCE` both become `beyonce`; apostrophes inside a word vanish and a
/// possessive `’s` is dropped, so `Halsey’s`, `halsey's` and `Halsey` are all `halsey`;
/// digits are words (`2022`). Han, kana and other scripts written without spaces become
/// one token per character, so a phrase of them still matches in order.
///
/// Scans Unicode scalars with an ASCII fast path: property look-ups happen only for the
/// rare non-ASCII scalar (see ../shared/notes/performance.md on why `Character`
/// iteration is too slow for 100k articles).
public enum Tokenizer {
  /// One token and where it came from in the text (scalar offsets, for highlighting).
  public struct Token: Sendable, Hashable {
    public let text: String
    /// The range of the token in `text.unicodeScalars`, as integer offsets.
    public let range: Range<Int>
  }

  /// The folded tokens of `text`, in order.
  public static func tokens(_ text: String) -> [String] {
    var result: [String] = []
    scan(text) { token, _ in result.append(token) }
    return result
  }

  /// The folded tokens with their scalar ranges.
  public static func tokensWithRanges(_ text: String) -> [Token] {
    var result: [Token] = []
    scan(text) { token, range in result.append(Token(text: token, range: range)) }
    return result
  }

  /// Folds one word as the tokenizer would (for query terms and prefixes).
  public static func fold(_ word: String) -> String {
    tokens(word).joined()
  }

  /// Calls `emit` for each token with its scalar range.
  public static func scan(_ text: String, _ emit: (String, Range<Int>) -> Void) {
    var word = WordBuilder()
    var offset = 0
    for scalar in text.unicodeScalars {
      defer { offset += 1 }
      let value = scalar.value
      if value < 0x80 {
        // ASCII fast path: letters, digits and the apostrophe need no property look-up.
        switch value {
        case 0x30...0x39, 0x61...0x7A: word.append(scalar, at: offset)
        case 0x41...0x5A: word.append(Unicode.Scalar(value + 0x20)!, at: offset)
        case 0x27: word.apostrophe(emit)
        default: word.finish(emit)
        }
        continue
      }
      if isApostrophe(value) {
        word.apostrophe(emit)
        continue
      }
      let category = scalar.properties.generalCategory
      if category == .nonspacingMark || category == .spacingMark || category == .enclosingMark {
        // Combining marks (the accent of a decomposed é) stay in the word and fold away.
        word.extend(to: offset)
        continue
      }
      if isSpacelessScript(value) {
        word.finish(emit)
        for folded in foldScalar(scalar).unicodeScalars { word.append(folded, at: offset) }
        word.finish(emit)
        continue
      }
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        for folded in foldScalar(scalar).unicodeScalars { word.append(folded, at: offset) }
      } else {
        word.finish(emit)
      }
    }
    word.finish(emit)
  }

  /// The word being read, with where it started and where the last apostrophe fell.
  private struct WordBuilder {
    var scalars: [Unicode.Scalar] = []
    var start = 0
    var end = 0
    /// An apostrophe was just read after letters; a letter must follow for it to count.
    var apostrophePending = false
    /// Where in `scalars` the letters after the last inner apostrophe begin.
    var afterApostrophe: Int?

    mutating func append(_ scalar: Unicode.Scalar, at offset: Int) {
      if scalars.isEmpty { start = offset }
      if apostrophePending {
        afterApostrophe = scalars.count
        apostrophePending = false
      }
      scalars.append(scalar)
      end = offset + 1
    }

    mutating func extend(to offset: Int) {
      if !scalars.isEmpty { end = offset + 1 }
    }

    mutating func apostrophe(_ emit: (String, Range<Int>) -> Void) {
      if scalars.isEmpty || apostrophePending {
        finish(emit)
      } else {
        apostrophePending = true
      }
    }

    /// Emits the word: apostrophes dropped, a possessive `’s` removed.
    mutating func finish(_ emit: (String, Range<Int>) -> Void) {
      defer {
        scalars.removeAll(keepingCapacity: true)
        apostrophePending = false
        afterApostrophe = nil
      }
      guard !scalars.isEmpty else { return }
      if let split = afterApostrophe, split == scalars.count - 1, scalars[split] == "s" {
        scalars.removeLast()
      }
      var token = String.UnicodeScalarView()
      token.append(contentsOf: scalars)
      emit(String(token), start..<end)
    }
  }

  private static func isApostrophe(_ value: UInt32) -> Bool {
    value == 0x2019 || value == 0x2018 || value == 0x02BC || value == 0x2032 || value == 0xFF07
  }

  /// Scripts written without spaces between words: each character is its own token.
  private static func isSpacelessScript(_ value: UInt32) -> Bool {
    switch value {
    case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
      0x20000...0x2FFFF, 0x0E00...0x0E7F, 0x31F0...0x31FF:
      return true
    default:
      return false
    }
  }

  /// Lowercased, with diacritics removed: é → e, Ø → o, ß → ss.
  static func foldScalar(_ scalar: Unicode.Scalar) -> String {
    if let special = specialFolds[scalar.value] { return special }
    let lowered = scalar.properties.lowercaseMapping
    var out = ""
    for piece in lowered.unicodeScalars {
      if let decomposed = decompositionBase(piece) {
        out.unicodeScalars.append(decomposed)
      } else {
        out.unicodeScalars.append(piece)
      }
    }
    return out
  }

  /// The base letter of a precomposed Latin, Greek or Cyrillic letter with marks.
  private static func decompositionBase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    guard scalar.value >= 0xC0, scalar.value < 0x2000 else { return nil }
    let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
    guard decomposed.count > 1, let base = decomposed.first else { return nil }
    return base
  }

  /// Letters that have no canonical decomposition but that people type without marks.
  private static let specialFolds: [UInt32: String] = [
    0xDF: "ss", 0xE6: "ae", 0xC6: "ae", 0xF8: "o", 0xD8: "o", 0x153: "oe", 0x152: "oe",
    0x142: "l", 0x141: "l", 0x111: "d", 0x110: "d", 0xFE: "th", 0xDE: "th", 0xF0: "d",
    0xD0: "d", 0x131: "i",
  ]
}
