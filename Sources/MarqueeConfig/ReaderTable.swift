import MarqueeUI
import TOMLKit

/// How the reader starts: the list's order and columns, and whether it takes the mouse.
public struct ReaderOptions: Sendable, Equatable {
  /// The list's order until `s` changes it.
  public var sort = ListOrder.natural
  /// The columns after each title, in order; those that fit are shown.
  public var columns = ListColumn.standard
  /// Clicks and the wheel, where the terminal reports them.
  public var mouse = true

  public init() {}
}

/// `[reader]`: `sort = "date"`, `columns = ["images", "time", "date"]`, `mouse = false`.
enum ReaderTable {
  static func read(
    _ table: TOMLTable, lines: EntryLines, problem: (Int?, String) -> Void
  ) -> ReaderOptions {
    var options = ReaderOptions()
    for (name, value) in lines.inFileOrder(table, in: "reader") {
      let line = lines.line(of: name, in: "reader")
      switch name {
      case "sort":
        guard let order = value.string.flatMap(ListOrder.init(name:)) else {
          problem(line, "sort takes " + oneOf(ListOrder.names) + ", as in sort = \"date\"")
          continue
        }
        options.sort = order
      case "columns":
        let columns = stringList(value)?.map { ListColumn(rawValue: $0.lowercased()) }
        guard let columns, !columns.contains(nil) else {
          problem(
            line,
            "columns takes a list of " + oneOf(ListColumn.allCases.map(\.rawValue))
              + ", as in columns = [\"images\", \"date\"] ([] for none)")
          continue
        }
        options.columns = columns.compactMap { $0 }.reduce(into: []) {
          if !$0.contains($1) { $0.append($1) }
        }
      case "mouse":
        guard let mouse = value.bool else {
          problem(line, "mouse takes true or false")
          continue
        }
        options.mouse = mouse
      default:
        problem(line, "“\(name)” is not a reader setting; they are sort, columns and mouse")
      }
    }
    return options
  }
}
