/// Makes one line of text safe and tidy for every field of an article.
///
/// Whatever a file holds, nothing that comes out of here can act on a terminal:
/// escape sequences are dropped whole (ESC with its CSI/OSC/DCS payload, and the 8-bit
/// C1 introducers), as are all other C0/C1 controls, DEL and the bidi overrides and
/// isolates that make text display differently from how it reads (Trojan Source).
/// Typographic noise from scraping goes too: no-break spaces become spaces, soft
/// hyphens and zero-width characters vanish, and runs of spaces collapse to one.
public enum TextCleaning {
  /// The cleaned line, trimmed at both ends.
  public static func clean<S: StringProtocol>(_ line: S) -> String {
    if ValidUTF8.withBytes(of: line, isAlreadyClean) { return String(line) }
    return filter(line, tidy: true)
  }

  /// Text that cannot act on a terminal, with its layout otherwise untouched: line
  /// breaks and runs of spaces stay (tabs become a space). For messages and help text
  /// that quote what a user typed.
  public static func terminalSafe<S: StringProtocol>(_ text: S) -> String {
    filter(text, tidy: false)
  }

  /// Drops escape sequences and removed characters; with `tidy`, also collapses white
  /// space (line breaks included) into single spaces and trims the ends.
  private static func filter<S: StringProtocol>(_ text: S, tidy: Bool) -> String {
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var index = 0
    var pendingSpace = false
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      if scalar == "\u{1B}" || scalar == "\u{9B}" || scalar == "\u{9D}" || scalar == "\u{90}"
        || scalar == "\u{9E}" || scalar == "\u{9F}" || scalar == "\u{98}"
      {
        index = endOfEscapeSequence(scalars, introducer: scalar, from: index)
        continue
      }
      if !tidy && scalar == "\n" {
        out.append(scalar)
        continue
      }
      if isSpace(scalar) {
        if tidy {
          pendingSpace = !out.isEmpty
        } else {
          out.append(" ")
        }
        continue
      }
      if isRemoved(scalar, after: out, before: index < scalars.count ? scalars[index] : nil) {
        continue
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.append(scalar)
    }
    return String(out)
  }

