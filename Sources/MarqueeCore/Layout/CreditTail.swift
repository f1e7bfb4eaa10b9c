import Foundation

/// Credits that share a line with other text: at the end of a caption (`… (Photo by
/// X/Getty Images)`, `… [AKM-GSI]`, `Name at the premiere. Gilbert Carrasquillo/GC
/// Images`, `… REUTERS/Name/File Photo`, `Ms. Jenner. Credit Bon Duke for The New York
/// Times`, `… sweat pants by FameFlynet`), and, inside a paragraph, an explicit
/// `[Picture: Splash]` or a `Photograph by X.` sentence that a scraper ran into the text.
enum CreditTail {
  struct Split {
    let caption: String
    let credit: String
    let rule: String
  }

  /// The caption and credit of a line that ends with its credit, or nil. With `loose`, a
  /// bracketed tail need only look like a name (`(YoutTube)` under a label line, as in
  /// the seed); otherwise it must be prefixed or name a known source.
  static func split(_ line: String, loose: Bool = false) -> Split? {
    if let split = bracketed(line, loose: loose) { return split }
    guard line.utf8.count <= LayoutPhrases.maximumCaptionLength,
      !Furniture.endsLikeSentence(line, stops: [".", "!", "?", ",", ";", ":", "…"])
    else { return nil }
    return sentenceTail(line) ?? byTail(line)
  }

  /// `caption (X)` or `caption [X]`, with an optional full stop after the bracket.
  private static func bracketed(_ line: String, loose: Bool) -> Split? {
    var text = Substring(line)
    if CharacterAffix.hasSuffix(text, ").") || CharacterAffix.hasSuffix(text, "].") {
      text = text.dropLast()
    }
    guard let close = text.last, close == ")" || close == "]" else { return nil }
    let open: Character = close == ")" ? "(" : "["
    var depth = 0
    var index = text.endIndex
    var openIndex: Substring.Index?
    while index > text.startIndex {
      index = text.index(before: index)
      if text[index] == close { depth += 1 }
      if text[index] == open {
        depth -= 1
        if depth == 0 {
          openIndex = index
          break
        }
      }
    }
    guard let openIndex else { return nil }
    let inner = text[text.index(after: openIndex)..<text.index(before: text.endIndex)]
    let caption = LayoutLine.trimmingWhitespace(text[..<openIndex])
    guard !caption.isEmpty else { return nil }
    if let (credit, rule) = CreditGrammar.prefixed(CreditGrammar.trimmedCredit(inner)) {
      return Split(caption: caption, credit: credit, rule: "caption ending in a " + rule)
    }
    let credit = String(CreditGrammar.trimmedCredit(inner))
    if credit.utf8.count <= LayoutPhrases.maximumCreditLength,
      CreditGrammar.isBracketedCredit(credit)
    {
      return Split(
        caption: caption, credit: credit, rule: "caption ending in a bracketed photo source")
    }
    if loose, LayoutLine.looksLikeBareCredit(credit), WordCount.of(caption) >= 3 {
      return Split(
        caption: caption, credit: credit, rule: "caption under a label, ending in a bracketed name")
    }
    return nil
  }

  /// `Caption. Gilbert Carrasquillo/GC Images`, `Caption. REUTERS/Name`, `Caption.
  /// Credit Name for The New York Times`, `Caption. Photo: X`: the longest tail after a
  /// sentence end that is a credit.
  private static func sentenceTail(_ line: String) -> Split? {
    let text = Substring(line)
    var index = text.startIndex
    while let stop = text[index...].firstIndex(where: { ".!?".contains($0) }) {
      let next = text.index(after: stop)
      index = next
      guard next < text.endIndex, text[next] == " " else { continue }
      let tail = text[next...].drop { $0 == " " }
      let caption = String(text[...stop])
      if let (credit, rule) = CreditGrammar.prefixed(tail) {
        return Split(caption: caption, credit: credit, rule: "caption ending in a " + rule)
      }
      if tail.hasPrefix("Credit "), CreditGrammar.readsAsCredit(tail.dropFirst(7)) {
        return Split(
          caption: caption, credit: String(tail.dropFirst(7)),
          rule: "caption ending in “Credit …”")
      }
      if CreditGrammar.isBareCredit(tail) {
        return Split(
          caption: caption, credit: String(tail), rule: "caption whose last sentence is a credit")
      }
    }
    return nil
  }

