import CNcursesw
import MarqueeUI
import Testing

@testable import MarqueeTerminal

@Test func styleFlagsMapToAttributes() {
  #expect(StyleMapping.look(of: .plain, colors: true) == CellLook(attributes: [], colorPair: 0))
  let all = Style(bold: true, dim: true, reverse: true, underline: true)
  for colors in [true, false] {
    #expect(
      StyleMapping.look(of: all, colors: colors)
        == CellLook(attributes: [.bold, .dim, .reverse, .underline], colorPair: 0))
  }
  #expect(StyleMapping.look(of: Style(bold: true), colors: false).attributes == .bold)
  #expect(StyleMapping.look(of: Style(dim: true), colors: false).attributes == .dim)
  #expect(StyleMapping.look(of: Style(reverse: true), colors: false).attributes == .reverse)
  #expect(StyleMapping.look(of: Style(underline: true), colors: false).attributes == .underline)
}

@Test func everyRoleHasItsOwnPairFromOne() {
  let pairs = ColorRole.allCases.map(StyleMapping.pair(for:))
  #expect(pairs == (1...ColorRole.allCases.count).map(Int16.init))
  for (role, pair) in zip(ColorRole.allCases, pairs) {
    #expect(StyleMapping.look(of: Style(color: role), colors: true).colorPair == pair)
    #expect(StyleMapping.look(of: Style(color: role), colors: false).colorPair == 0)
  }
}

@Test func rolesFallBackToAttributesInMonochrome() {
  let expected: [ColorRole: TextAttributes] = [
    .selection: .reverse, .status: .reverse, .title: .bold, .imageMarker: .bold,
    .credit: .underline, .match: [.bold, .underline], .currentMatch: [.bold, .underline],
    .dek: [], .border: [], .unread: .bold,
  ]
  #expect(Set(expected.keys) == Set(ColorRole.allCases))
  for (role, attributes) in expected {
    #expect(StyleMapping.look(of: Style(color: role), colors: false).attributes == attributes)
  }
  // Fallbacks add to the style's own flags.
  let dimCredit = Style(dim: true, color: .credit)
  #expect(StyleMapping.look(of: dimCredit, colors: false).attributes == [.dim, .underline])
}

@Test func barsAreReversedInColourWhateverTheRendererSet() {
  for role in [ColorRole.selection, .status] {
    #expect(StyleMapping.look(of: Style(color: role), colors: true).attributes == .reverse)
    let reversed = Style(reverse: true, color: role)
    #expect(StyleMapping.look(of: reversed, colors: true).attributes == .reverse)
  }
  // Other roles are colour only.
  #expect(StyleMapping.look(of: Style(color: .title), colors: true).attributes == [])
}

@Test func pairColoursAvoidYellowAndWhiteTextOnTheDefaultBackground() {
  for role in ColorRole.allCases {
    let colors = StyleMapping.colors(for: role)
    #expect((-1...7).contains(colors.foreground) && (-1...7).contains(colors.background))
    if colors.background == -1 {
      #expect(![Int16(COLOR_YELLOW), Int16(COLOR_WHITE)].contains(colors.foreground), "\(role)")
    }
  }
}

/// A palette's colours reach the pairs; a colour the terminal does not have falls back
/// to the dark theme's for that role.
@Test func pairColoursComeFromThePalette() {
  var palette = Palette.light
  palette[.title] = RoleColors(.number(208), .number(17))
  #expect(StyleMapping.colors(for: .title, in: palette, available: 256) == PairColors(208, 17))
  #expect(
    StyleMapping.colors(for: .title, in: palette, available: 8)
      == PairColors(COLOR_CYAN, -1), "the dark theme's title on an 8-colour terminal")
  #expect(StyleMapping.colors(for: .border, in: palette) == PairColors(COLOR_BLACK, -1))
  #expect(StyleMapping.colors(for: .match, in: palette) == PairColors(COLOR_BLACK, COLOR_YELLOW))
}

@Test func textAttributesBecomeCursesBits() {
  #expect(Terminal.cursesAttributes([]) == cn_a_normal())
  #expect(Terminal.cursesAttributes(.bold) == cn_a_bold())
  #expect(Terminal.cursesAttributes(.dim) == cn_a_dim())
  #expect(Terminal.cursesAttributes(.reverse) == cn_a_reverse())
  #expect(Terminal.cursesAttributes(.underline) == cn_a_underline())
  #expect(
    Terminal.cursesAttributes([.bold, .underline]) == cn_a_bold() | cn_a_underline())
}

@Test func errorMessagesSayWhatToDoInstead() {
  #expect(
    TerminalError.notATerminal.description
      == "the reader needs a terminal; try 'marquee list' or 'marquee show FILE'")
  let unknown = TerminalError.unknownTerminal("xyz").description
  #expect(unknown.hasPrefix("unknown terminal type 'xyz' (TERM); "))
  #expect(TerminalError.unknownTerminal(nil).description.hasPrefix("TERM is not set; "))
}
