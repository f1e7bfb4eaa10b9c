import Foundation
import MarqueeCore
import MarqueeUI

/// The user's config file: `$MARQUEE_CONFIG` when set, else
/// `$XDG_CONFIG_HOME/marquee/config.toml` (when absolute, as the XDG spec asks), else
/// `~/.config/marquee/config.toml`. A missing file is the defaults, with no problem.
public struct ConfigFile: Sendable {
  public let path: String
  /// The home folder `~/` stands for in paths.
  let home: String?

  public init(path: String, home: String? = ProcessInfo.processInfo.environment["HOME"]) {
    self.path = path
    self.home = home
  }

  /// The file in use for this environment; nil when there is no home to look in.
  public static func standard(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> ConfigFile? {
    if let explicit = environment["MARQUEE_CONFIG"], !explicit.isEmpty {
      return ConfigFile(path: explicit, home: environment["HOME"])
    }
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return ConfigFile(path: config + "/marquee/config.toml", home: environment["HOME"])
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return ConfigFile(path: home + "/.config/marquee/config.toml", home: home)
  }

  public var exists: Bool { FileManager.default.fileExists(atPath: path) }

  /// The settings the file gives (the defaults when it is missing), and its problems.
  public func read() -> (ReaderSettings, [ConfigProblem]) {
    guard exists else { return (ReaderSettings(), []) }
    guard let data = FileManager.default.contents(atPath: path) else {
      return (
        ReaderSettings(),
        [ConfigProblem(file: path, line: nil, message: "cannot be read; the defaults stand in")]
      )
    }
    guard let text = String(data: data, encoding: .utf8) else {
      return (
        ReaderSettings(),
        [ConfigProblem(file: path, line: nil, message: "is not UTF-8 text; the defaults stand in")]
      )
    }
    return ReaderSettings.read(text, file: path, home: home)
  }

  /// A config file with every setting at its default, commented out, each with what it
  /// does: `marquee config --default` prints it.
  public static func defaultText(keymap: Keymap = .standard) -> String {
    var lines = [
      "# marquee's config file. Every line here is a default, commented out: remove the #",
      "# and change the value to set it. Key names: j, G, ctrl-d, pgdn, space, enter, esc,",
      "# tab, shift-tab, backspace, up, down, left, right, home, end, f1 … f24.",
      "",
      "[keys]",
    ]
    for binding in keymap.bindings {
      lines.append("# \(binding.help)")
      lines.append("# " + keysLine(binding))
    }
    lines += [
      "",
      "[colors]",
      "# A built-in theme, \(Palette.themes.keys.sorted().joined(separator: " or ")), changed role by role:",
      "# a colour is \(TerminalColor.names.joined(separator: ", ")), default, or 0–255;",
      "# [text, background] sets both. NO_COLOR turns colours off whatever is set here.",
      "# theme = \"dark\"",
    ]
    lines += ColorRole.allCases.map { "# " + colorLine($0, Palette.dark[$0]) }
    lines += [
      "",
      "[library]",
      "# What to read when the command line names nothing (MARQUEE_PATH comes first), and",
      "# which files in folders: as --include and --max-size, which come first.",
      "# paths = [\"~/articles\"]",
      "# include = [" + LoadOptions.defaultIncludeGlobs.map { "\"\($0)\"" }.joined(separator: ", ")
        + "]",
      "# max-size = \"\(ByteSize.format(LoadOptions.defaultMaxFileSize))\"",
      "",
      "[reader]",
    ]
    lines += readerLines(ReaderOptions()).map { "# " + $0 }
    lines += [
      "",
      "[layout]",
      "# Photo sources and furniture phrases for sites the built-in tables do not know yet.",
      "# A source is a name as credits write it (an agency), or a table with spellings (how",
      "# credits write it; else its name) and a kind: "
        + oneOf(PhotoSources.Kind.allCases.map(\.rawValue)) + ".",
      "# credit-sources = [\"Flashfeed\", { name = \"Halcyon Photo\", spellings = [\"halcyon\", "
        + "\"halcyon photo\"], kind = \"wire\" }]",
      "# A phrase is a line to drop, or a table with a match (how the line holds it: "
        + oneOf(FurniturePhrases.Match.allCases.map(\.rawValue)) + ")",
      "# and a kind (" + oneOf(FurnitureKind.allCases.map(\.rawValue)) + ").",
      "# furniture = [\"Trending on Quillnet\", { phrase = \"Spin the wheel\", match = \"prefix\", "
        + "kind = \"ad\" }]",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// `[reader]` as it reads, with what each setting may be.
  public static func readerLines(_ options: ReaderOptions) -> [String] {
    [
      "sort = \"\(options.sort.name)\"  # " + oneOf(ListOrder.names) + "; s changes it",
      "columns = [" + options.columns.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        + "]  # after the title, where they fit: "
        + oneOf(ListColumn.allCases.map(\.rawValue)),
      "mouse = \(options.mouse)  # clicks and the wheel; Shift selects text while it is on",
    ]
  }

  /// `[layout]` as it reads, every entry a table (`credit-sources = [ … ]`), with the
  /// spellings and phrases as the parser compares them: what `marquee config` shows.
  public static func layoutLines(_ layout: LayoutAdditions) -> [String] {
    func list(_ key: String, _ entries: [String]) -> [String] {
      entries.isEmpty ? ["\(key) = []"] : ["\(key) = ["] + entries.map { "  \($0)," } + ["]"]
    }
    return list(
      "credit-sources",
      layout.sources.map {
        "{ name = \(tomlString($0.name)), spellings = ["
          + $0.spellings.map(tomlString).joined(separator: ", ")
          + "], kind = \(tomlString($0.kind.rawValue)) }"
      })
      + list(
        "furniture",
        layout.furniture.map {
          "{ phrase = \(tomlString($0.phrase)), match = \(tomlString($0.match.rawValue)), "
            + "kind = \(tomlString($0.kind.rawValue)) }"
        })
  }

  /// Text as a TOML basic string; control characters escaped, so that printing it never
  /// sends the terminal a control sequence.
  static func tomlString(_ text: String) -> String {
    var quoted = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
        quoted += String(format: "\\u%04X", scalar.value)
      default: quoted.unicodeScalars.append(scalar)
      }
    }
    return quoted + "\""
  }

  /// `title = "cyan"`, `match = ["black", "yellow"]`: a role as `[colors]` writes it.
  public static func colorLine(_ role: ColorRole, _ colors: RoleColors) -> String {
    func name(_ color: TerminalColor) -> String {
      switch color {
      case .terminalDefault: "\"default\""
      case .number(let value) where value < 8: "\"\(TerminalColor.names[value])\""
      case .number(let value): String(value)
      }
    }
    let value =
      colors.background == .terminalDefault
      ? name(colors.foreground) : "[\(name(colors.foreground)), \(name(colors.background))]"
    return "\(role.name) = \(value)"
  }

  /// `next = ["j", "down"]`: a binding as `[keys]` writes it.
  public static func keysLine(_ binding: Binding) -> String {
    let keys = binding.keys.map { key in
      "\""
        + key.name.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    return "\(binding.command.name) = [\(keys.joined(separator: ", "))]"
  }
}
