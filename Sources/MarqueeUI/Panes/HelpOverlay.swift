import MarqueeCore

/// The `?` overlay: the keymap's bindings, grouped, in a box centred over the region it
/// is given (the whole screen); it scrolls, and `/` narrows it to the bindings whose
/// description or keys hold the words typed.
struct HelpOverlay: PaneView {
  let keymap: Keymap
  let state: HelpState

  struct Line: Equatable {
    let text: String
    let isHeading: Bool
  }

  /// The widest the box gets: wider lines are harder to read.
  static let maxWidth = 96

  /// The box on a screen of `size` and the lines laid out for it, once (nil when the
  /// screen is too small for a box).
  private func layout(on size: Size) -> (box: Rect, lines: [Line])? {
    let width = min(size.columns - 2, Self.maxWidth)
    guard width >= 10 else { return nil }
    let content = lines(width: width - 4)
    let height = min(size.rows - 1, content.count + 2)
    guard height >= 3 else { return nil }
    let box = Rect(
      x: (size.columns - width) / 2, y: max(0, (size.rows - 1 - height) / 2), width: width,
      height: height)
    return (box, content)
  }

  /// How many lines show at once on a screen of `size`, and the last `top` that still
  /// fills the box.
  func scrolling(on size: Size) -> (rows: Int, maxTop: Int) {
    guard let (box, content) = layout(on: size) else { return (0, 0) }
    return (box.inner.height, max(0, content.count - box.inner.height))
  }

  /// The lines at a text width: each group's heading, then each binding's keys and its
  /// description, wrapped under a column of its own.
  func lines(width: Int) -> [Line] {
    let words = state.filter.lowercased().split(separator: " ").map(String.init)
    let shown = keymap.bindings.filter { binding in
      let text = (binding.help + " " + keyText(binding)).lowercased()
      return words.allSatisfy { text.contains($0) }
    }
    guard !shown.isEmpty else {
      return [Line(text: "No key matches “\(state.filter)”", isHeading: false)]
    }
    let keyColumn = min(22, shown.map { DisplayWidth.of(keyText($0)) }.max() ?? 0)
    let indent = String(repeating: " ", count: keyColumn + 4)
    var lines: [Line] = []
    for group in Binding.Group.allCases {
      let bindings = shown.filter { $0.group == group }
      guard !bindings.isEmpty else { continue }
      lines.append(Line(text: group.rawValue, isHeading: true))
      for binding in bindings {
        let help = TextWrapper.wrap(binding.help, width: max(8, width - indent.count))
        for (row, text) in help.enumerated() {
          let start =
            row == 0 ? "  " + TextWrapper.pad(keyText(binding), width: keyColumn) + "  " : indent
          lines.append(Line(text: start + text, isHeading: false))
        }
      }
    }
    return lines
  }

  /// The bottom edge: where the help is scrolled to and the keys that work in it, named
  /// from the keymap; while typing a filter, the filter and how to leave it.
  private func footer(lines: Int, top: Int, rows: Int) -> String {
    let key = keymap.keyName(for:) as (Command) -> String?
    let edit = keymap.keyName(for:) as (QueryEdit) -> String?
    var parts: [String?]
    if state.isTypingFilter {
      let ways = [edit(.accept).map { "\($0) keeps" }, edit(.cancel).map { "\($0) clears" }]
      return " \(key(.search) ?? "")\(state.filter)▏  "
        + ways.compactMap { $0 }.joined(separator: " · ") + " "
    } else {
      parts = [key(.search).map { "\($0) find" }, key(.quit).map { "\($0) close" }]
      if lines > rows {
        let scroll = key(.next).map { next in key(.previous).map { "\(next)/\($0)" } ?? next }
        parts =
          ["\(top + 1)–\(min(lines, top + rows)) of \(lines)", scroll.map { "\($0) scroll" }]
          + parts
      }
    }
    return " " + parts.compactMap { $0 }.joined(separator: " · ") + " "
  }

  private func keyText(_ binding: Binding) -> String {
    binding.keys.map(\.description).joined(separator: " ")
  }

  func draw(in rect: Rect, on screen: inout Screen) {
    let size = Size(columns: rect.width, rows: rect.height)
    guard let (placed, content) = layout(on: size) else { return }
    let box = Rect(
      x: rect.x + placed.x, y: rect.y + placed.y, width: placed.width, height: placed.height)
    let inner = box.inner
    let top = min(max(0, state.top), max(0, content.count - inner.height))
    screen.fill(box)
    let title = state.filter.isEmpty ? "Keys" : "Keys matching “\(state.filter)”"
    screen.drawBox(box, title: title, focused: true)
    for (row, line) in content.dropFirst(top).prefix(inner.height).enumerated() {
      screen.put(
        line.text, column: inner.x + 1, row: inner.y + row, width: inner.width - 2,
        style: line.isHeading ? Style(bold: true, underline: true) : .plain)
    }
    screen.put(
      footer(lines: content.count, top: top, rows: inner.height), column: box.x + 2,
      row: box.maxY - 1, width: box.width - 4,
      style: Style(bold: true, color: .border))
  }
}
