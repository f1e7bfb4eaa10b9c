import MarqueeCore
import Testing

@testable import MarqueeTerminal

/// A run of consecutive tested scalars on which both measures disagree the same way.
private struct Mismatch {
  var first: UInt32
  var last: UInt32
  var count: Int
  var layout: Int
  var glibc: Int

  var description: String {
    let range =
      first == last ? hex(first) : "\(hex(first))...\(hex(last)) (\(count) scalars)"
    return "\(range): DisplayWidth \(layout), glibc \(glibc)"
  }

  private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

/// Whether a scalar is left out of the comparison: unassigned, surrogate and control
/// scalars, and the ones the terminal-safe text pass strips or that only mean something in
/// a sequence (ZWJ, variation selectors, skin-tone modifiers, regional indicators).
private func isExcluded(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.value {
  case 0x200D, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0x1F1E6...0x1F1FF:
    return true
  default:
    break
  }
  switch scalar.properties.generalCategory {
  case .unassigned, .surrogate, .control:
    return true
  default:
    return false
  }
}

/// Layout and ncurses must agree on every scalar an article can hold, or rows shift. The
/// failure lists where they don't, as ranges, to fix `DisplayWidth`'s table from.
@Test func displayWidthAgreesWithGlibc() throws {
  try #require(TestLocale.utf8, "no UTF-8 locale, so glibc's wcwidth means nothing")
  var mismatches: [Mismatch] = []
  var total = 0
  var tested = 0
  for value in UInt32(0x20)...0x1FFFF {
    guard let scalar = Unicode.Scalar(value), !isExcluded(scalar) else { continue }
    let glibc = TerminalWidth.of(scalar)
    guard glibc >= 0 else { continue }
    tested += 1
    let layout = DisplayWidth.of(Character(scalar))
    guard layout != glibc else { continue }
    total += 1
    if var last = mismatches.last, last.layout == layout, last.glibc == glibc,
      last.last == previousTested(before: value)
    {
      last.last = value
      last.count += 1
      mismatches[mismatches.count - 1] = last
    } else {
      mismatches.append(Mismatch(first: value, last: value, count: 1, layout: layout, glibc: glibc))
    }
  }
  let shown = mismatches.prefix(40).map { "  " + $0.description }.joined(separator: "\n")
  #expect(
    total == 0,
    """
    \(total) of \(tested) scalars measure differently, in \(mismatches.count) ranges \
    (a range may span scalars left out of the comparison); the first 40:
    \(shown)
    """)
}

/// The tested scalar before `value`, so a run continues across excluded scalars (an
/// unassigned gap inside a block) but not across tested scalars that agree.
private func previousTested(before value: UInt32) -> UInt32? {
  var candidate = value
  while candidate > 0x20 {
    candidate -= 1
    guard let scalar = Unicode.Scalar(candidate) else { continue }
    if !isExcluded(scalar) && TerminalWidth.of(scalar) >= 0 { return candidate }
  }
  return nil
}
