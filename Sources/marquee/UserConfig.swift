import MarqueeConfig
import MarqueeCore

/// The user's config file, read once per run: the reader takes its keys and colours,
/// every command that reads articles its `[library]` defaults and `[layout]` additions.
enum UserConfig {
  static let current: (settings: ReaderSettings, problems: [ConfigProblem]) =
    ConfigFile.standard()?.read() ?? (ReaderSettings(), [])

  static var library: LibrarySettings { current.settings.library }

  static var layout: LayoutAdditions { current.settings.layout }

  /// Says the file's problems on standard error, a line each.
  static func reportProblems() {
    for problem in current.problems {
      Console.warn(problem.description)
    }
  }
}
