/// Columns a terminal gives text. Never use `String.count` for columns: one `Character` can
/// take 0, 1 or 2 cells, so layout built on `count` drifts as soon as an article holds an
/// accent written as a combining mark, a CJK word or an emoji.
///
/// The rules follow what common terminals (and `wcwidth`) do rather than what a font might
/// draw, because the terminal decides where the cursor goes, and a layout that disagrees with
/// the cursor corrupts every column after it.
public enum DisplayWidth {
  /// Columns of one grapheme cluster: 0 for clusters made only of zero-width scalars
  /// (combining marks, ZWJ, variation selectors, other format chars), 2 for East Asian
  /// Wide/Fullwidth (CJK ideographs, Hangul syllables, kana, fullwidth forms, etc.) and
  /// for emoji that present as emoji (Emoji_Presentation scalars, or any emoji followed by
  /// U+FE0F, flags = regional-indicator pairs and skin-tone sequences count as one cluster
  /// of width 2), 1 otherwise. Control characters: 0. A ZWJ sequence is the sum of the
  /// emoji it joins (👨‍👩‍👧‍👦 is 8), as its `terminalForm` draws them side by side.
  ///
  /// The cluster takes the width of its first scalar that has any width, because a terminal
  /// advances the cursor for the base character and draws the marks, joiners and modifiers
  /// that follow on top of it. Flags need no rule of their own: regional indicators are
  /// Emoji_Presentation scalars, so a pair is two columns through its first scalar.
  /// Joined emoji are the exception: terminals that measure with `wcwidth` (ncurses, so
  /// the reader) give every emoji of the sequence its own cells, and a wrap that counted
  /// 2 for the family ran 6 columns past the edge of the pane, cutting off the words after.
  public static func of(_ character: Character) -> Int {
    // Most clusters in an article are one ASCII byte; skip the property look-ups for them.
    let utf8 = character.utf8
    if utf8.count == 1, let byte = utf8.first {
      return asciiColumns(byte)
    }
    // A joiner with an emoji on either side takes at least seven bytes; a CJK character
    // (three) is not searched for one.
    if utf8.count > 4 && character.unicodeScalars.contains("\u{200D}") {
      return clusterColumns(terminalForm(String(character)))
    }
    var width = 0
    var sawEmoji = false
    for scalar in character.unicodeScalars {
      // U+FE0F asks for emoji presentation, which terminals draw two cells wide even when
      // the base (such as U+2764 HEAVY BLACK HEART) is one cell wide on its own.
      if scalar.value == 0xFE0F && sawEmoji { return 2 }
      if scalar.properties.isEmoji { sawEmoji = true }
      if width == 0 {
        width = columns(of: scalar)
        // Nothing later in the cluster can make it wider than 2.
        if width == 2 { return 2 }
      }
    }
    return width
  }

  /// Sum over the grapheme clusters. Must have a fast path for ASCII (utf8 scan).
  ///
  /// Most article text is plain ASCII, where every byte is one cluster and printable bytes
  /// are one column each, so a byte scan answers without segmenting graphemes. The first
  /// byte outside ASCII sends the whole text down the cluster path, because that byte may be
  /// a combining mark that belongs to the ASCII letter before it.
  ///
  /// `@inlinable` so callers in other modules get a version specialised for `String` or
  /// `Substring` instead of going through generic witness tables for every byte.
  @inlinable
  public static func of<S: StringProtocol>(_ text: S) -> Int {
    var columns = 0
    for byte in text.utf8 {
      guard byte < 0x80 else { return clusterColumns(text) }
      columns += asciiColumns(byte)
    }
    return columns
  }

