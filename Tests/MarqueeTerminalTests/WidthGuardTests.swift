import MarqueeUI
import Testing

@testable import MarqueeTerminal

/// glibc widths pinned for the guard's tests, so they don't depend on the locale: "W" and
/// "日" are wide, marks and "Z" (standing in for ZWJ) zero, "C" (a control) -1.
private func pinned(_ scalar: Unicode.Scalar) -> Int {
  switch scalar {
  case "W", "日": 2
  case "\u{301}", "Z": 0
  case "C": -1
  default: 1
  }
}

@Test func textThatMeasuresRightIsWrittenAsIs() {
  #expect(WidthGuard.text(for: "a", columns: 1, width: pinned) == "a")
  #expect(WidthGuard.text(for: "日", columns: 2, width: pinned) == "日")
  #expect(WidthGuard.text(for: "e\u{301}", columns: 1, width: pinned) == "e\u{301}")
  // Two narrow scalars in one wide cell (a flag, for glibc) advance two columns too.
  #expect(WidthGuard.text(for: "ab", columns: 2, width: pinned) == "ab")
  #expect(WidthGuard.text(for: "WZW", columns: 4, width: pinned) == "WZW")
}

@Test func textThatMeasuresWrongBecomesPlaceholders() {
  // Layout said 2, glibc says 1 (an emoji with VS16, say): "??" keeps the row in place.
  #expect(WidthGuard.text(for: "a\u{301}", columns: 2, width: pinned) == "??")
  // Layout said 1, glibc says 2.
  #expect(WidthGuard.text(for: "W", columns: 1, width: pinned) == "?")
  #expect(WidthGuard.text(for: "WZW", columns: 2, width: pinned) == "??")
}

@Test func leadingMarksAndControlsAreNeverWritten() {
  // A leading mark would join the cell to its left.
  #expect(WidthGuard.text(for: "\u{301}a", columns: 1, width: pinned) == "?")
  #expect(WidthGuard.text(for: "\u{301}", columns: 1, width: pinned) == "?")
  // A control, even one that adds up right, is drawn as ^X or acted on by curses.
  #expect(WidthGuard.text(for: "C", columns: 1, width: pinned) == "?")
  #expect(WidthGuard.text(for: "aCb", columns: 2, width: pinned) == "??")
}

@Test func orphanContinuationBecomesBlank() {
  #expect(WidthGuard.text(for: "", columns: 1, width: pinned) == " ")
}

@Test func realGlibcWidthsThroughTheGuard() {
  _ = TestLocale.utf8
  #expect(WidthGuard.text(for: "日", columns: 2) == "日")
  #expect(WidthGuard.text(for: "😀", columns: 2) == "😀")
  #expect(WidthGuard.text(for: "e\u{301}", columns: 1) == "e\u{301}")
  #expect(WidthGuard.text(for: "\t", columns: 1) == "?")
  #expect(WidthGuard.text(for: "\u{1B}", columns: 1) == "?")
  // Emoji presentation: layout gives 2, glibc 1 + 0.
  #expect(WidthGuard.text(for: "\u{2764}\u{FE0F}", columns: 2) == "??")
}
