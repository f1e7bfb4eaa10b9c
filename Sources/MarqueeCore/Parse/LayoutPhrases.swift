/// The words scraped entertainment pages use around their images, their bylines and
/// their site furniture.
///
/// Kept as data in one place: when a new site uses another phrase, this file (or
/// `PhotoSources.swift`, for a new photo agency) is the only one to change. Phrases are
/// lowercase ASCII and compared ignoring case. Each group says where it was seen.
public enum LayoutPhrases {
  // MARK: Credits

  /// A prefix that says the text after it is a credit. `needsColon`: `Photo: X` but
  /// `Photo by X`. `strong`: anything after it is the credit; after a weak prefix the
  /// rest must read as names or sources (`Photos: See the looks` is a teaser).
  public struct CreditPrefix: Sendable {
    public let phrase: String
    /// The phrase's bytes, for matching on bytes.
    let phraseBytes: [UInt8]
    public let needsColon: Bool
    public let strong: Bool
    /// What `--explain` says of a credit after it, made once rather than per line.
    public let rule: String

    init(phrase: String, needsColon: Bool, strong: Bool) {
      self.phrase = phrase
      phraseBytes = Array(phrase.utf8)
      self.needsColon = needsColon
      self.strong = strong
      rule = "credit after the prefix “\(phrase)”"
    }
  }

  /// Seen on weeklies (`Image Credit:`, `Photo:`), tabloids (`Picture:`), magazines
  /// (`Photograph by`), blogs (`Image via`). Longest first, so `Photo Credit:` wins over
  /// `Photo:` and `Photographs by` over `Photograph by`.
  public static let creditPrefixes: [CreditPrefix] = [
    ("image credits", true, true), ("image credit", true, true), ("photo credits", true, true),
    ("photo credit", true, true), ("picture credit", true, true), ("photos courtesy", false, true),
    ("photo courtesy", false, true), ("image courtesy", false, true),
    ("photographs by", false, true), ("photograph by", false, true),
    ("photography by", false, true), ("photography", true, false), ("photographs", true, false),
    ("photograph", true, false), ("pictures by", false, true), ("picture by", false, true),
    ("photos by", false, true), ("photo by", false, true), ("images by", false, true),
    ("image by", false, true), ("images via", false, false), ("image via", false, false),
    ("photos via", false, false), ("photo via", false, false), ("credits", true, true),
    ("credit", true, true), ("pictures", true, false), ("picture", true, false),
    ("photos", true, false), ("photo", true, false), ("images", true, false),
    ("image", true, false), ("pics", true, false), ("pic", true, false),
  ].map { CreditPrefix(phrase: $0.0, needsColon: $0.1, strong: $0.2) }
    .sorted { $0.phrase.utf8.count > $1.phrase.utf8.count }

  static let creditPrefixStarts = creditPrefixes.map(\.phrase)

  /// Joining words inside a credit (`Kevin Mazur/Getty Images for TIME`, `Name via
  /// Instagram`, `Left, by X; Right, from Y`): they split it into parts and are not parts.
  static let creditJoiningWords: Set<String> = [
    "for", "via", "by", "from", "and", "&", "with", "of", "both", "all", "+",
  ]

  // The characters that split a credit into parts (`/ ; , | :` and `• – —`) are read on
  // the bytes, in `CreditGrammar.Parts`.

  /// Words that may stand in a credit without naming anyone (`REUTERS/Name/File Photo`,
  /// `AP Photo/Name, File`, `Handout via Reuters`).
  static let creditRoleWords: Set<String> = [
    "left", "right", "top", "bottom", "above", "below", "centre", "center", "main", "inset",
    "clockwise", "file", "file photo", "photo", "photos", "pictures", "images", "image",
    "handout", "pool", "stringer", "staff", "screenshot", "screengrab", "screen grab",
    "composite", "illustration", "supplied", "publicity", "press", "still", "stills",
    "archive", "collection", "video", "photo illustration", "pool photo", "contributor",
    "top left", "top right", "bottom left", "bottom right", "far left", "far right",
  ]

  /// Lowercase words that belong inside names (`Hand in Hand`, `Ludwig van Beethoven`).
  static let nameParticles: Set<String> = [
    "de", "van", "von", "der", "den", "da", "di", "del", "della", "du", "la", "le", "los",
    "las", "y", "e", "in", "of", "the", "bin", "al", "el", "ter", "dos", "das", "st.",
  ]

  /// Abbreviations whose full stop belongs to a credit (`RON GALELLA, LTD./WIREIMAGE`).
  static let creditAbbreviations: Set<String> = [
    "ltd.", "inc.", "co.", "bros.", "jr.", "sr.", "corp.", "llc.",
  ]

  /// Sentences that follow a photographer's credit in magazines and belong to it
  /// (`Photograph by X. Styled by Y.`).
  static let creditCompanions = [
    "Styled by ", "Styling by ", "Hair by ", "Makeup by ", "Make-up by ", "Grooming by ",
    "Hair and makeup by ", "Set design by ", "Produced by ",
  ]

  /// The longest text taken as a credit, and as a line made only of credit.
  static let maximumCreditLength = 120
  static let maximumCreditLineLength = 160
  static let maximumCreditWords = 24
  /// The most words a credit naming only people may have (`Mert Alas and Marcus
  /// Piggott`): longer title-case text is a headline.
  static let maximumPhotographerWords = 7
  /// Joining words that credits naming only people do not use (`X and Y`, `X for The
  /// New York Times` do; `Ten Looks From The Gala` is a headline).
  static let headlineJoiningWords: Set<String> = ["from", "of", "with", "by", "both", "all"]
  /// The most words a person's name has in a credit naming only people.
  static let maximumPersonNameWords = 4
  /// The longest `Person Name / Outlet` line taken as a credit without a known source.
  static let maximumSlashCreditLength = 48
  /// The most words one name may have in a credit or byline.
  static let maximumNameWords = 6
  /// The longest caption whose last sentence may be a credit (`Name at the premiere.
  /// Gilbert Carrasquillo/GC Images`): longer text is a paragraph.
  static let maximumCaptionLength = 400
  /// How far into a line a tabloid caption's kicker may end (`Smiling through:`).
  static let longestKicker = 32
  /// The longest sentence taken as the caption of a credit line right under it.
  static let maximumCaptionAboveCredit = 250

  /// Title-case words that end names in labels but start headline phrases: a label line
  /// of names ending in a source holds none of them (`Ben Affleck Jen Garner Getty Images`
  /// does; `Kim Shares Photo On Getty` does not).
  static let headlineWords: Set<String> = [
    "on", "in", "at", "with", "to", "for", "is", "are", "was", "were", "her", "his", "their",
    "after", "before", "over", "says", "shares", "reveals", "a", "an", "the", "as", "how",
    "why", "what", "who", "new", "and",
  ]

  // MARK: Images

  /// A line that only says this marks the image above it as a gallery.
  public static let galleryMarkers = ["view gallery"]

  /// Words that may name a slide in a counter (`Slide 3 of 12`, `Photo 3/12`).
  static let slideWords: Set<String> = ["slide", "photo", "image", "picture", "pic", "gallery"]

  /// The longest line we take as an image label.
  static let maximumLabelLength = 100
  /// A bare `(X)` after a caption in a label / caption pair is a credit only when it is
  /// this short (the seed's `(YoutTube)` names no known source).
  static let maximumBareCreditLength = 40
  static let maximumBareCreditWords = 5
}