  /// Text as a terminal really draws it. ncurses advances the cursor by `wcwidth` of each
  /// scalar and ignores zero-width joiners, so an emoji sequence (👩‍👩‍👧, 👍🏽, ❤️) would
  /// take more or fewer columns than its cluster's width. Dropping joiners, variation
  /// selectors and skin-tone modifiers leaves only scalars whose width both sides agree
  /// on: the reader's `Screen` draws this form, and `of(_:)` measures joined emoji by it.
  public static func terminalForm(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x200D, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF: continue
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  /// Columns of one ASCII byte: C0 controls and DEL move or erase rather than draw.
  @usableFromInline
  static func asciiColumns(_ byte: UInt8) -> Int {
    byte >= 0x20 && byte != 0x7F ? 1 : 0
  }

  /// The slow path of `of(_:)` for text: segments into grapheme clusters.
  @usableFromInline
  static func clusterColumns<S: StringProtocol>(_ text: S) -> Int {
    var columns = 0
    for character in text {
      columns += of(character)
    }
    return columns
  }

  /// Columns of one scalar seen on its own: 0, 1 or 2.
  static func columns(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x80 { return asciiColumns(UInt8(value)) }
    // DEL..U+009F are C1 controls.
    if value < 0xA0 { return 0 }
    // SOFT HYPHEN is a format character, but terminals draw it as a visible hyphen, so
    // counting it as 0 would let a line overflow by one column.
    if value == 0xAD { return 1 }
    if isZeroWidth(scalar) { return 0 }
    if isEastAsianWide(value) { return 2 }
    // Emoji_Presentation starts at U+231A; the check keeps Latin, Greek, Cyrillic and the
    // like off the property look-up.
    if value >= 0x231A && scalar.properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// Scalars that take no cell of their own: marks drawn on the previous base, joiners,
  /// selectors and other format characters, controls, and the conjoining Hangul vowels and
  /// finals that a terminal merges into the leading consonant's two cells.
  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1160...0x11FF, 0xD7B0...0xD7FF, 0x1171E:
      return true
    // Prepended concatenation marks are format characters that terminals draw visibly.
    case 0x600...0x605, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0x110BD, 0x110CD:
      return false
    default:
      break
    }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator,
      .paragraphSeparator:
      return true
    default:
      return false
    }
  }

  /// Whether a scalar falls in `wideRanges`, by binary search: the table is small and
  /// sorted, so this is a handful of comparisons and needs no Unicode data at run time.
  static func isEastAsianWide(_ value: UInt32) -> Bool {
    // Nothing below U+1100 is wide; this keeps Latin and other alphabetic text fast.
    guard value >= 0x1100 else { return false }
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wideRanges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }

  /// East Asian Wide (W) and Fullwidth (F) ranges, plus the emoji blocks that terminals draw
  /// two cells wide. The pictograph blocks (U+1F300–1F6FF, U+1F90C–1F9FF) are not listed
  /// whole: they mix emoji-style (wide) and text-style (narrow) symbols, which
  /// `isEmojiPresentation` tells apart the way glibc's `wcwidth` does. Swift exposes no East_Asian_Width property, hence the table. Sorted
  /// and non-overlapping, which `isEastAsianWide(_:)` relies on (a test checks it).
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo leading consonants
    0x231A...0x231B,  // watch, hourglass
    0x2329...0x232A,  // angle brackets
    0x23E9...0x23EC,
    0x23F0...0x23F0,
    0x23F3...0x23F3,
    0x25FD...0x25FE,
    0x2614...0x2615,
    0x2648...0x2653,  // zodiac
    0x267F...0x267F,
    0x2693...0x2693,
    0x26A1...0x26A1,
    0x26AA...0x26AB,
    0x26BD...0x26BE,
    0x26C4...0x26C5,
    0x26CE...0x26CE,
    0x26D4...0x26D4,
    0x26EA...0x26EA,
    0x26F2...0x26F3,
    0x26F5...0x26F5,
    0x26FA...0x26FA,
    0x26FD...0x26FD,
    0x2705...0x2705,
    0x270A...0x270B,
    0x2728...0x2728,
    0x274C...0x274C,
    0x274E...0x274E,
    0x2753...0x2755,
    0x2757...0x2757,
    0x2795...0x2797,
    0x27B0...0x27B0,
    0x27BF...0x27BF,
    0x2B1B...0x2B1C,
    0x2B50...0x2B50,
    0x2B55...0x2B55,
    0x2E80...0x303E,  // CJK radicals, ideographic description, CJK symbols and punctuation
    0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
    0x3400...0x4DFF,  // CJK Extension A, Yijing hexagrams
    0x4E00...0x9FFF,  // CJK Unified Ideographs
    0xA000...0xA4CF,  // Yi
    0xA960...0xA97F,  // Hangul Jamo Extended-A
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE10...0xFE19,  // vertical forms
    0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
    0xFF00...0xFF60,  // fullwidth forms
    0xFFE0...0xFFE6,  // fullwidth signs
    0x16FE0...0x16FE4,
    0x16FF0...0x16FF1,
    0x17000...0x18CFF,  // Tangut, Khitan Small Script
    0x18D00...0x18D08,
    0x1AFF0...0x1AFFE,  // Kana Extended-B
    0x1B000...0x1B2FF,  // kana supplement and extensions, Nushu
    0x1F004...0x1F004,
    0x1F0CF...0x1F0CF,
    0x1F18E...0x1F18E,
    0x1F191...0x1F19A,
    0x1F200...0x1F251,  // enclosed ideographic supplement
    0x1F260...0x1F265,
    0x1F7E0...0x1F7EB,  // coloured circles and squares
    0x1FA70...0x1FAFF,  // symbols and pictographs extended-A
    0x20000...0x2FFFD,  // CJK Extensions B onwards
    0x30000...0x3FFFD,  // CJK Extension G onwards
  ]
}
