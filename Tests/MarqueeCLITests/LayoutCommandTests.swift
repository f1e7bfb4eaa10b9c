import Foundation
import MarqueeTestSupport
import Testing

/// What the layout work added to the command line: `show --explain`, the author and
/// date in `show`, `list --sort date` by the article's own date, `credits --by source`.
@Suite("Layout on the command line")
struct LayoutCommandTests {
  private static let weekly = """
    Mara Quill And Devan Ashford Step Out In Lisbon

    By Corinne Halbrook and Abel Okonkwo
    Published on June 3, 2025 09:14AM EDT

    The couple were seen at a café near the river on Sunday.

    Mara Quill and Devan Ashford. Wilfred Ocampo/GC Images

    ADVERTISEMENT

    They have been together since 2023, a source said.

    READ MORE:
    Mara Quill Opens Up About Her New Album

    Sign up for our free daily newsletter to get the latest news.
    """

  private static let older = """
    An Older Story From The Archive

    March 4, 2019

    Nothing much happened that week, but it was written down anyway.

    Tristan Fewings / Getty Images
    The paragraph after the credit.

    Getty
    """

  @Test func showGivesAuthorDateAndPublishedDay() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write(Self.weekly, to: "weekly.txt")
    let result = try CLIRunner.run(["show", "--json", path])
    #expect(result.status == 0)
    let json = try JSON.object(result.stdout)
    #expect(json["author"] as? String == "Corinne Halbrook and Abel Okonkwo")
    #expect(json["date"] as? String == "June 3, 2025 09:14AM EDT")
    #expect(json["published"] as? String == "2025-06-03")
    #expect(json["dek"] as? String == "The couple were seen at a café near the river on Sunday.")
    #expect(
      json["paragraphs"] as? [String] == ["They have been together since 2023, a source said."])
    let images = try #require(json["images"] as? [[String: Any]])
    #expect(images.map { $0["credit"] as? String } == ["Wilfred Ocampo/GC Images"])
    #expect(json["related"] as? [String] == ["Mara Quill Opens Up About Her New Album"])

    let text = try CLIRunner.run(["show", "--width", "0", path])
    #expect(text.stdout.contains("By Corinne Halbrook and Abel Okonkwo · June 3, 2025 09:14AM EDT"))
    #expect(!text.stdout.contains("ADVERTISEMENT"))
  }

  @Test func explainNamesEveryLineWithItsRule() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try folder.write(Self.weekly, to: "weekly.txt")
    let result = try CLIRunner.run(["show", "--explain", path])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    func line(_ number: Int) -> String? {
      lines.first {
        $0.hasPrefix(String(repeating: " ", count: 5 - String(number).count) + "\(number) ")
      }
    }
    #expect(line(1)?.contains("title") == true)
    #expect(line(3)?.contains("author") == true)
    #expect(line(4)?.contains("date") == true)
    #expect(line(10)?.contains("furniture:ad") == true)
    #expect(line(10)?.contains("← phrase “advertisement”") == true)
    #expect(line(14)?.contains("furniture:related") == true)
    #expect(line(15)?.contains(" related ") == true)
    #expect(line(17)?.contains("furniture:newsletter") == true)
    #expect(lines.filter { $0.hasPrefix("── block ") }.count == 8)

    let json = try CLIRunner.run(["show", "--explain", "--json", path])
    let rows = try JSON.array(json.stdout)
    #expect(rows.count == 10, "one object per non-blank line")
    let credit = try #require(rows.first { $0["line"] as? Int == 8 })
    let decisions = try #require(credit["decisions"] as? [[String: Any]])
    #expect(decisions.map { $0["role"] as? String } == ["caption", "credit"])
    #expect(decisions.last?["value"] as? String == "Wilfred Ocampo/GC Images")
  }

  @Test func explainOfAMissingFileFailsWithOneLine() throws {
    let result = try CLIRunner.run(["show", "--explain", "/nonexistent/page.txt"])
    #expect(result.status == 2)
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  @Test func listSortsByTheArticlesOwnDate() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let weekly = try folder.write(Self.weekly, to: "a-weekly.txt")
    let older = try folder.write(Self.older, to: "b-older.txt")
    // The older story's file is the newer file: its own date must win.
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: weekly)
    let result = try CLIRunner.run(["list", "--json", "--sort", "date", folder.path])
    #expect(result.status == 0)
    let paths = try JSON.array(result.stdout).compactMap { $0["path"] as? String }
    #expect(paths == [weekly, older])
  }

  @Test func creditsGroupBySource() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(Self.weekly, to: "weekly.txt")
    try folder.write(Self.older, to: "older.txt")
    let asWritten = try JSON.array(try CLIRunner.run(["credits", "--json", folder.path]).stdout)
    #expect(
      Set(asWritten.compactMap { $0["credit"] as? String }) == [
        "Wilfred Ocampo/GC Images", "Tristan Fewings / Getty Images", "Getty",
      ])
    let result = try CLIRunner.run(["credits", "--by", "source", "--json", folder.path])
    #expect(result.status == 0)
    let rows = try JSON.array(result.stdout)
    #expect(rows.first?["source"] as? String == "Getty Images")
    #expect(rows.first?["images"] as? Int == 2)
    #expect(rows.first?["articles"] as? Int == 1)
    #expect(rows.first?["credits"] as? [String] == ["Getty", "Tristan Fewings / Getty Images"])
    #expect(rows.last?["source"] as? String == "GC Images")
    let table = try CLIRunner.run(["credits", "--by", "source", folder.path])
    #expect(table.stdout.hasPrefix("IMAGES  ARTICLES  SOURCE"))
  }
}
