import MarqueeUI
import Testing

/// `ScreenDiff`: the cells a backend rewrites after a frame, wide characters whole.
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
