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
    if isAlreadyClean(line.utf8) { return String(line) }
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
      if isRemoved(scalar, after: out.last, before: index < scalars.count ? scalars[index] : nil) {
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

  /// Printable ASCII with single inner spaces and no spaces at the ends: the common case.
  private static func isAlreadyClean<U: Collection<UInt8>>(_ bytes: U) -> Bool {
    var previousWasSpace = true
    for byte in bytes {
      if byte < 0x20 || byte > 0x7E { return false }
      if byte == 0x20 {
        if previousWasSpace { return false }
        previousWasSpace = true
      } else {
        previousWasSpace = false
      }
    }
    return !previousWasSpace || bytes.isEmpty
  }

  private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
  }

  /// Characters that never survive: controls, DEL, bidi controls, zero-width and soft
  /// hyphens. A zero-width joiner between two emoji is kept: it builds one emoji.
  private static func isRemoved(
    _ scalar: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?
  ) -> Bool {
    let value = scalar.value
    if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
    if value < 0x7F { return false }
    switch value {
    case 0xAD, 0x61C, 0x180E, 0x200B, 0x200C, 0x200E, 0x200F, 0x2060, 0xFEFF,
      0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
      return true
    case 0x200D:
      return !(isEmoji(previous) && isEmoji(next))
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
