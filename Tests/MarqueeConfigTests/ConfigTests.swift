import Foundation
import MarqueeUI
import Testing

@testable import MarqueeConfig

/// The config file: where it is, what `[keys]` changes, and a line for every kind of
/// problem, with the defaults standing in for the entries that are wrong.
@Suite("The config file")
struct ConfigTests {
  private func read(_ text: String) -> (ReaderSettings, [String]) {
    let (settings, problems) = ReaderSettings.read(text, file: "config.toml")
    return (settings, problems.map(\.description))
  }

  /// The default file, with its comments taken off, gives the standard keymap back: every
  /// key name the keymap uses reads back as itself.
  @Test func theDefaultFileUncommentedIsTheStandardKeymap() {
    let text = ConfigFile.defaultText().split(separator: "\n").map { line in
      line.hasPrefix("# ") && line.dropFirst(2).first?.isLowercase == true
        && line.contains(" = ") ? String(line.dropFirst(2)) : String(line)
    }.joined(separator: "\n")
    let (settings, problems) = read(text)
    #expect(problems.isEmpty, "\(problems)")
    #expect(settings.keymap.bindings == Keymap.standard.bindings)
    #expect(settings.palette == .dark)
    #expect(
      text.contains("\ntheme = \"dark\"\n") && text.contains("\nmatch = [\"black\", \"yellow\"]"))
  }

  @Test func colorsStartFromTheThemeAndChangeRoleByRole() {
    let (settings, problems) = read(
      "[colors]\ntitle = 208\nmatch = [\"white\", \"red\"]\ndek = \"default\"\ntheme = \"light\"\n")
    #expect(problems.isEmpty, "\(problems)")
    var expected = Palette.light
    expected[.title] = RoleColors(.number(208))
    expected[.match] = RoleColors(.number(7), .number(1))
    expected[.dek] = RoleColors(.terminalDefault)
    #expect(settings.palette == expected)
  }

  @Test(arguments: [
    ("[colors]\ntheme = \"sepia\"\n", "config.toml:2: theme is “dark” or “light”"),
    ("[colors]\ntitel = \"red\"\n", "config.toml:2: “titel” is not a colour role; the roles are"),
    ("[colors]\ntitle = \"pink\"\n", "config.toml:2: title takes a colour: black, red,"),
    ("[colors]\ntitle = 300\n", "config.toml:2: title takes a colour: black, red,"),
    ("[colors]\nmatch = [\"red\"]\n", "config.toml:2: match takes a colour, or [text colour, "),
  ])
  func aBadColourNamesItsLineAndKeepsTheThemes(text: String, problem: String) {
    let (settings, problems) = read(text)
    #expect(problems.count == 1 && problems.first?.hasPrefix(problem) == true, "\(problems)")
    #expect(settings.palette == .dark)
  }

  @Test func theLibraryGivesPathsGlobsAndASizeLimit() {
    let (settings, problems) = ReaderSettings.read(
      "[library]\npaths = [\"~/articles\", \"/srv/news\"]\ninclude = \"*.text\"\nmax-size = \"2MiB\"\n",
      file: "config.toml", home: "/home/u")
    #expect(problems.isEmpty, "\(problems)")
    #expect(
      settings.library
        == LibrarySettings(
          paths: ["/home/u/articles", "/srv/news"], includeGlobs: ["*.text"],
          maxFileSize: 2 << 20))
    #expect(read("[library]\nmax-size = 4096\n").0.library.maxFileSize == 4096)
  }

  @Test(arguments: [
    ("[library]\npaths = 3\n", "config.toml:2: paths takes a folder or a list of them"),
    ("[library]\ninclude = []\n", "config.toml:2: include takes a glob or a list of them"),
    ("[library]\nmax-size = \"huge\"\n", "config.toml:2: max-size takes a size such as"),
    ("[library]\nmax-size = \"9G\"\n", "config.toml:2: max-size takes a size such as"),
    ("[library]\nfolders = []\n", "config.toml:2: “folders” is not a library setting"),
  ])
  func aBadLibraryEntryNamesItsLine(text: String, problem: String) {
    let (settings, problems) = read(text)
    #expect(problems.count == 1 && problems.first?.hasPrefix(problem) == true, "\(problems)")
    #expect(settings.library == LibrarySettings())
  }

  @Test func aKeyGivenToACommandIsTakenFromTheCommandThatHadIt() {
    let (settings, problems) = read("[keys]\nnext = [\"n\", \"down\"]\ntoggle-read = \"space\"\n")
    #expect(problems.isEmpty, "\(problems)")
    let keymap = settings.keymap
    #expect(keymap.command(for: .character("n")) == .next)
    #expect(keymap.command(for: .character("j")) == nil, "next's keys are the ones given")
    #expect(keymap.command(for: .character(" ")) == .toggleRead)
    #expect(keymap.command(for: .pageDown) == .pageDown, "page-down keeps its other keys")
    #expect(keymap.command(for: .character("N")) == .previousMatch)
    // The help and the hints follow: `next` is named by its first key now.
    #expect(keymap.hints(for: .list).first.map { "\($0.keys) \($0.label)" } == "n/k move")
  }

  @Test(arguments: [
    ("[keys\nnext = \"j\"\n", "config.toml:1: not TOML: "),
    ("[keys]\nnxt = \"j\"\n", "config.toml:2: “nxt” is not a command; the commands are next, "),
    ("[keys]\n\nnext = 3\n", "config.toml:3: next takes a key name or a list of them"),
    ("[keys]\nnext = [\"j\", 4]\n", "config.toml:2: next takes a key name or a list of them"),
    ("[keys]\nnext = \"ctl-j\"\n", "config.toml:2: “ctl-j” is not a key; write keys as j, G"),
    (
      "[keys]\nnext = \"x\"\nprevious = \"x\"\n",
      "config.toml:3: x is already bound to next; previous does not get it"
    ),
    ("[keys]\n[colours]\ntitle = 1\n", "config.toml:2: “colours” is not a setting; the tables are"),
    ("keys = 1\n", "config.toml:1: keys must be a table: [keys]"),
    ("[reader]\nmouse = \"no\"\n", "config.toml:2: mouse takes true or false"),
    ("[reader]\n\nsort = \"newest\"\n", "config.toml:3: sort takes path, date, title or length"),
    ("[reader]\ncolumns = [\"images\", \"stars\"]\n", "config.toml:2: columns takes a list of"),
    ("[reader]\nwatch = true\n", "config.toml:2: “watch” is not a reader setting; they are"),
    ("reader = 1\n", "config.toml:1: reader must be a table: [reader]"),
    ("layout = []\n", "config.toml:1: layout must be a table: [layout]"),
  ])
  func everyKindOfProblemNamesItsLine(text: String, problem: String) {
    let (settings, problems) = read(text)
    #expect(problems.count == 1, "\(problems)")
    #expect(problems.first?.hasPrefix(problem) == true, "\(problems)")
    // The defaults stand in for what was wrong.
    #expect(settings.keymap.command(for: .character("k")) == .previous || text.contains("previous"))
  }

  @Test func anEntryWithABadKeyNameKeepsItsDefaults() {
    let (settings, problems) = read("[keys]\nprevious = [\"p\", \"ctl-p\"]\n")
    #expect(problems.count == 1)
    #expect(settings.keymap.command(for: .character("k")) == .previous)
    #expect(settings.keymap.command(for: .character("p")) == nil)
  }

  @Test func problemsComeInTheOrderOfTheFileAndTheRestStillCounts() {
    let (settings, problems) = read(
      "[keys]\nzzz = \"z\"\nnext = \"n\"\naaa = \"a\"\nprevious = \"p\"\n")
    #expect(problems.map { $0.prefix(13) } == ["config.toml:2", "config.toml:4"])
    #expect(settings.keymap.command(for: .character("n")) == .next)
    #expect(settings.keymap.command(for: .character("p")) == .previous)
  }

  @Test func theFileInUseFollowsTheEnvironment() {
    let home = ["HOME": "/home/u"]
    #expect(ConfigFile.standard(environment: home)?.path == "/home/u/.config/marquee/config.toml")
    #expect(
      ConfigFile.standard(environment: home.merging(["XDG_CONFIG_HOME": "/xdg"]) { $1 })?.path
        == "/xdg/marquee/config.toml")
    #expect(
      ConfigFile.standard(environment: home.merging(["XDG_CONFIG_HOME": "rel"]) { $1 })?.path
        == "/home/u/.config/marquee/config.toml", "a relative XDG path is ignored")
    #expect(
      ConfigFile.standard(
        environment: home.merging(["XDG_CONFIG_HOME": "/xdg", "MARQUEE_CONFIG": "/my.toml"]) { $1 }
      )?.path == "/my.toml")
    #expect(ConfigFile.standard(environment: [:]) == nil)
    // A file that is not there is the defaults, with nothing to say.
    let (settings, problems) = ConfigFile(path: "/nonexistent/config.toml").read()
    #expect(problems.isEmpty)
    #expect(settings.keymap.bindings == Keymap.standard.bindings)
  }
}
