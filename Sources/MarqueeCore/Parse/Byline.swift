import Foundation

/// An article's byline: who wrote it, and the date when the same line gives one.
///
/// Shapes seen on real pages: `By X`, `By X and Y`, `BY X FOR SITE`, `By X, Staff
/// Writer`, `By X / June 3, 2025`, `By X | Site`, `X · 3 min read`, `Posted on DATE by X`,
/// `Published DATE by X`, `Written by X`. The names must read as names: `By now, …` and
/// `By the time …` are sentences.
struct Byline: Hashable {
  let authors: String
  let date: DateLine?
  let rule: String
  /// Whether the byline counts wherever it stands (`Posted by X` closes many blog posts);
  /// a bare `By X` counts only near the top, since teaser cards carry them too.
  var anywhere = false

  static let maximumLength = 150

  /// `FurniturePhrases.bylineOpenings` with their bytes.
  private static let openings = FurniturePhrases.bylineOpenings.map { ($0, Array($0.utf8)) }

  static func read(_ line: String, in tables: ParserTables) -> Byline? {
    let lower = LowercasedLine(line)
    return read(line, lower: lower, hits: tables.phrases.scan(lower.bytes))
  }

  /// `read` for a line whose lowercased bytes and phrases are at hand.
  static func read(_ line: String, lower: LowercasedLine, hits: PhraseIndex.Hits) -> Byline? {
    guard line.utf8.count <= maximumLength, let first = line.utf8.first, first < 0x80,
      ValidUTF8.isASCIILetterOrDigit(first)
    else { return nil }
    let text = Substring(line)
    for (opening, bytes) in openings where lower.startsWithWord(bytes) {
      let rest = text.dropFirst(opening.count).drop { $0 == " " || $0 == ":" }
      if var byline = names(rest, rule: "byline “\(opening) …”") {
        byline.anywhere = opening != "by"
        return byline
      }
    }
    // `Posted on June 3, 2025 by X`, `Published June 3, 2025 by X`.
    if let by = lower.firstOffset(of: " by "), let date = DateLine.read(text.utf8Prefix(by)) {
      let rest = text.utf8Dropping(by + 4)
      if let byline = names(rest, rule: "date line ending “by …”") {
        return Byline(authors: byline.authors, date: date, rule: byline.rule, anywhere: true)
      }
    }
    // `Jane Doe · 4 min read · Mar 4, 2025`.
    if hits.contains(.readingTime) {
      let parts = text.split(whereSeparator: { "·|•–—".contains($0) }).map {
        LayoutLine.trimmingWhitespace($0)
      }
      guard parts.count >= 2,
        var byline = names(Substring(parts[0]), rule: "name before a reading time")
      else { return nil }
      byline.anywhere = true
      return Byline(
        authors: byline.authors,
        date: parts.dropFirst().lazy.compactMap { DateLine.read($0) }.first,
        rule: byline.rule, anywhere: true)
    }
    return nil
  }

  /// A line that is only a person's name (two to four capitalised words), as some
  /// pages print the author under the title with no `By`.
  static func isBareName(_ line: String) -> Bool {
    guard line.utf8.count <= 40 else { return false }
    let words = line.utf8.split(separator: 0x20).map(Substring.init)
    guard (2...4).contains(words.count) else { return false }
    return CreditGrammar.isName(line) && !startsWithNonName(line)
      && words.allSatisfy { $0.first?.isUppercase ?? false }
  }

  /// The names at the start of `text`, with what may follow them: a date, a site, a
  /// staff role or a reading time after `/ | · – —`, `, ` or ` on `.
  private static func names(_ text: Substring, rule: String) -> Byline? {
    var namesPart = text
    var date: DateLine?
    if let cut = namesPart.firstIndex(where: { "/|·•–—".contains($0) }) {
      let tail = namesPart[namesPart.index(after: cut)...].drop { $0 == " " }
      date = DateLine.read(tail)
      namesPart = namesPart[..<cut]
    } else if let dash = namesPart.range(of: " - ") {
      date = DateLine.read(namesPart[dash.upperBound...])
      namesPart = namesPart[..<dash.lowerBound]
    }
    if let on = namesPart.range(of: " on "), let onDate = DateLine.read(namesPart[on.upperBound...])
    {
      date = date ?? onDate
      namesPart = namesPart[..<on.lowerBound]
    }
    if let forSite = namesPart.range(of: " for ", options: .caseInsensitive) {
      namesPart = namesPart[..<forSite.lowerBound]
    }
    // `By X, Staff Writer`, `By X, June 3, 2025`, `By X, Y and Z`.
    var names: [Substring] = []
    for (index, part) in namesPart.split(separator: ",").enumerated() {
      let part = part.drop { $0 == " " }
      if index > 0, let partDate = DateLine.read(namesPart[part.startIndex...]) {
        date = date ?? partDate
        break
      }
      if index > 0, isStaffLine(String(part)) { break }
      names.append(part)
    }
    let people = names.flatMap { $0.components(separatedBy: " and ") }
      .flatMap { $0.components(separatedBy: " AND ") }
      .flatMap { $0.components(separatedBy: " & ") }
      .map { LayoutLine.trimmingWhitespace(Substring($0)) }
    guard !people.isEmpty,
      people.allSatisfy({ !$0.isEmpty && CreditGrammar.isName($0) && !startsWithNonName($0) })
    else { return nil }
    let authors = LayoutLine.trimmingWhitespace(
      namesPart[..<(names.last?.endIndex ?? namesPart.endIndex)])
    return Byline(authors: authors, date: date, rule: rule)
  }

  /// Capitalised words that open sentences, not names (`By The Way`, `By Monday`).
  private static func startsWithNonName(_ name: String) -> Bool {
    let first = name.split(separator: " ").first.map { $0.lowercased() } ?? ""
    return FurniturePhrases.notNames.contains(first) || CalendarDay.weekdays.contains(first)
      || CalendarDay.months[first] != nil
  }

  /// A short line of capitalised words naming a job (`Senior Film Reporter`), as trade
  /// papers print under a byline.
  private static let longestStaffWord = FurniturePhrases.staffWords.map(\.utf8.count).max()!

  static func isStaffLine(_ line: String) -> Bool {
    // A job title has no sentence punctuation; most lines are ruled out on that.
    // The job comes last (`Senior Film Reporter`, `Flashfeed Staff`): where it starts, in
    // bytes, unless the line is too long or holds a full stop or comma.
    let lastWordStart = ValidUTF8.withBytes(of: line) { bytes -> Int? in
      guard bytes.count <= 60, !bytes.contains(where: { $0 == 0x2E || $0 == 0x2C }) else {
        return nil
      }
      let start = (bytes.lastIndex(of: 0x20) ?? -1) + 1
      return start < bytes.count && bytes.count - start <= longestStaffWord ? start : nil
    }
    guard let lastWordStart else { return false }
    let lastWord = Substring(line.utf8.dropFirst(lastWordStart))
    guard FurniturePhrases.staffWords.contains(lastWord.lowercased()) else { return false }
    return CreditGrammar.isName(line) || line.split(separator: " ").count <= 3
  }
}

extension Substring {
  /// The first `count` UTF-8 bytes (on a scalar boundary, as byte offsets found by
  /// searching for ASCII are).
  func utf8Prefix(_ count: Int) -> Substring {
    Substring(utf8.prefix(count))
  }

  func utf8Dropping(_ count: Int) -> Substring {
    Substring(utf8.dropFirst(count))
  }
}
