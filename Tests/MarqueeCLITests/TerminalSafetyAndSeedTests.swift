import Foundation
import MarqueeTestSupport
import Testing

/// A folder of files built to attack a terminal: `HostileText.article` under every
/// hostile file name, the Windows-1252 article with raw 8-bit CSI/OSC bytes (once more under a
/// name that is not UTF-8), and an empty file with a hostile name (so `check` and `show`
/// quote it).
struct HostileCorpus {
  let folder: TemporaryFolder
  /// The UTF-8 hostile article, under `HostileText.fileNames[0]`.
  let article: String
  /// The empty file, whose name carries an escape sequence.
  let empty: String
  /// The Windows-1252 article under a plain name (a test cannot pass a name that is not
  /// UTF-8 as an argument; its copy under such a name is only met inside the folder).
  let latin1: String

  /// The title (and dek) marquee must make of `HostileText.laced(marker)`: every sequence
  /// dropped whole, the `x`s between them kept, the tab a space.
  static func cleaned(_ marker: String) -> String {
    "\(marker) \(String(repeating: "x", count: HostileText.inline.count - 1)) \(marker)"
  }

  init() throws {
    folder = try TemporaryFolder()
    article = try folder.write(HostileText.article, to: HostileText.fileNames[0])
    for name in HostileText.fileNames.dropFirst() {
      try folder.write(HostileText.article, to: name)
    }
    empty = try folder.write(bytes: [], to: "empty\(HostileText.clearScreen).txt")
    latin1 = try folder.write(bytes: HostileText.latin1Article, to: "raw-latin1.txt")
    let rawName = Array("raw-".utf8) + [0x9B, 0x32, 0x4A] + Array(".txt".utf8)
    try folder.write(bytes: HostileText.latin1Article + [0x20], toRawName: rawName)
  }
}

