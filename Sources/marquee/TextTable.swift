import MarqueeCore

/// Aligned columns for the human-readable output of `list` and `credits`.
///
/// Columns are measured in display columns, not characters, so titles in CJK or with
/// emoji line up. The last column is never padded; on a terminal it is cut with `…`
/// so each row fits on one line.
struct TextTable {
  enum Alignment { case left, right }

  let headers: [String]
  let alignments: [Alignment]
  var rows: [[String]] = []

  init(_ columns: [(String, Alignment)]) {
    headers = columns.map(\.0)
    alignments = columns.map(\.1)
  }

  mutating func append(_ row: [String]) { rows.append(row.map(Console.safe)) }

  /// The table as lines, cut to `width` columns when one is given.
  func render(width: Int?) -> [String] {
    let all = [headers] + rows
    let widths = headers.indices.map { column in
      all.map { DisplayWidth.of($0[column]) }.max() ?? 0
    }
    return all.map { row in
      var cells: [String] = []
      for (column, cell) in row.enumerated() {
        if column == row.count - 1 {
          cells.append(cell)
        } else if alignments[column] == .right {
          let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
          cells.append(padding + cell)
        } else {
          cells.append(TextWrapper.pad(cell, width: widths[column]))
        }
      }
      let line = cells.joined(separator: "  ")
      guard let width else { return line }
      return TextWrapper.truncate(line, width: width)
    }
  }
}
