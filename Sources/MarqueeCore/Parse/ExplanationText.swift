/// `marquee show --explain` as text: every block of the file, each line with what it
/// became and the rule that decided, so a line that vanished or leaked is one look away.
///
/// ```
/// ── block 3 · lines 5–7
///    5  label     Halsey Alev Aydin                  label line above the image
///    6  gallery   View gallery                       gallery marker
///    7  credit    Image Credit: YouTube ⇒ YouTube    credit after the prefix “image credit”
/// ```
///
/// The same text is the fixture format of the layout tests: a page and its expected
/// explanation, compared line by line.
public enum ExplanationText {
  /// How much of a line's text is shown (the rest is cut with `…`).
  public static let shownText = 60
  /// The widest role name (`furniture:teaser-byline`) and a space.
  private static let roleWidth = 24

  public static func render(_ lines: [ExplainedLine]) -> String {
    var out: [String] = []
    var index = 0
    while index < lines.count {
      let block = lines[index].block
      let end = lines[index...].firstIndex { $0.block != block } ?? lines.count
      let first = lines[index].number
      let last = lines[end - 1].number
      out.append(
        "── block \(block + 1) · " + (first == last ? "line \(first)" : "lines \(first)–\(last)"))
      for line in lines[index..<end] { out += render(line) }
      index = end
    }
    return out.joined(separator: "\n") + "\n"
  }

  private static func render(_ line: ExplainedLine) -> [String] {
    let number =
      String(repeating: " ", count: max(0, 5 - String(line.number).count))
      + String(line.number)
    let decisions =
      line.decisions.isEmpty
      ? [LineDecision(role: .body, value: nil, rule: "no rule decided (kept as text)")]
      : line.decisions
    return decisions.enumerated().map { position, decision in
      let name = decision.role.name
      let role = name + String(repeating: " ", count: max(1, roleWidth - name.count))
      var shown = position == 0 ? cut(line.text) : ""
      if let value = decision.value, value != line.text { shown += " ⇒ " + cut(value) }
      let lead = position == 0 ? number : String(repeating: " ", count: 5)
      return "\(lead)  \(role)\(shown)  ← \(decision.rule)"
    }
  }

  private static func cut(_ text: String) -> String {
    text.count <= shownText ? text : String(text.prefix(shownText - 1)) + "…"
  }
}
