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

// MARK: - ScreenDiff

@Test func unchangedRowHasNoSpan() {
  var screen = Screen(size: Size(columns: 10, rows: 2))
  screen.put("hello", column: 0, row: 0)
  #expect(ScreenDiff.changedSpan(row: 0, new: screen, old: screen, columns: 10) == nil)
}

@Test func spanCoversFirstToLastChange() {
  var old = Screen(size: Size(columns: 10, rows: 2))
  old.put("hello", column: 0, row: 0)
  var new = old
  new.put("J", column: 1, row: 0)
  new.put("X", column: 4, row: 0)
  #expect(ScreenDiff.changedSpan(row: 0, new: new, old: old, columns: 10) == 1...4)
  #expect(ScreenDiff.changedSpan(row: 1, new: new, old: old, columns: 10) == nil)
  // Changes beyond the window's columns don't count.
  new.put("Y", column: 8, row: 1)
  #expect(ScreenDiff.changedSpan(row: 1, new: new, old: old, columns: 8) == nil)
}

@Test func styleChangesCount() {
  var old = Screen(size: Size(columns: 6, rows: 1))
  old.put("abc", column: 0, row: 0)
  var new = old
  new.restyle(Rect(x: 2, y: 0, width: 1, height: 1)) { $0.bold = true }
  #expect(ScreenDiff.changedSpan(row: 0, new: new, old: old, columns: 6) == 2...2)
}

@Test func spanWidensToWholeWideCharacters() {
  var old = Screen(size: Size(columns: 10, rows: 1))
  old.put("a日b", column: 0, row: 0)  // a 日 "" b
  var new = old
  // Restyling only the continuation cell still rewrites the wide character.
  new.restyle(Rect(x: 2, y: 0, width: 1, height: 1)) { $0.underline = true }
  #expect(ScreenDiff.changedSpan(row: 0, new: new, old: old, columns: 10) == 1...2)
  // A change in the head alone also takes its continuation.
  var head = old
  head.restyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.underline = true }
  #expect(ScreenDiff.changedSpan(row: 0, new: head, old: old, columns: 10) == 1...2)
  // A wide character where narrow ones were: the old layout's cells are covered too.
  var replaced = Screen(size: Size(columns: 10, rows: 1))
  replaced.put("ab本", column: 0, row: 0)
  #expect(ScreenDiff.changedSpan(row: 0, new: replaced, old: old, columns: 10) == 1...3)
}

@Test func differentSizesHaveNoSpan() {
  let small = Screen(size: Size(columns: 5, rows: 1))
  let large = Screen(size: Size(columns: 6, rows: 1))
  #expect(ScreenDiff.changedSpan(row: 0, new: small, old: large, columns: 5) == nil)
}
