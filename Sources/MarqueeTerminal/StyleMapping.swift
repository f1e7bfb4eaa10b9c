import CNcursesw
import MarqueeUI

/// The video attributes a cell is drawn with, independent of curses' bit layout so the
/// mapping from `Style` can be tested without a terminal.
struct TextAttributes: OptionSet, Sendable, Hashable {
  let rawValue: UInt8

  static let bold = TextAttributes(rawValue: 1 << 0)
  static let dim = TextAttributes(rawValue: 1 << 1)
  static let reverse = TextAttributes(rawValue: 1 << 2)
  static let underline = TextAttributes(rawValue: 1 << 3)
}

/// How one cell looks on this terminal: attributes plus a colour pair (0 = default).
struct CellLook: Sendable, Hashable {
  var attributes: TextAttributes
  var colorPair: Int16
}

/// A colour pair's colours as curses colour numbers; -1 is the terminal's own default.
struct PairColors: Sendable, Hashable {
  var foreground: Int16
  var background: Int16

  init(_ foreground: Int32, _ background: Int32) {
    self.foreground = Int16(foreground)
    self.background = Int16(background)
  }
}

/// Where every `ColorRole` gets its look, for colour and monochrome terminals alike.
enum StyleMapping {
  /// The look of a `Style`. Its own flags always apply. With colours on, a role adds its
  /// colour pair; on a monochrome terminal (or with NO_COLOR) the role adds attributes
  /// instead, so what colour would have set apart stays set apart.
  static func look(of style: Style, colors: Bool) -> CellLook {
    var attributes = TextAttributes()
    if style.bold { attributes.insert(.bold) }
    if style.dim { attributes.insert(.dim) }
    if style.reverse { attributes.insert(.reverse) }
    if style.underline { attributes.insert(.underline) }
    guard let role = style.color else { return CellLook(attributes: attributes, colorPair: 0) }
    attributes.formUnion(barAttributes(for: role))
    if colors {
      return CellLook(attributes: attributes, colorPair: pair(for: role))
    }
    attributes.formUnion(monochromeAttributes(for: role))
    return CellLook(attributes: attributes, colorPair: 0)
  }

  /// Colour pair number of a role: one pair per role, numbered from 1 (pair 0 is
  /// curses' default and cannot be redefined).
  static func pair(for role: ColorRole) -> Int16 {
    Int16(ColorRole.allCases.firstIndex(of: role)! + 1)
  }

  /// Roles drawn as bars. Their pair gives the bar colour as the foreground and the
  /// cell is always reversed, so whether the renderer also set `reverse` (as it should
  /// for monochrome) cannot swap text and bar colours.
  static func barAttributes(for role: ColorRole) -> TextAttributes {
    switch role {
    case .selection, .status: .reverse
    case .dek, .imageMarker, .credit, .border, .title, .match, .currentMatch, .unread: []
    }
  }

  /// What stands in for a role's colour without colours. Border and dek carry no meaning
  /// beyond their position, so they stay plain.
  static func monochromeAttributes(for role: ColorRole) -> TextAttributes {
    switch role {
    case .selection, .status: .reverse
    case .title, .imageMarker, .unread: .bold
    case .credit: .underline
    case .match, .currentMatch: [.bold, .underline]
    case .dek, .border: []
    }
  }

  /// The colours of a role's pair in a palette, as curses numbers (-1: the terminal's
  /// default); a colour past what the terminal has (`available`) falls back to the dark
  /// theme's.
  static func colors(for role: ColorRole, in palette: Palette = .dark, available: Int = 256)
    -> PairColors
  {
    func number(_ color: TerminalColor, _ fallback: TerminalColor) -> Int32 {
      switch color {
      case .terminalDefault: -1
      case .number(let value) where value < available: Int32(value)
      case .number: number(fallback, .terminalDefault)
      }
    }
    let chosen = palette[role]
    let fallback = Palette.dark[role]
    return PairColors(
      number(chosen.foreground, fallback.foreground), number(chosen.background, fallback.background)
    )
  }
}
