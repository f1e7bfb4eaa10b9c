/// Which cells of a row differ between two screens of the same size: what a terminal
/// backend rewrites after a frame, kept beside `Screen` so that any backend can use it.
public enum ScreenDiff {
  /// The columns to rewrite in `row`: from the first to the last changed cell among the
  /// first `columns`, widened so that it starts on the first half of a wide character
  /// (old or new) and ends on the second half. Nil when the row is unchanged.
  public static func changedSpan(row: Int, new: Screen, old: Screen, columns: Int) -> ClosedRange<
    Int
  >? {
    guard new.size == old.size, row < new.size.rows else { return nil }
    let columns = min(columns, new.size.columns)
    var first: Int?
    var last = 0
    for column in 0..<columns where new[column, row] != old[column, row] {
      if first == nil { first = column }
      last = column
    }
    guard var first else { return nil }
    while first > 0 && (new[first, row].isContinuation || old[first, row].isContinuation) {
      first -= 1
    }
    while last + 1 < columns
      && (new[last + 1, row].isContinuation || old[last + 1, row].isContinuation)
    {
      last += 1
    }
    return first...last
  }
}
