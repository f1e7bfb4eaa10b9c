/// Reads credit text: which short pieces of text say who supplied a picture.
///
/// A credit is made of photo sources (`PhotoSources`), person names, handles, and a few
/// joining words (`/`, `;`, `for`, `via`, `courtesy of`, `File`…). A bare piece of text
/// is a credit only when every part of it is one of those and it names a source (or says
/// `courtesy`): `Tristan Fewings / Getty Images` is a credit, `Kendall took to Instagram`
/// is not, whatever it mentions. Prefixed text (`Photo: X`, `Photograph by X`) says it is
/// a credit itself.
enum CreditGrammar {
  /// The credit in text that is only a credit: `Photo Credit: X`, `(Photo: X)`,
  /// `Getty Images`, `Rex/Getty`, `Courtesy of X`; nil for anything else.
  static func wholeLine(_ line: String, in tables: ParserTables) -> (credit: String, rule: String)?
  {
    guard line.utf8.count <= LayoutPhrases.maximumCreditLineLength else { return nil }
    // Most lines are ruled out on their bytes: no credit prefix at the start (inside a
    // bracket or not), and no source, `courtesy` or slash in them.
    guard
      LayoutLine.mayStartCreditPrefix(line, skippingBrackets: true)
        || CreditScreen.mayBeCredit(line, in: tables)
    else { return nil }
    var text = Substring(line)
    if let inner = bracketed(text) {
      text = trimmedCredit(inner)
    } else if !Self.isTrimmed(line) {
      text = trimmedCredit(text)
    }
    if let credit = prefixed(text, in: tables) { return credit }
    guard isBareCredit(text, in: tables) else { return nil }
    return (String(text), "a line made only of photo sources and names")
  }

  /// Whether `trimmedCredit` would leave the line as it is, told by its end bytes: an
  /// ASCII byte other than a space, a tab (or, last, a full stop) at either end. Lines
  /// come cleaned, trimmed already; trimming them again cost 660 instructions a line.
  private static func isTrimmed(_ line: String) -> Bool {
    guard let first = line.utf8.first, let last = line.utf8.last else { return false }
    return first < 0x80 && last < 0x80 && first != 0x20 && first != 0x09 && last != 0x20
      && last != 0x09 && last != UInt8(ascii: ".")
  }

  /// Whether text is a credit on its own: only sources, names, handles and joining
  /// words, naming at least one source (or `courtesy`).
  static func isBareCredit<Text: StringProtocol>(_ text: Text, in tables: ParserTables) -> Bool {
    guard CreditScreen.mayBeCredit(text, in: tables), let reading = read(text, in: tables) else {
      return false
    }
    return reading.namesSource || reading.saysCourtesy && reading.namesSomeone
      || isPhotographerSlashOutlet(text)
  }

  /// `Maya Fenwick/Halcyon+`, `Hannah Lorrimer / Flashfeed`: a person's name, a slash and
  /// one more name, the form credits take for staff photographers and outlets the source
  /// table does not know. Names joined by `and` or commas are not credits.
  static func isPhotographerSlashOutlet<Text: StringProtocol>(_ text: Text) -> Bool {
    guard text.utf8.count <= LayoutPhrases.maximumSlashCreditLength,
      text.utf8.contains(UInt8(ascii: "/")),
      !text.utf8.contains(UInt8(ascii: ",")), !containsNumber(text)
    else { return false }
    let parts = String(text).split(separator: "/").map { LayoutLine.trimmingWhitespace($0) }
    guard parts.count == 2, !parts.contains(where: { ValidUTF8.contains($0, ascii: " and ") }),
      parts[0].split(separator: " ").count >= 2
    else { return false }
    return parts.allSatisfy(isName)
  }

  /// Whether any character is a number: an ASCII digit on the bytes, and only text with
  /// other scalars asks their properties.
  private static func containsNumber<Text: StringProtocol>(_ text: Text) -> Bool {
    let (digit, ascii) = ValidUTF8.withBytes(of: text) { bytes in
      (bytes.contains { $0 &- 0x30 < 10 }, !bytes.contains { $0 >= 0x80 })
    }
    return digit || !ascii && text.contains(where: \.isNumber)
  }

