import Foundation

/// A date as a page writes it (`June 3, 2025`, `Published: 10:14 BST, 3 June 2025`,
/// `2025-06-03T09:14:00Z`, `Tue 3 Jun 2025 10.14 BST`), and the calendar day it names
/// when that can be read without guessing.
public struct DateLine: Sendable, Hashable {
  /// The date as written, without a label such as `Published:` or a second `| Updated …`
  /// date after it.
  public let text: String
  /// `YYYY-MM-DD`, when the text names a year, a month and a day unambiguously (month
  /// names and ISO dates do; `06/03/2025` could be March or June, so it stays nil).
  public let iso: String?

  /// Reads a line (or part of one) that is only a date, with an optional label; nil for
  /// anything else, so a sentence that mentions a date is never taken for one.
  public static func read<Text: StringProtocol>(_ line: Text) -> DateLine? {
    guard line.utf8.count <= maximumLength, let first = line.utf8.first,
      first < 0x80, ValidUTF8.isASCIILetterOrDigit(first) || first == UInt8(ascii: "("),
      ValidUTF8.withBytes(of: line, { $0.contains { $0 &- 0x30 < 10 } }), mayOpenADate(line)
    else { return nil }
    var text = Substring(line)
    text = dropLabel(from: text)
    if let bar = text.firstIndex(where: { "|;".contains($0) }) {
      let after = dropLabel(from: text[text.index(after: bar)...].drop { $0 == " " })
      // `Published: X | Updated: Y`: the first date is the date; anything else after the
      // bar makes it no date line.
      guard read(after) != nil || after.isEmpty else { return nil }
      text = text[..<bar]
    }
    text = LayoutLine.trimmedWhitespace(text)
    if text.hasPrefix("("), text.hasSuffix(")") { text = text.dropFirst().dropLast() }
    if isRelative(text) { return DateLine(text: String(text), iso: nil) }
    guard let day = CalendarDay(text) else { return nil }
    return DateLine(text: String(text), iso: day.iso)
  }

  static let maximumLength = 110

  /// Whether the first word could open a date line: a number, a month, a weekday or a
  /// label such as `Published`. Rules out nearly every other line without tokenizing.
  private static func mayOpenADate<Text: StringProtocol>(_ line: Text) -> Bool {
    // On the bytes: a hash over `String.UTF8View` cost forty instructions a byte.
    let opening = ValidUTF8.withBytes(of: line) {
      bytes -> (first: UInt8?, hash: UInt64, lower: [UInt8]) in
      let length = bytes.prefix { ValidUTF8.isASCIILetterOrDigit($0) }.count
      guard length > 0 else { return (nil, 0, []) }
      let word = UnsafeBufferPointer(rebasing: bytes[..<min(length, 12)])
      let hash = HashFilter.lowercaseHash(word)
      return (
        bytes[0], hash, openingFilter.contains(hash) ? word.map(ValidUTF8.asciiLowercased) : []
      )
    }
    guard let first = opening.first else { return line.utf8.first == UInt8(ascii: "(") }
    if first &- 0x30 < 10 { return true }
    guard openingFilter.contains(opening.hash) else { return false }
    let lower = String(decoding: opening.lower, as: UTF8.self)
    return CalendarDay.months[lower] != nil || CalendarDay.weekdays.contains(lower)
      || openingWords.contains(lower)
  }

  /// Every word `mayOpenADate` looks up, as a filter that rules most words out first.
  private static let openingFilter = HashFilter(
    (Array(CalendarDay.months.keys) + Array(CalendarDay.weekdays) + Array(openingWords)).map {
      HashFilter.lowercaseHash($0)
    })

  /// The first words of the labels a date line may open with.
  private static let openingWords = Set(
    FurniturePhrases.dateLabels.compactMap { $0.split(separator: " ").first }.map {
      String($0.filter(\.isLetter))
    })

  /// Midnight UTC of a `YYYY-MM-DD` day.
  static func parseISODay(_ iso: String) -> Date? {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
  }

  /// `2 hours ago`, `5 mins ago`: a date as pages print it for a while after publishing.
  private static func isRelative(_ text: Substring) -> Bool {
    let words = text.lowercased().split(separator: " ")
    guard words.count == 3, Int(words[0]) != nil, words[2] == "ago" else { return false }
    return relativeUnits.contains(String(words[1]))
  }

  private static let relativeUnits: Set<String> = [
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours",
    "hr", "hrs", "day", "days", "week", "weeks",
  ]

  private static func dropLabel(from text: Substring) -> Substring {
    for label in FurniturePhrases.dateLabels {
      if let rest = LayoutLine.dropPrefixIgnoringCase(label, from: text),
        rest.first == " " || label.hasSuffix(":")
      {
        return rest.drop { $0 == " " || $0 == ":" }
      }
    }
    return text
  }
}

/// The day a short date text names, read token by token: month and weekday names, day
/// numbers, a year, times, zones and joining punctuation, and nothing else.
struct CalendarDay {
  var year: Int?
  var month: Int?
  var day: Int?
  /// Whether the day and month came from a numeric form such as `06/03/2025`.
  var ambiguous = false

  var iso: String? {
    guard let year, let month, let day, !ambiguous else { return nil }
    let pad = { (number: Int) in number < 10 ? "0\(number)" : "\(number)" }
    return "\(year)-\(pad(month))-\(pad(day))"
  }

