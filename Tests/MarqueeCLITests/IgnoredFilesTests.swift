import Foundation
import MarqueeTestSupport
import Testing

/// Files in folders that no `--include` glob matched: `check` always counts them, and
/// the commands that list articles say so when nothing (or next to nothing) loaded.
@Suite("Files no glob matched")
struct IgnoredFilesTests {
  static let note = "3 files without .txt ignored; use --include '*'"

  /// Three posts without an extension, a hidden file and a folder: three ignored.
  private static func makePosts() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write("Subject: First post\n\nHello there.\n", to: "posts/101")
    try folder.write("Subject: Second post\n\nHello again.\n", to: "posts/102")
    try folder.write("Subject: Third post\n\nGoodbye.\n", to: "posts/deeper/103")
    try folder.write("hidden", to: "posts/.index")
    return folder
  }

  @Test func checkCountsThemInTextAndJSON() throws {
    let folder = try Self.makePosts()
    defer { folder.remove() }
    let text = try CLIRunner.run(["check", folder.path])
    #expect(text.status == 0)
    #expect(text.stderr == "")
    #expect(text.stdoutLines == ["0 of 0 files loaded, 0 skipped", Self.note])

    let json = try CLIRunner.run(["check", "--json", folder.path])
    #expect(json.status == 0)
    #expect(json.stderr == "")
    let report = try JSON.object(json.stdout)
    #expect(report["files"] as? Int == 0 && report["loaded"] as? Int == 0)
    #expect(report["ignored"] as? Int == 3)
    #expect(report["include"] as? [String] == ["*.txt"])

    let several = try CLIRunner.run([
      "check", "--include", "*.md", "--include", "post-*", folder.path,
    ])
    #expect(
      several.stdoutLines.last
        == "3 files not matching '*.md' or 'post-*' ignored; use --include '*'")

    let every = try CLIRunner.run(["check", "--json", "--include", "*", folder.path])
    let loaded = try JSON.object(every.stdout)
    #expect(loaded["loaded"] as? Int == 3 && loaded["ignored"] as? Int == 0)
    let none = try CLIRunner.run(["check", "--include", "*", folder.path])
    #expect(none.stdoutLines == ["3 of 3 files loaded, 0 skipped"])
  }

  @Test func anEmptyListSearchOrCreditsSaysWhyOnStandardError() throws {
    let folder = try Self.makePosts()
    defer { folder.remove() }
    let line = "marquee: \(Self.note)\n"
    let list = try CLIRunner.run(["list", folder.path])
    #expect(list.status == 0)
    #expect(list.stdoutLines.first == "0 articles")
    #expect(list.stderr == line)
    let json = try CLIRunner.run(["list", "--json", folder.path])
    #expect(try JSON.array(json.stdout).isEmpty)
    #expect(json.stderr == line)
    let search = try CLIRunner.run(["search", "hello", folder.path])
    #expect(search.status == 1)
    #expect(search.stderr.hasPrefix(line))
    let credits = try CLIRunner.run(["credits", folder.path])
    #expect(credits.status == 0)
    #expect(credits.stderr == line)
    let included = try CLIRunner.run(["list", "--json", "--include", "*", folder.path])
    #expect(try JSON.array(included.stdout).count == 3)
    #expect(included.stderr == "")
  }

  @Test func articlesBesideAFewOtherFilesListQuietly() throws {
    let folder = try Self.makePosts()
    defer { folder.remove() }
    try folder.write(Samples.harbor, to: "posts/harbor.txt")
    let list = try CLIRunner.run(["list", folder.path])
    #expect(list.status == 0)
    #expect(list.stdoutLines.first == "1 article")
    #expect(list.stderr == "", "3 ignored beside 1 article is not next to nothing")
    let check = try CLIRunner.run(["check", folder.path])
    #expect(check.stdoutLines == ["1 of 1 files loaded, 0 skipped", Self.note])
  }

  @Test(
    .enabled(
      if: SharedFolder.exists("corpora/newsgroups-odd"),
      "needs ../shared/corpora/newsgroups-odd beside the package root"))
  func aRealFolderOfPostsWithoutExtensions() throws {
    let path = SharedFolder.path("corpora/newsgroups-odd")
    let check = try CLIRunner.run(["check", path])
    #expect(check.status == 0)
    let lines = check.stdoutLines
    #expect(lines.first == "0 of 0 files loaded, 0 skipped")
    #expect(lines.last?.hasSuffix(" files without .txt ignored; use --include '*'") == true)
    let count = try #require(lines.last?.split(separator: " ").first.flatMap { Int($0) })
    let json = try JSON.object(try CLIRunner.run(["check", "--json", path]).stdout)
    #expect(json["ignored"] as? Int == count)
    // Every one of them is a file the walk finds with --include '*'.
    let every = try JSON.object(
      try CLIRunner.run(["check", "--json", "--include", "*", path]).stdout)
    #expect(every["files"] as? Int == count)
    #expect(count > 200)
  }
}
