import MarqueeCore

/// The `?` overlay: every binding in the keymap, grouped, in a box centred over the
/// region it is given (the whole screen).
struct HelpOverlay: PaneView {
  let keymap: Keymap

  /// The overlay's text lines, before boxing: group headings and one line per binding.
  var lines: [(text: String, isHeading: Bool)] {
    var lines: [(String, Bool)] = []
    for group in Binding.Group.allCases {
      let bindings = keymap.bindings.filter { $0.group == group }
      guard !bindings.isEmpty else { continue }
      lines.append((group.rawValue, true))
      for binding in bindings {
        let keys = binding.keys.map(\.description).joined(separator: " ")
        lines.append(("  " + TextWrapper.pad(keys, width: 22) + "  " + binding.help, false))
      }
    }
    return lines
  }

  func draw(in rect: Rect, on screen: inout Screen) {
    let size = Size(columns: rect.width, rows: rect.height)
    let content = lines
    let width = min(size.columns - 2, 96)
    let height = min(size.rows - 1, content.count + 2)
    guard width >= 10, height >= 3 else { return }
    let box = Rect(
      x: rect.x + (size.columns - width) / 2, y: rect.y + max(0, (size.rows - 1 - height) / 2),
      width: width,
      height: height)
    screen.fill(box)
    screen.drawBox(box, title: "Keys", focused: true)
    let border = Style(bold: true, color: .border)
    screen.put(
      " Press any key to close this help ", column: box.x + 2, row: box.maxY - 1,
      width: box.width - 4, style: border)
    let inner = box.inner
    for (row, line) in content.prefix(inner.height).enumerated() {
      let isCut = row == inner.height - 1 && content.count > inner.height
      screen.put(
        isCut ? "… (a taller terminal shows all keys; any key closes this)" : line.text,
        column: inner.x + 1, row: inner.y + row, width: inner.width - 2,
        style: line.isHeading ? Style(bold: true, underline: true) : .plain)
    }
  }
}