  init?<Text: StringProtocol>(_ text: Text) {
    let tokens = Self.tokens(text)
    guard !tokens.isEmpty else { return nil }
    if let iso = Self.isoDate(tokens) {
      self = iso
      return
    }
    if let numeric = Self.numericDate(tokens) {
      self = numeric
      return
    }
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      let lower = token.lowercased()
      defer { index += 1 }
      if let month = Self.months[lower] {
        guard self.month == nil else { return nil }
        self.month = month
      } else if Self.weekdays.contains(lower) || Self.zones.contains(lower)
        || Self.fillers.contains(lower)
      {
        continue
      } else if let number = Int(token) {
        let next = index + 1 < tokens.count ? tokens[index + 1] : ""
        if index > 0, ["+", "-"].contains(tokens[index - 1]) {
          // A zone offset: `GMT+1`, `-0500`, `+05:00`.
          if next == ":" { index += 2 }
        } else if next == ":"
          || (next == "." && index + 2 < tokens.count && Int(tokens[index + 2]) != nil)
        {
          // A time: `10:14`, `10.14`, `4:15:00`; skip its minutes (and seconds).
          index += 2
          while index + 2 < tokens.count, tokens[index + 1] == ":", Int(tokens[index + 2]) != nil {
            index += 2
          }
        } else if token.count == 4, (1900...2100).contains(number), year == nil {
          year = number
        } else if token.count <= 2, (1...31).contains(number), day == nil {
          if Self.ordinals.contains(next.lowercased()) {
            day = number
            index += 1
          } else if !Self.meridiems.contains(next.lowercased()) {
            day = number
          }
        } else if token.count <= 2, Self.meridiems.contains(next.lowercased()) {
          continue
        } else {
          return nil
        }
      } else if Self.meridiems.contains(lower) || Self.joiners.contains(token)
        || Self.isNumericZone(token)
      {
        continue
      } else {
        return nil
      }
    }
    // A date needs a month with a day or a year; a time alone is no date.
    guard month != nil, day != nil || year != nil else { return nil }
  }

  private init(year: Int?, month: Int?, day: Int?, ambiguous: Bool) {
    self.year = year
    self.month = month
    self.day = day
    self.ambiguous = ambiguous
  }

  /// `2025-06-03`, optionally followed by `T09:14:00Z`, a time or a zone.
  private static func isoDate(_ tokens: [String]) -> CalendarDay? {
    guard tokens.count >= 5, tokens[0].count == 4, let year = Int(tokens[0]), tokens[1] == "-",
      tokens[2].count == 2, let month = Int(tokens[2]), tokens[3] == "-",
      let day = Int(tokens[4].prefix(2)), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    // What follows the day must be a time and zone: digits and `T : . + - Z`.
    let rest = tokens[4].dropFirst(2) + tokens.dropFirst(5).joined()
    guard rest.allSatisfy({ $0.isNumber || "T:.+-Z ".contains($0) }) else { return nil }
    return CalendarDay(year: year, month: month, day: day, ambiguous: false)
  }

  /// `06/03/2025`, `3.6.2025`: a date, but which number is the month is a guess.
  private static func numericDate(_ tokens: [String]) -> CalendarDay? {
    guard tokens.count >= 5, tokens[1] == tokens[3], ["/", "."].contains(tokens[1]),
      let first = Int(tokens[0]), let second = Int(tokens[2]), let year = Int(tokens[4]),
      tokens[0].count <= 2, tokens[2].count <= 2, [2, 4].contains(tokens[4].count),
      (1...31).contains(first), (1...31).contains(second)
    else { return nil }
    let rest = tokens.dropFirst(5)
    guard
      rest.allSatisfy({
        Int($0) != nil || ":.,".contains($0) || meridiems.contains($0.lowercased())
          || zones.contains($0.lowercased()) || fillers.contains($0.lowercased())
      })
    else { return nil }
    return CalendarDay(year: year, month: nil, day: nil, ambiguous: true)
  }

  /// Runs of letters (with `.` and `!` kept on abbreviations such as `a.m.`), runs of
  /// digits, and single punctuation characters; spaces separate.
  static func tokens<Text: StringProtocol>(_ text: Text) -> [String] {
    var tokens: [String] = []
    var current = ""
    var currentIsLetters = false
    func flush() {
      if !current.isEmpty { tokens.append(current) }
      current = ""
    }
    for character in text {
      if character.isLetter {
        if !currentIsLetters { flush() }
        currentIsLetters = true
        current.append(character)
      } else if character.isNumber, character.isASCII {
        if currentIsLetters && !current.allSatisfy(\.isNumber) { flush() }
        currentIsLetters = false
        current.append(character)
      } else if character == ".", currentIsLetters, !current.isEmpty {
        current.append(character)
      } else {
        flush()
        currentIsLetters = false
        if character != " " { tokens.append(String(character)) }
      }
    }
    flush()
    // `4:15pm`: letters glued to digits were split above; `3rd` stays one token.
    return tokens.map {
      $0.hasSuffix(".") && $0.count > 2 && !meridiems.contains($0.lowercased())
        ? String($0.dropLast()) : $0
    }
  }

  private static func isNumericZone(_ token: String) -> Bool {
    token == "+" || token == "-"
  }

  static let months: [String: Int] = {
    let names = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
    ]
    var table: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      table[name] = index + 1
      table[String(name.prefix(3))] = index + 1
    }
    table["sept"] = 9
    return table
  }()

  static let weekdays: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  ]
  static let zones: Set<String> = [
    "et", "pt", "ct", "mt", "est", "edt", "pst", "pdt", "cst", "cdt", "mst", "mdt", "bst",
    "gmt", "utc", "cet", "cest", "aest", "aedt", "ist", "z", "hst", "akst", "akdt",
  ]
  static let meridiems: Set<String> = ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"]
  static let ordinals: Set<String> = ["st", "nd", "rd", "th"]
  static let fillers: Set<String> = ["at", "of", "the", "on"]
  static let joiners: Set<String> = [",", "|", "·", "-", "–", "—", "/", "(", ")", "•", "+", ":"]
}