  /// Whether `filter(_, tidy: true)` would return the line unchanged: printable text
  /// with single inner spaces, no spaces at the ends, and none of the scalars `filter`
  /// drops or turns into a space. Decides on the bytes alone, so the common line (ASCII
  /// with the odd accent or curly quote) never pays for per-scalar property lookups.
  static func isAlreadyClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previousWasSpace = true
    var index = 0
    while index < bytes.count {
      if index + 8 <= bytes.count, let spaces = spacesInPrintableASCII(bytes, at: index) {
        let first: UInt64 = 0x80
        let last: UInt64 = 0x80 << 56
        if spaces & (spaces << 8) != 0 || (previousWasSpace && spaces & first != 0) {
          return false
        }
        previousWasSpace = spaces & last != 0
        index += 8
        continue
      }
      let byte = bytes[index]
      if byte < 0x80 {
        if byte < 0x20 || byte == 0x7F { return false }
        if byte == 0x20 {
          if previousWasSpace { return false }
          previousWasSpace = true
        } else {
          previousWasSpace = false
        }
        index += 1
      } else {
        if mayBeFiltered(bytes, at: index) { return false }
        previousWasSpace = false
        index += 1
        while index < bytes.count, !ValidUTF8.isScalarStart(bytes[index]) { index += 1 }
      }
    }
    return !previousWasSpace || bytes.isEmpty
  }

  /// For the eight bytes at `index`, when all are printable ASCII (0x20–0x7E): a mask
  /// with the high bit set in each byte that is a space. Nil when any byte is not.
  ///
  /// Tests the eight bytes at once in a 64-bit word (byte 0 lowest): most lines are long
  /// runs of ASCII, and this check runs over every line of every file. With every high
  /// bit clear, adding 0x60, 0x01 or 0x7F to a byte cannot carry into the next, so the
  /// sums' high bits flag bytes ≥ 0x20, the byte 0x7F, and bytes that differ from a space.
  private static func spacesInPrintableASCII(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int
  ) -> UInt64? {
    let highBits: UInt64 = 0x8080_8080_8080_8080
    let word = UInt64(
      littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    guard word & highBits == 0,
      (word &+ 0x6060_6060_6060_6060) & highBits == highBits,
      (word &+ 0x0101_0101_0101_0101) & highBits == 0
    else { return nil }
    let notSpace = ((word ^ 0x2020_2020_2020_2020) &+ 0x7F7F_7F7F_7F7F_7F7F) & highBits
    return ~notSpace & highBits
  }

  /// Whether the non-ASCII scalar at `index` is one `filter` removes or treats as a
  /// space, judged from its encoding: C1 controls and U+00A0 (C2 80–A0), U+00AD,
  /// U+061C, U+1680, U+180E, U+2000–U+200F, U+2028–U+202F, U+205F–U+206F, U+3000 and
  /// U+FEFF. Wider than `isRemoved` and `isSpace` in places, which only costs a slow
  /// pass; never narrower. `CleaningTests` checks this against `filter` for every scalar.
  private static func mayBeFiltered(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let lead = bytes[index]
    let second = bytes[index + 1]
    switch lead {
    case 0xC2: return second <= 0xA0 || second == 0xAD
    case 0xD8: return second == 0x9C
    case 0xE1:
      let third = bytes[index + 2]
      return (second == 0x9A && third == 0x80) || (second == 0xA0 && third == 0x8E)
    case 0xE2:
      let third = bytes[index + 2]
      return (second == 0x80 && (third <= 0x8F || third >= 0xA8 && third <= 0xAF))
        || (second == 0x81 && third >= 0x9F && third <= 0xAF)
    case 0xE3: return second == 0x80 && bytes[index + 2] == 0x80
    case 0xEF: return second == 0xBB && bytes[index + 2] == 0xBF
    default: return false
    }
  }

  /// Tab, and the space separators (general category Zs, stable since Unicode 6.3):
  /// written out because looking the category up for every scalar was a hot spot.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// Characters that never survive: controls, DEL, bidi controls, zero-width and soft
  /// hyphens. A zero-width joiner between two emoji is kept: it builds one emoji. The
  /// emoji before it may end in U+FE0F, the selector that asks for emoji presentation
  /// (🏳️‍🌈 is white flag, U+FE0F, joiner, rainbow), which belongs to that emoji.
  private static func isRemoved(
    _ scalar: Unicode.Scalar, after kept: String.UnicodeScalarView, before next: Unicode.Scalar?
  ) -> Bool {
    let value = scalar.value
    if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
    if value < 0x7F { return false }
    switch value {
    case 0xAD, 0x61C, 0x180E, 0x200B, 0x200C, 0x200E, 0x200F, 0x2060, 0xFEFF,
      0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
      return true
    case 0x200D:
      return !(isEmoji(kept.last(where: { $0 != "\u{FE0F}" })) && isEmoji(next))
    default:
      return false
    }
  }

  private static func isEmoji(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar, !scalar.isASCII else { return false }
    return scalar.properties.isEmoji
  }

  /// Skips the rest of an escape sequence whose introducer was just read, returning the
  /// index after it. String-type sequences (OSC, DCS, SOS, PM, APC) run to BEL or ST
  /// (ESC \), or to the end of the line when unterminated; CSI runs to its final byte.
  private static func endOfEscapeSequence(
    _ scalars: [Unicode.Scalar], introducer: Unicode.Scalar, from start: Int
  ) -> Int {
    var kind = introducer
    var index = start
    if introducer == "\u{1B}" {
      guard index < scalars.count else { return index }
      switch scalars[index] {
      case "[": kind = "\u{9B}"
      case "]": kind = "\u{9D}"
      case "P": kind = "\u{90}"
      case "X", "^", "_": kind = "\u{98}"
      default:
        // Two-character sequences (ESC c, ESC 7, …): drop the final too if it is one.
        let value = scalars[index].value
        return (0x20...0x7E).contains(value) ? index + 1 : index
      }
      index += 1
    }
    if kind == "\u{9B}" {
      while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
      if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) { index += 1 }
      return index
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\u{07}" || scalar == "\u{9C}" { return index + 1 }
      if scalar == "\u{1B}" {
        let next = index + 1 < scalars.count ? scalars[index + 1] : nil
        return next == "\\" ? index + 2 : index + 1
      }
      index += 1
    }
    return index
  }
}
