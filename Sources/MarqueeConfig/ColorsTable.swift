import MarqueeUI
import TOMLKit

/// `[colors]`: `theme = "dark"` or `"light"`, then any role by name, as a colour
/// (`title = "blue"`, `title = 208`) or as text and background colours
/// (`match = ["black", "yellow"]`). Colours are the eight ANSI names, `default` (the
/// terminal's own), or a number 0–255.
enum ColorsTable {
  static func read(
    _ table: TOMLTable, lines: EntryLines, problem: (Int?, String) -> Void
  ) -> Palette {
    var palette = Palette.dark
    // The theme first, wherever it is written: the roles change it.
    if let theme = table["theme"] {
      if let name = theme.string, let chosen = Palette.themes[name.lowercased()] {
        palette = chosen
      } else {
        problem(
          lines.line(of: "theme", in: "colors"),
          "theme is " + Palette.themes.keys.sorted().map { "“\($0)”" }.joined(separator: " or "))
      }
    }
    for (name, value) in lines.inFileOrder(table, in: "colors") where name != "theme" {
      let line = lines.line(of: name, in: "colors")
      guard let role = ColorRole.allCases.first(where: { $0.name == name }) else {
        problem(
          line,
          "“\(name)” is not a colour role; the roles are theme, "
            + ColorRole.allCases.map(\.name).joined(separator: ", "))
        continue
      }
      if let array = value.array {
        let colors = array.map(color)
        guard colors.count == 2, let foreground = colors[0], let background = colors[1] else {
          problem(line, "\(name) takes a colour, or [text colour, background colour]")
          continue
        }
        palette[role] = RoleColors(foreground, background)
      } else if let foreground = color(value) {
        palette[role].foreground = foreground
      } else {
        problem(
          line,
          "\(name) takes a colour: " + TerminalColor.names.joined(separator: ", ")
            + ", default, or a number 0–255")
      }
    }
    return palette
  }

  /// A colour written as a name or a number.
  private static func color(_ value: TOMLValueConvertible) -> TerminalColor? {
    if let name = value.string { return TerminalColor(name: name) }
    if let number = value.int, (0...255).contains(number) { return .number(number) }
    return nil
  }
}