  /// `… sweat pants by FameFlynet`: a caption ending in `by` or `via` and known sources.
  private static func byTail(_ line: String) -> Split? {
    for joiner in [" by ", " via "] {
      guard let range = line.range(of: joiner, options: .backwards) else { continue }
      let tail = line[range.upperBound...]
      guard CreditGrammar.isSourcesOnly(tail) else { continue }
      let caption = LayoutLine.trimmingWhitespace(line[..<range.lowerBound])
      guard WordCount.of(caption) >= 3 else { continue }
      return Split(
        caption: caption, credit: String(tail), rule: "caption ending “\(joiner)<source>”")
    }
    return nil
  }

  /// A credit found inside a paragraph: the text before it, the credit, and the text
  /// after it (either may be empty).
  struct Inline {
    let before: String
    let credit: String
    let after: String
    let rule: String
  }

  /// The first explicit credit inside a longer line: `[Picture: Splash]`, `(Photo: X)`,
  /// or a sentence `Photograph by X.` (with the `Styled by Y.` sentences after it).
  static func inline(_ line: String) -> Inline? {
    if let found = bracketedInside(line) { return found }
    return photographSentence(line)
  }

  private static func bracketedInside(_ line: String) -> Inline? {
    let text = Substring(line)
    var searchFrom = text.startIndex
    while let open = text[searchFrom...].firstIndex(where: { $0 == "[" || $0 == "(" }) {
      searchFrom = text.index(after: open)
      let close: Character = text[open] == "[" ? "]" : ")"
      guard let end = text[searchFrom...].firstIndex(of: close) else { return nil }
      let inner = text[searchFrom..<end]
      guard let (credit, rule) = CreditGrammar.prefixed(CreditGrammar.trimmedCredit(inner)) else {
        continue
      }
      return Inline(
        before: LayoutLine.trimmingWhitespace(text[..<open]), credit: credit,
        after: LayoutLine.trimmingWhitespace(text[text.index(after: end)...]),
        rule: "bracketed " + rule + " inside a paragraph")
    }
    return nil
  }

  private static func photographSentence(_ line: String) -> Inline? {
    let lower = LowercasedLine(line)
    for opening in ["photographs by ", "photograph by ", "photography by ", "photo by "] {
      guard let offset = lower.firstOffset(of: opening) else { continue }
      let text = Substring(line)
      let start = text.utf8.index(text.startIndex, offsetBy: offset)
      // It must open a sentence: at the line's start or after a sentence end.
      let before = text[..<start]
      guard
        before.isEmpty || before.hasSuffix(". ") || before.hasSuffix("” ")
          || before.hasSuffix("? ") || before.hasSuffix("! ")
      else { continue }
      let valueStart = text.utf8.index(start, offsetBy: opening.utf8.count)
      let sentenceEnd = text[valueStart...].range(of: ". ")?.lowerBound ?? text.endIndex
      let value = CreditGrammar.trimmedCredit(text[valueStart..<sentenceEnd])
      guard CreditGrammar.readsAsCredit(value) else { continue }
      var rest = sentenceEnd < text.endIndex ? text[text.index(after: sentenceEnd)...] : ""
      rest = rest.drop { $0 == " " }
      // `Styled by Y.` and the like belong to the credit block.
      while LayoutPhrases.creditCompanions.contains(where: { rest.hasPrefix($0) }) {
        let end = rest.range(of: ". ")?.upperBound ?? rest.endIndex
        rest = rest[end...]
      }
      return Inline(
        before: LayoutLine.trimmingWhitespace(before), credit: String(value),
        after: LayoutLine.trimmingWhitespace(rest),
        rule: "sentence “\(opening)…” inside a paragraph")
    }
    return nil
  }
}
