import Foundation
import MarqueeTestSupport
import Testing

/// `marquee config`: the file in use and its settings, a default file to start from, and
/// a check for scripts.
@Suite("marquee config")
struct ConfigCommandTests {
  @Test func theDefaultFilePassesTheCheckOnceUncommented() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let printed = try CLIRunner.run(["config", "--default"])
    #expect(printed.status == 0 && printed.stderr == "")
    #expect(printed.stdout.hasPrefix("# marquee's config file."))
    #expect(printed.stdout.contains("# next = [\"j\", \"down\"]"))
    let uncommented = printed.stdout.split(separator: "\n").map { line in
      line.hasPrefix("# ") && line.dropFirst(2).first?.isLowercase == true
        && line.contains(" = ") ? String(line.dropFirst(2)) : String(line)
    }.joined(separator: "\n")
    let file = try folder.write(uncommented, to: "config.toml")
    let checked = try CLIRunner.run(["config", "--check"], environment: ["MARQUEE_CONFIG": file])
    #expect(checked.status == 0)
    #expect(checked.stdout == "\(file): no problems\n")
  }

  @Test func aBadFileFailsTheCheckWithALineForEachProblem() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write(
      "[keys]\nnext = \"n\"\nnxt = \"x\"\nprevious = \"ctl-p\"\n", to: "config.toml")
    let checked = try CLIRunner.run(["config", "--check"], environment: ["MARQUEE_CONFIG": file])
    #expect(checked.status == 1)
    #expect(checked.stdout == "")
    let lines = checked.stderr.split(separator: "\n")
    #expect(lines.count == 2, "\(checked.stderr)")
    #expect(lines.first?.hasPrefix("marquee: \(file):3: “nxt” is not a command") == true)
    #expect(lines.last?.hasPrefix("marquee: \(file):4: “ctl-p” is not a key") == true)
    // Without --check the settings are shown, the defaults standing in for the bad
    // entries, and the problems still said.
    let shown = try CLIRunner.run(["config"], environment: ["MARQUEE_CONFIG": file])
    #expect(shown.status == 0)
    #expect(shown.stdout.hasPrefix("# \(file)\n[keys]\n"))
    #expect(shown.stdout.contains("\nnext = [\"n\"]\n"))
    #expect(shown.stdout.contains("\nprevious = [\"k\", \"up\"]\n"))
    #expect(shown.stdout.contains("\nnext-match = []\n"), "n went to next")
    #expect(shown.stderr.split(separator: "\n").count == 2)
  }

  /// `[library]` gives what the command line and `MARQUEE_PATH` do not: the command
  /// line wins over the environment, the environment over the file.
  @Test func theLibraryIsTheDefaultTheCommandLineAndEnvironmentOverride() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for (name, text) in [
      ("configured/a.text", "Configured Story\n\nBody of the configured story.\n"),
      ("configured/b.txt", "Plain Text Story\n\nBody of the plain story.\n"),
      ("elsewhere/c.text", "Elsewhere Story\n\nBody of the story elsewhere.\n"),
      ("big/d.text", "Big Story\n\n" + String(repeating: "Long words here. ", count: 400) + "\n"),
    ] {
      try FileManager.default.createDirectory(
        atPath: folder.path((name as NSString).deletingLastPathComponent),
        withIntermediateDirectories: true)
      _ = try folder.write(text, to: name)
    }
    let file = try folder.write(
      "[library]\npaths = [\"\(folder.path("configured"))\", \"\(folder.path("big"))\"]\n"
        + "include = [\"*.text\"]\nmax-size = 2048\n", to: "config.toml")
    func titles(_ arguments: [String], _ environment: [String: String?] = [:]) throws -> [String] {
      let result = try CLIRunner.run(
        ["list", "--json"] + arguments,
        environment: environment.merging(["MARQUEE_CONFIG": file]) { $1 })
      #expect(result.status == 0, "\(result.stderr)")
      return try JSON.array(result.stdout).compactMap { $0["title"] as? String }
    }
    // From the file: its folders, its glob (not b.txt), its size limit (not the big one).
    #expect(try titles([]) == ["Configured Story"])
    #expect(try titles(["--max-size", "1M"]) == ["Big Story", "Configured Story"], "by path")
    #expect(try titles([], ["MARQUEE_PATH": folder.path("elsewhere")]) == ["Elsewhere Story"])
    #expect(try titles([folder.path("configured"), "--include", "*.txt"]) == ["Plain Text Story"])
  }

  /// `[layout]` reaches the parser for every command: a credit line naming an agency the
  /// built-in table lacks is a credit with the file and story text without it, and a
  /// furniture phrase leaves the story.
  @Test func theLayoutTableAddsASourceAndAPhraseForEveryCommand() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let article = try folder.write(
      "Orla Penhallow Opens Her Seaside Gallery\n\nOrla Penhallow opened a gallery of "
        + "driftwood sculpture on Saturday.\n\nThe opening drew a crowd of neighbours.\n\n"
        + "Zorblax/Pellwick\n\nSpin the Quillwheel for a prize today.\n\nThe gallery opens "
        + "every weekend.\n", to: "articles/gallery.txt")
    let file = try folder.write(
      "[layout]\ncredit-sources = [{ name = \"Zorblax Pictures\", spellings = [\"zorblax\"] }]\n"
        + "furniture = [{ phrase = \"Spin the Quillwheel\", match = \"prefix\", kind = \"ad\" }]\n",
      to: "config.toml")
    let configured: [String: String?] = ["MARQUEE_CONFIG": file]
    func run(_ arguments: [String], _ environment: [String: String?]) throws -> [[String: Any]] {
      let result = try CLIRunner.run(arguments, environment: environment)
      #expect(result.status == 0 && result.stderr == "", "\(result.stderr)")
      return try JSON.array(result.stdout)
    }
    let folderPath = folder.path("articles")
    #expect(try run(["credits", "--json", folderPath], [:]).isEmpty)
    #expect(
      try run(["credits", "--json", folderPath], configured).map { $0["credit"] as? String }
        == ["Zorblax/Pellwick"])
    #expect(
      try run(["credits", "--by", "source", "--json", folderPath], configured).map {
        $0["source"] as? String
      } == ["Zorblax Pictures"])

    func shown(_ environment: [String: String?]) throws -> (credits: [String], text: String) {
      let result = try CLIRunner.run(["show", "--json", article], environment: environment)
      #expect(result.status == 0 && result.stderr == "", "\(result.stderr)")
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let images = object["images"] as? [[String: Any]] ?? []
      let paragraphs = object["paragraphs"] as? [String] ?? []
      return (images.compactMap { $0["credit"] as? String }, paragraphs.joined(separator: "\n"))
    }
    let plain = try shown([:])
    #expect(plain.credits.isEmpty)
    #expect(plain.text.contains("Zorblax/Pellwick") && plain.text.contains("Quillwheel"))
    let withLayout = try shown(configured)
    #expect(withLayout.credits == ["Zorblax/Pellwick"])
    #expect(!withLayout.text.contains("Zorblax") && !withLayout.text.contains("Quillwheel"))
  }

  @Test func noFileIsTheDefaults() throws {
    let result = try CLIRunner.run(
      ["config", "--check"], environment: ["MARQUEE_CONFIG": "/nonexistent/marquee.toml"])
    #expect(result.status == 0)
    #expect(result.stdout == "/nonexistent/marquee.toml: not there; the defaults apply\n")
  }
}
