/// A colour a terminal can show: its own default, or a number (0–7 the ANSI colours,
/// 8–255 the rest of a 256-colour terminal's).
public enum TerminalColor: Sendable, Hashable {
  case terminalDefault
  case number(Int)

  /// The eight ANSI colours by name, as a config file writes them.
  public static let names = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
  ]

  /// `red`, `default`, or a number 0–255 written as text; nil for anything else.
  public init?(name: String) {
    let lower = name.lowercased()
    if lower == "default" {
      self = .terminalDefault
    } else if let index = Self.names.firstIndex(of: lower) {
      self = .number(index)
    } else if let number = Int(lower), (0...255).contains(number) {
      self = .number(number)
    } else {
      return nil
    }
  }
}

/// The colours of one role: text, and what is behind it.
public struct RoleColors: Sendable, Hashable {
  public var foreground: TerminalColor
  public var background: TerminalColor

  public init(_ foreground: TerminalColor, _ background: TerminalColor = .terminalDefault) {
    self.foreground = foreground
    self.background = background
  }
}

/// The colour of every role: a built-in theme, changed role by role in the config file.
/// `NO_COLOR` still wins: the terminal then draws roles with attributes alone.
public struct Palette: Sendable, Hashable {
  public var colors: [ColorRole: RoleColors]

  public subscript(role: ColorRole) -> RoleColors {
    get { colors[role] ?? Palette.dark.colors[role]! }
    set { colors[role] = newValue }
  }

  /// For dark backgrounds, and the default: the eight ANSI colours, none of them yellow
  /// or white text on the terminal's background, so it also reads on light ones. A
  /// credit shares its image marker's green: both belong to the image.
  public static let dark = Palette(colors: [
    .selection: RoleColors(.number(6)),  // drawn reversed: a cyan bar
    .status: RoleColors(.number(4)),  // drawn reversed: a blue bar
    .title: RoleColors(.number(6)),
    .dek: RoleColors(.number(5)),
    .imageMarker: RoleColors(.number(2)),
    .credit: RoleColors(.number(2)),
    .border: RoleColors(.number(4)),
    .match: RoleColors(.number(0), .number(3)),
    .currentMatch: RoleColors(.number(0), .number(6)),
    .unread: RoleColors(.terminalDefault),
  ])

  /// For light backgrounds: darker text (blue titles, black borders and status bar).
  public static let light = Palette(colors: [
    .selection: RoleColors(.number(4)),
    .status: RoleColors(.number(0)),
    .title: RoleColors(.number(4)),
    .dek: RoleColors(.number(5)),
    .imageMarker: RoleColors(.number(2)),
    .credit: RoleColors(.number(2)),
    .border: RoleColors(.number(0)),
    .match: RoleColors(.number(0), .number(3)),
    .currentMatch: RoleColors(.number(0), .number(6)),
    .unread: RoleColors(.terminalDefault),
  ])

  /// The built-in themes by name.
  public static let themes: [String: Palette] = ["dark": .dark, "light": .light]
}

extension ColorRole {
  /// How a config file names the role: `image-marker`, `title`.
  public var name: String {
    switch self {
    case .selection: "selection"
    case .dek: "dek"
    case .imageMarker: "image-marker"
    case .credit: "credit"
    case .border: "border"
    case .title: "title"
    case .status: "status"
    case .match: "match"
    case .currentMatch: "current-match"
    case .unread: "unread"
    }
  }
}
