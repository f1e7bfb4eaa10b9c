import Foundation
import MarqueeTestSupport
import Testing

@Suite("marquee search")
struct SearchCommandTests {
  /// Three small articles: one names the star in its title, one only in its body.
  private static func makeCorpus() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write(
      "Marisol Vey Wins Best Actress\n\nThe night belonged to Marisol Vey.\n\nShe thanked her mother.\n",
      to: "a-title.txt")
    try folder.write(
      "Festival Round-Up\n\nA busy weekend.\n\nBackstage, Marisol Vey’s stylist told us about the gown.\n",
      to: "b-body.txt")
    try folder.write(
      "Box Office Report\n\nNumbers are in.\n\nLabel Line\nImage Credit: Kestrel Photo Agency\n\nThe sequel led.\n",
      to: "c-other.txt")
    return folder
  }

  @Test func jsonIsRankedWithSnippets() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["search", "marisol", folder.path, "--json"])
    #expect(result.status == 0)
    let rows = try JSON.array(result.stdout)
    #expect(rows.allSatisfy { Set($0.keys) == ["path", "title", "score", "snippet"] })
    #expect(
      rows.map { $0["path"] as? String } == [folder.path("a-title.txt"), folder.path("b-body.txt")])
    let scores = rows.compactMap { $0["score"] as? Double }
    #expect(scores.count == 2 && scores[0] > scores[1])
    #expect((rows[1]["snippet"] as? String)?.contains("[Marisol] Vey’s stylist") == true)
  }

  @Test func possessivesAndScopesWork() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let possessive = try CLIRunner.run(["search", "vey's", folder.path, "--json"])
    #expect(try JSON.array(possessive.stdout).count == 2)
    let titled = try CLIRunner.run(["search", "title:marisol", folder.path, "--json"])
    #expect(
      try JSON.array(titled.stdout).map { $0["path"] as? String } == [folder.path("a-title.txt")])
    let credit = try CLIRunner.run(["search", "credit:\"kestrel photo\"", folder.path, "--json"])
    #expect(
      try JSON.array(credit.stdout).map { $0["path"] as? String } == [folder.path("c-other.txt")])
  }

  @Test func pipedTextMarksMatchesWithBrackets() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["search", "gown", folder.path])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix(folder.path("b-body.txt") + ": Festival Round-Up\n"))
    #expect(result.stdout.contains("[gown]"))
    #expect(!result.stdout.utf8.contains(0x1B))
  }

  @Test func noMatchExitsOneLikeGrep() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["search", "zeppelin", folder.path, "--json"])
    #expect(result.status == 1)
    #expect(try JSON.array(result.stdout).isEmpty)
    #expect(result.stderr.contains("no articles match zeppelin"))
  }

  @Test(arguments: ["\"open", "-", "", "OR x"])
  func badQueriesExitTwoWithAMessage(query: String) throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["search", query, folder.path])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("marquee: bad query: "))
  }

  @Test func badPathExitsTwo() throws {
    let result = try CLIRunner.run(["search", "x", "/no/such/marquee/dir"])
    #expect(result.status == 2)
    #expect(result.stderr == "marquee: no such file or directory: /no/such/marquee/dir\n")
  }

  @Test func limitCutsTheList() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["search", "marisol", folder.path, "--json", "--limit", "1"])
    #expect(try JSON.array(result.stdout).count == 1)
  }
}