  /// Whether text reads as a credit after a prefix: sources, or a few names (a title-case
  /// headline also reads as names, so long runs of them do not count).
  static func readsAsCredit<Text: StringProtocol>(_ text: Text, in tables: ParserTables) -> Bool {
    guard let reading = read(text, in: tables) else { return false }
    return reading.namesSource || reading.saysCourtesy && reading.namesSomeone
      || reading.namesSomeone && !reading.joinsOtherThanAnd
        && reading.longestName <= LayoutPhrases.maximumPersonNameWords
        && text.split(separator: " ").count <= LayoutPhrases.maximumPhotographerWords
  }

  /// Whether a bracketed tail is a credit: a photo source or a person is named with the
  /// source (`(Netflix)` alone is where a show streams).
  static func isBracketedCredit<Text: StringProtocol>(_ text: Text, in tables: ParserTables)
    -> Bool
  {
    guard CreditScreen.mayBeCredit(text, in: tables), let reading = read(text, in: tables) else {
      return false
    }
    return reading.namesPhotoSource || reading.namesSource && reading.namesSomeone
      || reading.saysCourtesy && reading.namesSomeone || isPhotographerSlashOutlet(text)
  }

  /// Whether every part of the text is a known source.
  static func isSourcesOnly<Text: StringProtocol>(_ text: Text, in tables: ParserTables) -> Bool {
    guard CreditScreen.mayBeCredit(text, in: tables), let reading = read(text, in: tables) else {
      return false
    }
    return reading.namesSource && !reading.namesSomeone
  }

  /// What the parts of a piece of credit text are.
  struct Reading {
    var namesSource = false
    /// Whether a source other than a broadcaster or studio is named: `(Netflix)` after
    /// a sentence says where a show streams more often than who took a picture.
    var namesPhotoSource = false
    var namesSomeone = false
    var saysCourtesy = false
    /// Whether words that join headline phrases (`from`, `of`, `with`) join the parts:
    /// `Ten Looks From The Gala` reads as two names joined by `from`, but is a headline.
    var joinsOtherThanAnd = false
    /// The most words in one part: a person's name has a few, a headline more.
    var longestName = 0
  }

  /// Reads text part by part; nil as soon as a part is neither a source, a name, a
  /// handle, a web address nor a joining or role word (a sentence, in practice).
  static func read<Text: StringProtocol>(_ text: Text, in tables: ParserTables) -> Reading? {
    guard !text.isEmpty, text.utf8.count <= LayoutPhrases.maximumCreditLineLength else {
      return nil
    }
    let parts = Parts(text)
    var reading = Reading()
    for segment in parts.segments {
      let lower = segment.lowercased()
      if let source = tables.sources.source(spelled: lower) {
        reading.namesSource = true
        if source.kind != .broadcaster { reading.namesPhotoSource = true }
      } else if LayoutPhrases.creditRoleWords.contains(lower) {
        continue
      } else if lower == "courtesy" {
        reading.saysCourtesy = true
      } else if isHandleOrAddress(segment) || isName(segment) {
        reading.namesSomeone = true
      } else {
        return nil
      }
    }
    guard parts.words > 0, parts.words <= LayoutPhrases.maximumCreditWords else { return nil }
    reading.joinsOtherThanAnd = parts.joinsHeadlineWords
    reading.longestName = parts.longestSegment
    return reading
  }

  /// The parts of credit text: split at `/ ; , | : •` and dashes, then at joining words
  /// (`for`, `via`, `by`, `from`, `and`, `&`, `with`, `of`), each trimmed. `courtesy` is
  /// kept as a part of its own, so that it can be told apart.
  static func segments<Text: StringProtocol>(of text: Text) -> [String] {
    Parts(text).segments
  }

  /// Credit text cut into parts on its bytes (the separators and joining words are
  /// ASCII, or the UTF-8 of `•`, `–` and `—`), with what the reading needs to know of
  /// the words between them.
  struct Parts {
    private(set) var segments: [String] = []
    /// Every word of the text but the separators.
    private(set) var words = 0
    /// The most words in one part.
    private(set) var longestSegment = 0
    /// Whether `from`, `of`, `with`… joined parts (see `Reading.joinsOtherThanAnd`).
    private(set) var joinsHeadlineWords = false

