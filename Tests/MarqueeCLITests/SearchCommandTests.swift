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

  /// A word in no article: the nearest indexed word on standard error, and status 1.
  @Test func aMisspeltWordGetsADidYouMean() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["search", "title:marisl", folder.path])
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(
      result.stderr == "marquee: no articles match title:marisl; did you mean “title:marisol”?\n")
    let words = try CLIRunner.run(["search", "zebra", folder.path])
    #expect(words.stderr == "marquee: no articles match zebra\n", "nothing close")
  }

  @Test func jsonIsRankedWithSnippets() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["search", "marisol", folder.path, "--json"])
    #expect(result.status == 0)
    let rows = try JSON.array(result.stdout)
    #expect(rows.allSatisfy { Set($0.keys) == ["path", "title", "score", "snippet", "total"] })
    #expect(rows.allSatisfy { $0["total"] as? Int == 2 })
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

  /// Standard error says how many matched in all, and how many of them `--limit` kept;
  /// JSON stays an array of rows, each with the total.
  @Test func theCountSaysHowManyMatchedWhateverTheLimit() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for number in 1...7 {
      try folder.write(
        "Gala Night \(number)\n\nThe gala number \(number) went late.\n", to: "gala-\(number).txt")
    }
    try folder.write("Quiet Week\n\nNothing happened.\n", to: "quiet.txt")
    func run(_ extra: [String]) throws -> CLIResult {
      let result = try CLIRunner.run(["search", "gala", folder.path] + extra)
      #expect(result.status == 0, "\(extra): \(result.stderr)")
      return result
    }
    let limited = try run(["--limit", "3"])
    #expect(limited.stderr == "3 of 7 matches\n")
    #expect(limited.stdoutLines.count == 6, "a path line and a context line a match")
    #expect(try run([]).stderr == "7 matches\n")
    #expect(try run(["--limit", "7"]).stderr == "7 matches\n")
    #expect(try run(["--limit", "50"]).stderr == "7 matches\n")
    #expect(try run(["--limit", "1"]).stderr == "1 of 7 matches\n")

    let one = try CLIRunner.run(["search", "quiet", folder.path])
    #expect(one.stderr == "1 match\n")

    let limitedJSON = try run(["--json", "--limit", "3"])
    #expect(limitedJSON.stderr == "")
    let rows = try JSON.array(limitedJSON.stdout)
    #expect(rows.count == 3)
    #expect(rows.map { $0["total"] as? Int } == [7, 7, 7])
    let all = try JSON.array(try run(["--json"]).stdout)
    #expect(all.count == 7 && all.allSatisfy { $0["total"] as? Int == 7 })
    #expect(all.prefix(3).map { $0["path"] as? String } == rows.map { $0["path"] as? String })
  }
}
