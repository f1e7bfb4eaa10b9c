/// What one line of a file became when it was parsed.
public enum LineRole: Sendable, Hashable {
  case title, sourceURL, mailHeader, dek, body, quote
  case imageLabel, caption, credit, galleryMarker
  case author, date
  /// A link to another story, kept apart from the body (`Article.relatedLinks`).
  case related
  /// Dropped: site furniture of this kind.
  case furniture(FurnitureKind)

  /// The name `--explain` prints and the hand labels use.
  public var name: String {
    switch self {
    case .title: "title"
    case .sourceURL: "url"
    case .mailHeader: "header"
    case .dek: "dek"
    case .body: "body"
    case .quote: "quote"
    case .imageLabel: "label"
    case .caption: "caption"
    case .credit: "credit"
    case .galleryMarker: "gallery"
    case .author: "author"
    case .date: "date"
    case .related: "related"
    case .furniture(let kind): "furniture:\(kind.rawValue)"
    }
  }

  /// Whether the line's text stays readable as the story (title, dek or body).
  public var isStory: Bool {
    switch self {
    case .title, .dek, .body, .quote: true
    default: false
    }
  }
}

/// One decision about a line: its role, the value taken from it (a credit, an author,
/// a date) and the rule that decided. A line can carry several (a caption line with its
/// credit; a paragraph with a credit sentence inside).
public struct LineDecision: Sendable, Hashable {
  public let role: LineRole
  public let value: String?
  public let rule: String
}

/// A line of the file as the parser saw it (after clean-up), with its decisions.
public struct ExplainedLine: Sendable, Hashable {
  /// 1-based, as `grep -n` counts.
  public let number: Int
  /// Which run of non-blank lines it belongs to (0-based).
  public let block: Int
  public let text: String
  public internal(set) var decisions: [LineDecision]
}

/// Collects what the parser decided about each line, for `marquee show --explain` and
/// the tests. Parsing without one costs nothing: every note is behind an optional.
final class LayoutTrace {
  private(set) var lines: [ExplainedLine] = []
  private var indexByNumber: [Int: Int] = [:]

  func add(line number: Int, block: Int, text: String) {
    indexByNumber[number] = lines.count
    lines.append(ExplainedLine(number: number, block: block, text: text, decisions: []))
  }

  func note(_ line: Int, _ role: LineRole, _ value: String? = nil, rule: String) {
    guard let index = indexByNumber[line] else { return }
    lines[index].decisions.append(LineDecision(role: role, value: value, rule: rule))
  }

  func note(_ lines: [SourceLine], _ role: LineRole, rule: String) {
    for line in lines { note(line.number, role, rule: rule) }
  }
}
