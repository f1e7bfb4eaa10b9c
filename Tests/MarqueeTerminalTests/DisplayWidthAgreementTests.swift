import MarqueeCore
import MarqueeUI
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

/// What the reader's terminal layer does with a line: the `Screen` lays it out in cells, and
/// ncurses writes each cell's scalars, moving the cursor by glibc's width of each. Returns
/// the columns that adds up to, and how many cells `WidthGuard` would replace with "?"s
/// because glibc measures them differently from the cell.
private func drawn(_ line: String) -> (columns: Int, placeholders: Int) {
  var screen = Screen(size: Size(columns: 1000, rows: 1))
  let laidOut = screen.put(line, column: 0, row: 0)
  var columns = 0
  var placeholders = 0
  var column = 0
  while column < laidOut {
    let cell = screen[column, 0]
    let width = column + 1 < laidOut && screen[column + 1, 0].isContinuation ? 2 : 1
    columns += cell.text.unicodeScalars.reduce(0) { $0 + TerminalWidth.of($1) }
    if WidthGuard.text(for: cell.text, columns: width) != cell.text { placeholders += 1 }
    column += width
  }
  return (columns, placeholders)
}

/// ZWJ sequences as articles hold them, and a hostile one: twenty emoji joined into one
/// cluster.
private let zwjSequences = [
  "👨‍👩‍👧‍👦", "👩‍👩‍👧", "🏳️‍🌈", "❤️‍🔥", "👩‍❤️‍👨", "🏴‍☠️", "👩🏽‍💻",
  Array(repeating: "😀", count: 20).joined(separator: "\u{200D}"),
]

/// Layout measures a ZWJ sequence as the terminal draws it: ncurses gives every emoji of it
/// its own cells (glibc has no notion of the sequence), so counting 2 for 👨‍👩‍👧‍👦, which
/// takes 8, pushed the rest of its line past the edge of the pane.
@Test(arguments: zwjSequences)
func zwjSequenceMeasuresWhatTheTerminalDraws(sequence: String) throws {
  try #require(TestLocale.utf8, "no UTF-8 locale, so glibc's wcwidth means nothing")
  let terminal = drawn(sequence)
  #expect(DisplayWidth.of(sequence) == terminal.columns)
  #expect(terminal.placeholders == 0)
}

/// However narrow the pane, no wrapped row of text with ZWJ sequences in it needs more
/// columns than the row has (down to 2, the widest single emoji).
@Test func wrappedZWJSequencesNeverOverrunTheirRow() throws {
  try #require(TestLocale.utf8, "no UTF-8 locale, so glibc's wcwidth means nothing")
  let text =
    "Meet the 👨‍👩‍👧‍👦 family at the premiere, ❤️‍🔥 and 🏳️‍🌈 on the carpet "
    + zwjSequences.last!
  for width in 2...40 {
    for line in TextWrapper.wrap(text, width: width) {
      let terminal = drawn(line)
      #expect(terminal.columns <= width, "\(line.debugDescription) at width \(width)")
      #expect(terminal.placeholders == 0, "\(line.debugDescription)")
    }
  }
}
