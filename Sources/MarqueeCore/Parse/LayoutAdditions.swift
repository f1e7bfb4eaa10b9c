/// Photo sources and furniture phrases a user adds to the built-in tables
/// (`PhotoSources.table`, `FurniturePhrases.table`) for sites those do not know yet: the
/// config file's `[layout]`. They reach the parser through `LoadOptions.layout`, as a
/// `ParserTables` built once per load.
///
/// Entries are checked and normalised as they are added, so that every one the parser
/// gets is one it can use: spellings and phrases are compared with lowered text, and a
/// phrase with no letter or digit would match lines of punctuation.
public struct LayoutAdditions: Sendable, Equatable {
  public private(set) var sources: [PhotoSources.Source] = []
  public private(set) var furniture: [FurniturePhrases.Phrase] = []

  public init() {}

  public var isEmpty: Bool { sources.isEmpty && furniture.isEmpty }

  /// Why an entry cannot be added, said so that the user can fix it.
  public struct Rejection: Error, Equatable {
    public let reason: String

    public init(reason: String) {
      self.reason = reason
    }
  }

  /// The fewest bytes a `contains` phrase may have: shorter ones turn up inside
  /// ordinary words, and the phrase index samples lines at a step this length sets.
  public static let shortestContainedPhrase = 6

  /// Adds a source under `name` (as `credits --by source` groups it), credited as any of
  /// `spellings` (compared ignoring case).
  public mutating func addSource(
    name: String, spellings: [String], kind: PhotoSources.Kind
  ) throws(Rejection) {
    let name = Self.collapsingSpaces(name)
    guard !name.isEmpty else { throw Rejection(reason: "a credit source needs a name") }
    let spellings = spellings.map { Self.collapsingSpaces($0).lowercased() }
    guard !spellings.isEmpty else {
      throw Rejection(reason: "\(name) needs a spelling: how credits write it")
    }
    if let bad = spellings.first(where: { !Self.hasLetterOrDigit($0) }) {
      throw Rejection(reason: "“\(bad)” is no spelling of a source: it needs a letter or a digit")
    }
    var unique: [String] = []
    for spelling in spellings where !unique.contains(spelling) { unique.append(spelling) }
    sources.append(PhotoSources.Source(name: name, spellings: unique, kind: kind))
  }

  /// Adds a furniture phrase: lines it matches as `match` says are dropped as `kind`.
  public mutating func addFurniture(
    _ phrase: String, match: FurniturePhrases.Match, kind: FurnitureKind
  ) throws(Rejection) {
    // Lines are matched with their ASCII letters lowered (`LowercasedLine`).
    let phrase = String(
      decoding: Self.collapsingSpaces(phrase).utf8.map(ValidUTF8.asciiLowercased), as: UTF8.self)
    guard Self.hasLetterOrDigit(phrase) else {
      throw Rejection(
        reason: phrase.isEmpty
          ? "a furniture phrase cannot be empty: write the line to drop"
          : "“\(phrase)” is no furniture phrase: it needs a letter or a digit")
    }
    if match == .contains, phrase.utf8.count < Self.shortestContainedPhrase {
      throw Rejection(
        reason: "“\(phrase)” is too short to match anywhere in a line: a contains phrase needs "
          + "\(Self.shortestContainedPhrase) characters or more")
    }
    furniture.append(FurniturePhrases.Phrase(phrase: phrase, match: match, kind: kind))
  }

  /// The text with no white space at its ends and single spaces inside, as the tables
  /// write their entries.
  private static func collapsingSpaces(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  private static func hasLetterOrDigit(_ text: String) -> Bool {
    text.contains { $0.isLetter || $0.isNumber }
  }
}
