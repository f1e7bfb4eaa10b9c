import MarqueeCore

/// Aligned columns for the human-readable output of `list` and `credits`.
///
/// Columns are measured in display columns, not characters, so titles in CJK or with
/// emoji line up. The last column is never padded; on a terminal it is cut with `…`
/// so each row fits on one line. The columns before it are never cut (`list`'s paths
/// are meant to be copied into `marquee show`): where they leave the last column less
/// than `minimumLastColumn`, it keeps that much and the row runs over the width (`list`
/// then prints its paths on lines of their own instead).
struct TextTable {
  enum Alignment { case left, right }

  let headers: [String]
  let alignments: [Alignment]
  /// Columns of paths, printed as they are but for what could act on a terminal
  /// (`Console.safePath`); other cells are tidied (`Console.safe`).
  let pathColumns: Set<Int>
  var rows: [[String]] = []

  /// The least a cut last column keeps, however wide the columns before it.
  static let minimumLastColumn = 20

  init(_ columns: [(String, Alignment)], pathColumns: Set<Int> = []) {
    headers = columns.map(\.0)
    alignments = columns.map(\.1)
    self.pathColumns = pathColumns
  }

  mutating func append(_ row: [String]) {
    rows.append(
      row.enumerated().map { column, cell in
        pathColumns.contains(column) ? Console.safePath(cell) : Console.safe(cell)
      })
  }

  /// Each column's width: its widest cell or header.
  private var widths: [Int] {
    headers.indices.map { column in
      ([headers] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
    }
  }

  /// Where the last column starts: the columns before it and their gaps.
  var leadingWidth: Int { widths.dropLast().reduce(0) { $0 + $1 + 2 } }

  /// The table as lines, the last column cut to fit `width` columns when one is given.
  func render(width: Int?) -> [String] {
    let all = [headers] + rows
    let widths = widths
    let leading = widths.dropLast().reduce(0) { $0 + $1 + 2 }
    let lastWidth = width.map { max($0 - leading, Self.minimumLastColumn) }
    return all.map { row in
      var cells: [String] = []
      for (column, cell) in row.enumerated() {
        if column == row.count - 1 {
          cells.append(lastWidth.map { TextWrapper.truncate(cell, width: $0) } ?? cell)
        } else if alignments[column] == .right {
          let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
          cells.append(padding + cell)
        } else {
          cells.append(TextWrapper.pad(cell, width: widths[column]))
        }
      }
      return cells.joined(separator: "  ")
    }
  }
}