    init<Text: StringProtocol>(_ text: Text) {
      ValidUTF8.withBytes(of: text) { bytes in
        var segmentStart = -1
        var segmentEnd = -1
        var segmentWords = 0
        func flush() {
          if segmentStart >= 0 {
            let part = String(
              decoding: UnsafeBufferPointer(rebasing: bytes[segmentStart..<segmentEnd]),
              as: UTF8.self)
            let trimmed = String(CreditGrammar.trimmedCredit(Substring(part)))
            if !trimmed.isEmpty {
              segments.append(trimmed)
              longestSegment = max(longestSegment, segmentWords)
            }
          }
          segmentStart = -1
          segmentWords = 0
        }
        var index = 0
        while index < bytes.count {
          let separatorLength = Self.separatorLength(bytes, at: index)
          if separatorLength > 0 {
            flush()
            index += separatorLength
            continue
          }
          if bytes[index] == 0x20 {
            index += 1
            continue
          }
          var end = index
          while end < bytes.count, bytes[end] != 0x20, Self.separatorLength(bytes, at: end) == 0 {
            end += 1
          }
          let word = UnsafeBufferPointer(rebasing: bytes[index..<end])
          words += 1
          if let joiner = Self.joiner(word) {
            flush()
            if joiner == .courtesy {
              segments.append("courtesy")
            } else if joiner == .headline {
              joinsHeadlineWords = true
            }
          } else {
            if segmentStart < 0 { segmentStart = index }
            segmentEnd = end
            segmentWords += 1
          }
          index = end
        }
        flush()
      }
    }

    private enum Joiner { case plain, headline, courtesy }

    /// Whether the word joins parts rather than belonging to one, and how.
    private static func joiner(_ word: UnsafeBufferPointer<UInt8>) -> Joiner? {
      guard word.count <= 8 else { return nil }
      let key = packedLowercase(word)
      if key == courtesyKey { return .courtesy }
      guard joiningKeys.contains(key) else { return nil }
      return headlineJoiningKeys.contains(key) ? .headline : .plain
    }

    /// A word of up to eight bytes, ASCII letters lowered, as one number: every word of
    /// every credit is looked up, and the joining words are few and short.
    private static func packedLowercase(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
      word.reduce(0) { $0 << 8 | UInt64(ValidUTF8.asciiLowercased($1)) }
    }

    private static func packedLowercase(_ word: String) -> UInt64 {
      var word = word
      return word.withUTF8 { packedLowercase($0) }
    }

    private static let courtesyKey = packedLowercase("courtesy")
    private static let joiningKeys = LayoutPhrases.creditJoiningWords.map(packedLowercase)
    private static let headlineJoiningKeys = LayoutPhrases.headlineJoiningWords.map(
      packedLowercase)

