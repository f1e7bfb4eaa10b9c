import ArgumentParser
import MarqueeConfig
import MarqueeCore
import MarqueeUI

/// `marquee config`: which config file is in use and what it sets, a default file to
/// start from, or a check that exits 1 on any problem.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show the config file in use and the settings it gives.",
    discussion: """
      The file is $MARQUEE_CONFIG, else $XDG_CONFIG_HOME/marquee/config.toml, else \\
      ~/.config/marquee/config.toml. It sets keys ([keys]), colours ([colors]), what to read \\
      ([library]), how the reader starts ([reader]: sort, columns, mouse) and photo \\
      sources and furniture the layout rules add ([layout]). \\
      Problems are printed on standard error, one line each with the file and line; the \\
      defaults stand in for the entries they are about.
      """)

  @Flag(help: "Print a config file with every default, commented, to start from.")
  var `default` = false

  @Flag(help: "Only check the file: exit 1 if it has any problem.")
  var check = false

  func run() throws {
    if `default` {
      print(ConfigFile.defaultText(), terminator: "")
      return
    }
    guard let file = ConfigFile.standard() else {
      throw Console.failure("no config file: set HOME, XDG_CONFIG_HOME or MARQUEE_CONFIG")
    }
    let (settings, problems) = file.read()
    for problem in problems {
      Console.warn(problem.description)
    }
    if check {
      if !problems.isEmpty { throw ExitCode(1) }
      print(
        "\(Console.safe(file.path)): \(file.exists ? "no problems" : "not there; the defaults apply")"
      )
      return
    }
    print("# \(Console.safe(file.path))\(file.exists ? "" : " (not there: the defaults)")")
    print("[keys]")
    for binding in settings.keymap.bindings { print(ConfigFile.keysLine(binding)) }
    print("\n[colors]")
    for role in ColorRole.allCases { print(ConfigFile.colorLine(role, settings.palette[role])) }
    let library = settings.library
    func list(_ items: [String]) -> String {
      "[" + items.map { "\"\(Console.safe($0))\"" }.joined(separator: ", ") + "]"
    }
    print("\n[library]")
    print(
      library.paths.map { "paths = \(list($0))" }
        ?? "# paths: none set ($MARQUEE_PATH, else the bundled samples)")
    print("include = \(list(library.includeGlobs ?? LoadOptions.defaultIncludeGlobs))")
    print(
      "max-size = \"\(ByteSize.format(library.maxFileSize ?? LoadOptions.defaultMaxFileSize))\"")
    print("\n[reader]")
    for line in ConfigFile.readerLines(settings.reader) { print(line) }
    print("\n[layout]")
    for line in ConfigFile.layoutLines(settings.layout) { print(line) }
  }
}
