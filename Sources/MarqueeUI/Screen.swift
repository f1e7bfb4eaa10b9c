import MarqueeCore

/// A terminal size in character cells.
public struct Size: Sendable, Hashable, CustomStringConvertible {
  public var columns: Int
  public var rows: Int

  public init(columns: Int, rows: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
  }

  public var description: String { "\(columns)×\(rows)" }
}

/// What a piece of text means on screen; the terminal layer maps roles to colours, so
/// the look is decided in one place and survives a monochrome terminal through `Style`'s
/// own bold/reverse/underline.
public enum ColorRole: Sendable, Hashable, CaseIterable {
  case selection
  case dek
  case imageMarker
  case credit
  case border
  case title
  case status
  case match
  /// The match `n` / `N` stepped to.
  case currentMatch
  /// An unread article's title in the list (bold as well, so it shows without colour).
  case unread
}

/// How a cell is drawn.
public struct Style: Sendable, Hashable {
  public var bold = false
  public var dim = false
  public var reverse = false
  public var underline = false
  public var color: ColorRole?

  public init(
    bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false,
    color: ColorRole? = nil
  ) {
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
    self.color = color
  }

  public static let plain = Style()
}

/// One character cell. A wide (two-column) character fills its first cell; the cell to
/// its right is a continuation with empty text, which the terminal must not draw over.
public struct Cell: Sendable, Hashable {
  /// One grapheme cluster, " " for blank, or "" for the right half of a wide character.
  public var text: String
  public var style: Style

  public init(text: String = " ", style: Style = .plain) {
    self.text = text
    self.style = style
  }

  public var isContinuation: Bool { text.isEmpty }
  public static let blank = Cell()
}

/// A grid of styled cells: what the reader looks like at one moment. Rendering fills a
/// `Screen`; the terminal layer flushes it; tests read its `lines`.
public struct Screen: Sendable, Hashable, CustomStringConvertible {
  public let size: Size
  public private(set) var cells: [Cell]

  public init(size: Size) {
    self.size = size
    cells = Array(repeating: .blank, count: size.columns * size.rows)
  }

  /// A screen holding these rows of text, plain, as wide as the widest row: tests write
  /// the screen they expect this way, style its regions (`setStyle`), and compare it
  /// whole with a drawn one (`==` compares every cell's text and style).
  public init(lines: [String]) {
    self.init(size: Size(columns: lines.map(DisplayWidth.of).max() ?? 0, rows: lines.count))
    for (row, line) in lines.enumerated() { put(line, column: 0, row: row) }
  }

  /// Gives every cell in `rect` this style, keeping its text.
  public mutating func setStyle(_ style: Style, in rect: Rect) {
    restyle(rect) { $0 = style }
  }

  public subscript(column: Int, row: Int) -> Cell {
    cells[row * size.columns + column]
  }

  /// Writes text from (column, row), clipped to `width` columns (default: to the right
  /// edge) and to the screen. Text is measured by display width and cut only between
  /// grapheme clusters; a wide character that would straddle the limit is replaced by a
  /// space. Writes the text's `DisplayWidth.terminalForm`, which ncurses draws in the
  /// columns the cells say. Returns the number of columns written.
  @discardableResult
  public mutating func put(
    _ text: String, column: Int, row: Int, width: Int? = nil, style: Style = .plain
  ) -> Int {
    guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return 0 }
    let limit = min(column + (width ?? size.columns), size.columns)
    var x = column
    for character in DisplayWidth.terminalForm(text) {
      let columns = DisplayWidth.of(character)
      if columns == 0 { continue }
      if x + columns > limit {
        if x < limit { set(column: x, row: row, Cell(text: " ", style: style)) }
        x += 1
        break
      }
      set(column: x, row: row, Cell(text: String(character), style: style))
      if columns == 2 { set(column: x + 1, row: row, Cell(text: "", style: style)) }
      x += columns
    }
    return min(x, limit) - column
  }

  /// Fills a rectangle with blanks in a style.
  /// A single-line border around `rect` (nothing when it is smaller than 2×2).
  public mutating func drawBorder(_ rect: Rect, style: Style) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let horizontal = String(repeating: "─", count: rect.width - 2)
    put("┌" + horizontal + "┐", column: rect.x, row: rect.y, style: style)
    put("└" + horizontal + "┘", column: rect.x, row: rect.maxY - 1, style: style)
    for y in (rect.y + 1)..<(rect.maxY - 1) {
      put("│", column: rect.x, row: y, style: style)
      put("│", column: rect.maxX - 1, row: y, style: style)
    }
  }

  public mutating func fill(_ rect: Rect, style: Style = .plain) {
    for row in rect.rows where row >= 0 && row < size.rows {
      for column in rect.columns where column >= 0 && column < size.columns {
        set(column: column, row: row, Cell(text: " ", style: style))
      }
    }
  }

  /// Restyles existing cells (e.g. to highlight a whole row) without changing text.
  public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
    for row in rect.rows where row >= 0 && row < size.rows {
      for column in rect.columns where column >= 0 && column < size.columns {
        change(&cells[row * size.columns + column].style)
      }
    }
  }

  /// Sets one cell. Overwriting either half of a wide character blanks the other half,
  /// so no row ever holds half a character.
  private mutating func set(column: Int, row: Int, _ cell: Cell) {
    let index = row * size.columns + column
    if cells[index].isContinuation, !cell.isContinuation, column > 0 {
      cells[index - 1].text = " "
    }
    if column + 1 < size.columns, cells[index + 1].isContinuation {
      cells[index + 1].text = " "
    }
    cells[index] = cell
  }

  /// The text of one row between two columns (for tests and diagnostics).
  public func text(row: Int, columns: Range<Int>) -> String {
    columns.clamped(to: 0..<size.columns).map { self[$0, row].text }.joined()
  }

  /// Each row as text (continuation cells contribute nothing), trailing spaces kept.
  public var lines: [String] {
    (0..<size.rows).map { row in
      (0..<size.columns).map { self[$0, row].text }.joined()
    }
  }

  /// The screen row by row between bars, so a failing test shows the picture.
  public var description: String {
    let bar = String(repeating: "─", count: size.columns)
    return (["┌\(bar)┐"] + lines.map { "│\($0)│" } + ["└\(bar)┘"]).joined(separator: "\n")
  }
}

/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public var columns: Range<Int> { x..<(x + width) }
  public var rows: Range<Int> { y..<(y + height) }
  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
  public var isEmpty: Bool { width == 0 || height == 0 }

  public func contains(column: Int, row: Int) -> Bool {
    columns.contains(column) && rows.contains(row)
  }

  /// The rectangle shrunk by one cell on every side (the inside of a border).
  public var inner: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }
}