    /// How many bytes a separator takes at `index` (0 when there is none there).
    private static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
      switch bytes[index] {
      case UInt8(ascii: "/"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "|"),
        UInt8(ascii: ":"):
        return 1
      case 0xE2:
        // `•` E2 80 A2, `–` E2 80 93, `—` E2 80 94.
        guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return 0 }
        return [0xA2, 0x93, 0x94].contains(bytes[index + 2]) ? 3 : 0
      default:
        return 0
      }
    }
  }

  /// A person's or organisation's name: up to a few words, each capitalised, all in
  /// capitals, an initial, a number, or a lowercase particle (`de`, `van`, `in`…).
  static func isName(_ segment: String) -> Bool {
    if let decided = isNameOnBytes(segment) { return decided }
    let words = segment.split(separator: " ")
    guard !words.isEmpty, words.count <= LayoutPhrases.maximumNameWords else { return false }
    var capitalised = 0
    for word in words {
      guard let first = word.unicodeScalars.first else { return false }
      if first.properties.isUppercase || first.properties.numericType != nil {
        capitalised += 1
      } else if !LayoutPhrases.nameParticles.contains(word.lowercased()) {
        return false
      }
      guard word.allSatisfy({ $0.isLetter || $0.isNumber || ".'’-+!".contains($0) }),
        !word.hasSuffix(".") || isAbbreviation(word)
      else { return false }
    }
    return capitalised > 0
  }

  /// `isName` decided on the bytes: every word starts with a capital or a digit or is a
  /// particle, holds only letters, digits, `.'-+!` and non-ASCII scalars (taken for
  /// letters), and ends in a full stop only as an abbreviation.
  private static func isNameOnBytes(_ segment: String) -> Bool? {
    ValidUTF8.withBytes(of: segment) { bytes -> Bool? in
      var words = 0
      var capitalised = 0
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != 0x20 { end += 1 }
        if end > start {
          words += 1
          let word = bytes[start..<end]
          let first = word.first!
          if first >= 0x80 {
            // A word that starts beyond ASCII: its first scalar decides.
            let scalar = ValidUTF8.scalar(in: bytes, at: start).scalar
            guard scalar.properties.isUppercase || scalar.properties.numericType != nil else {
              return false
            }
            capitalised += 1
          } else if first &- 0x41 < 26 || first &- 0x30 < 10 {
            capitalised += 1
          } else {
            let lower = String(decoding: word.lazy.map(ValidUTF8.asciiLowercased), as: UTF8.self)
            guard LayoutPhrases.nameParticles.contains(lower) else { return false }
          }
          guard
            word.allSatisfy({
              ValidUTF8.isASCIILetterOrDigit($0) || $0 == 0x2E || $0 == 0x27 || $0 == 0x2D
                || $0 == 0x2B || $0 == 0x21 || $0 >= 0x80
            })
          else { return false }
          if word.last == 0x2E,
            !isAbbreviation(String(decoding: word, as: UTF8.self))
          {
            return false
          }
        }
        start = end + 1
      }
      return words > 0 && words <= LayoutPhrases.maximumNameWords && capitalised > 0
    }
  }

  /// A word whose full stop is part of it: an initial (`J.`, `J.R.`), a title (`Ms.`,
  /// `Dr.`), or an abbreviation a credit may end with (`Ltd.`, `Bros.`). A longer word
  /// ending in a full stop ends a sentence (`Crane.` in `Jonah Crane. Photographer/GC`).
  static func isAbbreviation<Word: StringProtocol>(_ word: Word) -> Bool {
    let letters = word.filter { $0 != "." }
    return letters.count <= 3 || word.dropLast().contains(".")
      || LayoutPhrases.creditAbbreviations.contains(word.lowercased())
  }

  /// `@handle` or a bare web address such as `instagram.com`.
  static func isHandleOrAddress(_ segment: String) -> Bool {
    let bytes = segment.utf8
    guard !bytes.contains(0x20), let first = bytes.first else { return false }
    if first == UInt8(ascii: "@") { return bytes.count > 1 }
    return bytes.contains(UInt8(ascii: ".")) && segment.first!.isLetter && segment.last!.isLetter
      && segment.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
  }

  /// The inside of text wrapped in `( )` or `[ ]`, or nil.
  static func bracketed(_ text: Substring) -> Substring? {
    // A bracket `Character` at either end is that byte there: most lines fail on bytes,
    // before their `Character`s are counted.
    guard let firstByte = text.utf8.first, firstByte == 0x28 || firstByte == 0x5B,
      let lastByte = text.utf8.last, lastByte == 0x29 || lastByte == 0x5D
    else { return nil }
    guard let first = text.first, let last = text.last, text.count >= 2 else { return nil }
    guard (first == "(" && last == ")") || (first == "[" && last == "]") else { return nil }
    return text.dropFirst().dropLast()
  }

  /// Credit text without spaces at its ends and without one trailing full stop (kept
  /// when it ends an abbreviation such as `Ltd.` or `Bros.`, which `isName` accepts).
  static func trimmedCredit(_ text: Substring) -> Substring {
    var trimmed = LayoutLine.trimmedWhitespace(text)
    // The byte test first: `hasSuffix` compares `Character`s.
    if trimmed.utf8.last == UInt8(ascii: "."), trimmed.hasSuffix("."),
      !endsWithAbbreviation(trimmed)
    {
      trimmed = trimmed.dropLast()
    }
    return LayoutLine.trimmedWhitespace(trimmed)
  }

  static func endsWithAbbreviation(_ text: Substring) -> Bool {
    guard let lastWord = text.split(whereSeparator: { " /".contains($0) }).last else {
      return false
    }
    return LayoutPhrases.creditAbbreviations.contains(lastWord.lowercased())
  }
}
