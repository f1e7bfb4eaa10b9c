import Foundation
import MarqueeTestSupport
import Testing

@Suite("terminal safety")
struct TerminalSafetyTests {
  private static let escape: UInt8 = 0x1B

  /// An article whose title, dek, credit and file name all carry escape sequences.
  private static func makeHostileCorpus() throws -> (TemporaryFolder, article: String) {
    let folder = try TemporaryFolder()
    let hostile = ArticleFixture(
      title: "\u{1B}]0;pwned\u{07}Title \u{1B}[2J",
      dek: "A dek with \u{1B}[31mred\u{1B}[0m text in it.",
      gallery: GalleryImage(label: "Odd \u{1B}[5mLabel", credit: "Bad \u{1B}[1mCredit"),
      opening: ["A paragraph that tries \u{1B}]8;;http://example.invalid\u{07}a link."],
      captioned: [], closing: [])
    let article = try folder.write(hostile, to: "esc\u{1B}[31mname.txt")
    try folder.write(bytes: [], to: "empty\u{1B}[2Jname.txt")
    return (folder, article)
  }

  private static func expectNoEscape(
    _ result: CLIResult, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      !result.stdout.utf8.contains(escape), "stdout of \(label) holds ESC",
      sourceLocation: sourceLocation)
    #expect(
      !result.stderr.utf8.contains(escape), "stderr of \(label) holds ESC",
      sourceLocation: sourceLocation)
  }

  @Test func listNeverPrintsEscape() throws {
    let (folder, _) = try Self.makeHostileCorpus()
    defer { folder.remove() }
    for arguments in [["list", folder.path], ["list", "--json", folder.path]] {
      let result = try CLIRunner.run(arguments)
      #expect(result.status == 0)
      #expect(result.stdout.contains("Title"))
      Self.expectNoEscape(result, arguments.joined(separator: " "))
    }
  }

  @Test func usageErrorsNeverEchoEscapesFromArguments() throws {
    for arguments in [["list", "--sort", "\u{1B}[2J"], ["list", "--nope\u{1B}]0;x\u{07}"]] {
      let result = try CLIRunner.run(arguments)
      #expect(result.status == 64)
      #expect(result.stderr.hasPrefix("Error: "))
      Self.expectNoEscape(result, arguments.joined(separator: " "))
    }
  }

  @Test func listJSONKeepsTheCleanedTitle() throws {
    let (folder, _) = try Self.makeHostileCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["list", "--json", folder.path])
    #expect(result.status == 0)
    let rows = try JSON.array(result.stdout)
    #expect(rows.map { $0["title"] as? String } == ["Title"])
  }

  @Test func showNeverPrintsEscape() throws {
    let (folder, article) = try Self.makeHostileCorpus()
    defer { folder.remove() }
    for arguments in [["show", article], ["show", "--width", "30", article]] {
      let result = try CLIRunner.run(arguments)
      #expect(result.status == 0)
      #expect(result.stdoutLines.first == "Title")
      #expect(result.stdout.contains("Bad Credit"))
      Self.expectNoEscape(result, arguments.joined(separator: " "))
    }
    let json = try CLIRunner.run(["show", "--json", article])
    #expect(json.status == 0)
    Self.expectNoEscape(json, "show --json")
    let object = try JSON.object(json.stdout)
    #expect(object["title"] as? String == "Title")
    #expect(object["dek"] as? String == "A dek with red text in it.")
  }

  @Test func checkNeverPrintsEscape() throws {
    let (folder, _) = try Self.makeHostileCorpus()
    defer { folder.remove() }
    for arguments in [["check", folder.path], ["check", "--json", folder.path]] {
      let result = try CLIRunner.run(arguments)
      #expect(result.status == 0)
      #expect(result.stdout.contains("empty"))
      Self.expectNoEscape(result, arguments.joined(separator: " "))
    }
  }

  @Test func errorsNeverPrintEscape() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let missing = folder.path("gone\u{1B}]0;pwned\u{07}.txt")
    for arguments in [["list", missing], ["show", missing], ["check", "--json", missing]] {
      let result = try CLIRunner.run(arguments)
      #expect(result.status == 2)
      #expect(result.stderr.hasPrefix("marquee: "))
      Self.expectNoEscape(result, arguments.first ?? "")
    }
    let (hostile, _) = try Self.makeHostileCorpus()
    defer { hostile.remove() }
    let empty = hostile.path("empty\u{1B}[2Jname.txt")
    let result = try CLIRunner.run(["show", empty])
    #expect(result.status == 2)
    Self.expectNoEscape(result, "show of an empty file")
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