/// Every command's output, on a corpus built to attack the terminal, holds nothing that
/// could act on one: no ESC, no other control but the line feed, no C1, bidi control or
/// line separator (checked with `TerminalOutput` on the bytes written); and the hostile
/// fields still show, cleaned, so the check is not passing on empty output.
@Suite("terminal safety")
struct TerminalSafetyTests {
  private static func expectPlainText(
    _ result: CLIResult, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
      let problems = TerminalOutput.problems(in: Array(text.utf8), plainText: true)
      #expect(
        problems.isEmpty, "\(stream) of \(label): \(problems.prefix(5))",
        sourceLocation: sourceLocation)
    }
  }

  @Test func theCheckerFindsEveryPayloadAndPassesCursesOwnOutput() {
    let payloads = HostileText.inline + [HostileText.unterminatedOSC, HostileText.lineSeparator]
    for payload in payloads {
      #expect(
        !TerminalOutput.problems(in: Array("a \(payload) b".utf8), plainText: true).isEmpty,
        "\(payload.debugDescription) not caught")
    }
    for payload in payloads where payload != "\t" {
      #expect(!TerminalOutput.problems(in: Array("a \(payload) b".utf8)).isEmpty)
    }
    #expect(!TerminalOutput.problems(in: HostileText.latin1Article).isEmpty)
    // Cursor moves, attributes, the alternate screen and clear as tmux's terminfo has
    // it, and U+201B, whose UTF-8 ends in the byte 0x9B.
    let curses = "\u{1B}[?1049h\u{1B}[H\u{1B}[J\u{1B}[3;12H\u{1B}[1m‛ ›\u{1B}[m\r\n\u{1B}[?1049l"
    #expect(TerminalOutput.problems(in: Array(curses.utf8)) == [])
    #expect(TerminalOutput.problems(in: Array("‛ ›\n".utf8), plainText: true) == [])
  }

  @Test func listAndCheckShowHostileNamesAndTitlesSafely() throws {
    let corpus = try HostileCorpus()
    defer { corpus.folder.remove() }
    let path = corpus.folder.path
    for arguments in [
      ["list", path], ["list", "--json", path], ["check", path], ["check", "--json", path],
    ] {
      let result = try CLIRunner.run(arguments)
      #expect(result.status == 0, "\(arguments)")
      Self.expectPlainText(result, arguments.joined(separator: " "))
    }
    let list = try CLIRunner.run(["list", "--json", path])
    let titles = try JSON.array(list.stdout).compactMap { $0["title"] as? String }
    #expect(
      titles.filter { $0 == HostileCorpus.cleaned("HOSTILETITLE") }.count
        == HostileText.fileNames.count)
    #expect(titles.contains { $0.hasPrefix("Raw Latin1 HOSTILERAW title ›") })
    let check = try CLIRunner.run(["check", path])
    let articles = HostileText.fileNames.count + 2
    #expect(check.stdout.hasPrefix("\(articles) of \(articles + 1) files loaded, 1 skipped"))
    #expect(check.stdout.contains("empty"))
  }

  @Test func showPrintsEveryHostileFieldCleaned() throws {
    let corpus = try HostileCorpus()
    defer { corpus.folder.remove() }
    for file in [corpus.article, corpus.latin1] {
      for arguments in [
        ["show", file], ["show", "--width", "30", file], ["show", "--json", file],
      ] {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 0, "\(arguments)")
        Self.expectPlainText(result, arguments.joined(separator: " "))
      }
    }
    let json = try JSON.object(try CLIRunner.run(["show", "--json", corpus.article]).stdout)
    #expect(json["title"] as? String == HostileCorpus.cleaned("HOSTILETITLE"))
    #expect(json["dek"] as? String == HostileCorpus.cleaned("HOSTILEDEK"))
    let images = try #require(json["images"] as? [[String: Any]])
    #expect(
      images.map { $0["credit"] as? String }
        == ["HOSTILEGCREDIT", "HOSTILECCREDIT"].map(HostileCorpus.cleaned))
    #expect(images.last?["caption"] as? String == HostileCorpus.cleaned("HOSTILECAPTION") + ".")
    let text = try CLIRunner.run(["show", "--width", "0", corpus.article]).stdout
    for marker in ["HOSTILEBODY", "HOSTILELABEL", "HOSTILEGALLERY", "reads backwards"] {
      #expect(text.contains(marker), "\(marker) in show")
    }
  }

  @Test func searchAndCreditsShowHostileTextSafely() throws {
    let corpus = try HostileCorpus()
    defer { corpus.folder.remove() }
    let path = corpus.folder.path
    let runs = [
      ["search", "hostiletitle", path], ["search", "--json", "hostilebody", path],
      ["search", "caption:hostilecaption", path], ["search", "hostileraw", path],
      ["credits", path], ["credits", "--json", path],
    ]
    for arguments in runs {
      let result = try CLIRunner.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      #expect(!result.stdout.isEmpty, "\(arguments)")
      Self.expectPlainText(result, arguments.joined(separator: " "))
    }
    let credits = try CLIRunner.run(["credits", path]).stdout
    #expect(credits.contains(HostileCorpus.cleaned("HOSTILEGCREDIT")))
  }

  @Test func usageErrorsNeverEchoEscapesFromArguments() throws {
    for arguments in [
      ["list", "--sort", HostileText.clearScreen], ["list", "--nope\(HostileText.windowTitle)"],
    ] {
      let result = try CLIRunner.run(arguments)
      #expect(result.status == 64)
      #expect(result.stderr.hasPrefix("Error: "))
      Self.expectPlainText(result, arguments.joined(separator: " "))
    }
    let badQuery = try CLIRunner.run(["search", "\"\(HostileText.clipboardWrite)", "."])
    #expect(badQuery.status == 2)
    Self.expectPlainText(badQuery, "a bad search query")
  }

  @Test func errorsQuotingHostilePathsAreSafe() throws {
    let corpus = try HostileCorpus()
    defer { corpus.folder.remove() }
    let missing = corpus.folder.path("gone-\(HostileText.inline.joined()).txt")
    let commands = [["list"], ["show"], ["check", "--json"], ["credits"], ["search", "x"], []]
    for command in commands {
      let result = try CLIRunner.run(command + [missing])
      #expect(result.status == 2, "\(command)")
      #expect(result.stderr.hasPrefix("marquee: "), "\(command)")
      #expect(result.stderr.contains("gone-"), "\(command)")
      Self.expectPlainText(result, "\(command) on a missing hostile path")
    }
    let empty = try CLIRunner.run(["show", corpus.empty])
    #expect(empty.status == 2)
    #expect(empty.stderr.contains("empty file"))
    Self.expectPlainText(empty, "show of an empty file with a hostile name")
  }
}

@Suite("shared seed article")
struct SeedArticleTests {
  @Test(
    .enabled(
      if: SharedFolder.exists(SharedFolder.seedArticle),
      "needs ../shared/\(SharedFolder.seedArticle) beside the package root"))
  func seedHasTwoImagesWithCreditsAsWritten() throws {
    let result = try CLIRunner.run(["show", "--json", SharedFolder.path(SharedFolder.seedArticle)])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let json = try JSON.object(result.stdout)
    let images = try #require(json["images"] as? [[String: Any]])
    #expect(images.count == 2)
    // Credits are kept exactly as written, typo included.
    #expect(images.map { $0["credit"] as? String } == ["YouTube", "YoutTube"])
    #expect(images.first?["gallery"] as? Bool == true)
    #expect(images.first?["caption"] is NSNull)
    #expect(images.last?["gallery"] as? Bool == false)
    let paragraphs = try #require(json["paragraphs"] as? [String])
    #expect(!paragraphs.isEmpty)
    #expect(!paragraphs.contains { $0.contains("More From Our Partners") })
  }
}
