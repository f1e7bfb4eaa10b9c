import Foundation
import MarqueeTestSupport
import Testing

@Suite("marquee list")
struct ListCommandTests {
  /// A folder with the three sample articles, written in an order unlike any sort order.
  private static func makeCorpus() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write(Samples.orchard, to: "03-orchard.txt")
    try folder.write(Samples.harbor, to: "01-harbor.txt")
    try folder.write(Samples.beacon, to: "02-beacon.txt")
    return folder
  }

  private static func titles(_ rows: [[String: Any]]) -> [String] {
    rows.map { $0["title"] as? String ?? "<missing title>" }
  }

  @Test func jsonRowsHaveExactlyTheDocumentedKeysAndValues() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["list", "--json", folder.path])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let rows = try JSON.array(result.stdout)
    try #require(rows.count == 3)

    let expected: [(name: String, article: ArticleFixture)] = [
      ("01-harbor.txt", Samples.harbor),
      ("02-beacon.txt", Samples.beacon),
      ("03-orchard.txt", Samples.orchard),
    ]
    for (row, (name, article)) in zip(rows, expected) {
      #expect(Set(row.keys) == ["path", "title", "images", "words", "read", "flagged"])
      #expect(row["read"] as? Bool == false && row["flagged"] as? Bool == false)
      #expect(row["path"] as? String == folder.path(name))
      #expect(row["title"] as? String == article.title)
      #expect(row["images"] as? Int == article.imageCount)
      #expect(row["words"] as? Int == article.wordCount)
    }
    // Sanity check of the fixtures: the counts differ, so a mix-up would show.
    #expect(expected.map(\.article.imageCount) == [2, 3, 4])
  }

  /// The reader's marks, written here as the reader writes its marks file (by path;
  /// the hashes match no text), show in `--json` and choose the rows of `--unread` and
  /// `--flagged`.
  @Test func theReadersMarksShowAndFilterTheList() throws {
    let folder = try Self.makeCorpus()
    let state = try TemporaryFolder()
    defer {
      folder.remove()
      state.remove()
    }
    try FileManager.default.createDirectory(
      atPath: state.path + "/marquee", withIntermediateDirectories: true)
    _ = try state.write(
      "marquee marks 1\n0000000000000001\tr\t\(folder.path("01-harbor.txt"))\n"
        + "0000000000000002\trf\t\(folder.path("03-orchard.txt"))\n", to: "marquee/marks")
    let environment: [String: String?] = ["MARQUEE_STATE": nil, "XDG_STATE_HOME": state.path]
    func names(_ arguments: [String]) throws -> [String] {
      let result = try CLIRunner.run(
        ["list", "--json"] + arguments + [folder.path], environment: environment)
      #expect(result.status == 0 && result.stderr == "", "\(result.stderr)")
      return try JSON.array(result.stdout).map {
        let name = ($0["path"] as? String ?? "").split(separator: "/").last.map(String.init) ?? ""
        return
          "\(name) \($0["read"] as? Bool == true ? "r" : "-")\($0["flagged"] as? Bool == true ? "f" : "-")"
      }
    }
    #expect(try names([]) == ["01-harbor.txt r-", "02-beacon.txt --", "03-orchard.txt rf"])
    #expect(try names(["--unread"]) == ["02-beacon.txt --"])
    #expect(try names(["--flagged"]) == ["03-orchard.txt rf"])
    #expect(
      try names(["--no-state"]) == ["01-harbor.txt --", "02-beacon.txt --", "03-orchard.txt --"])
    // A damaged marks file: one line on standard error, the list as if nothing were marked.
    _ = try state.write("not marks\n", to: "marquee/marks")
    let damaged = try CLIRunner.run(["list", "--unread", folder.path], environment: environment)
    #expect(damaged.status == 0)
    #expect(
      damaged.stderr.hasPrefix("marquee: \(state.path)/marquee/marks could not be read (line 1"))
    #expect(damaged.stdout.hasPrefix("3 articles"))
  }

  @Test func sortsByPathByDefault() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["list", "--json", folder.path])
    #expect(result.status == 0)
    let paths = try JSON.array(result.stdout).map { $0["path"] as? String ?? "" }
    #expect(
      paths == ["01-harbor.txt", "02-beacon.txt", "03-orchard.txt"].map(folder.path))
    #expect(paths == paths.sorted())
  }

  @Test func sortsByTitle() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["list", "--json", "--sort", "title", folder.path])
    #expect(result.status == 0)
    #expect(
      Self.titles(try JSON.array(result.stdout))
        == [Samples.beacon.title, Samples.harbor.title, Samples.orchard.title])
  }

  @Test func sortsByWordsLongestFirst() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["list", "--json", "--sort", "words", folder.path])
    #expect(result.status == 0)
    let rows = try JSON.array(result.stdout)
    #expect(
      Self.titles(rows) == [Samples.orchard.title, Samples.harbor.title, Samples.beacon.title])
    let words = rows.map { $0["words"] as? Int ?? -1 }
    #expect(words == words.sorted(by: >))
    #expect(Set(words).count == 3, "fixture lengths must differ for this test to mean anything")
  }

  @Test func rejectsAnUnknownSortOrder() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["list", "--json", "--sort", "colour", folder.path])
    #expect(result.status != 0)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("colour"))
  }

  @Test func ignoresOtherExtensionsUnlessIncluded() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let notes = ArticleFixture(
      title: "Notes On A Quiet Rehearsal", dek: "A short markdown article.",
      gallery: GalleryImage(label: "Rehearsal Room", credit: "Lumen Wire"),
      opening: ["The rehearsal was quiet and short."], captioned: [],
      closing: ["Nobody was late."])
    try folder.write(notes, to: "04-notes.md")
    try folder.write(Samples.harbor, to: "05-copy.text")

    let plain = try CLIRunner.run(["list", "--json", folder.path])
    #expect(plain.status == 0)
    #expect(
      Self.titles(try JSON.array(plain.stdout))
        == [Samples.harbor.title, Samples.beacon.title, Samples.orchard.title])

    // --include replaces the default *.txt glob.
    let onlyMarkdown = try CLIRunner.run(["list", "--json", "--include", "*.md", folder.path])
    #expect(onlyMarkdown.status == 0)
    let markdownRows = try JSON.array(onlyMarkdown.stdout)
    #expect(Self.titles(markdownRows) == [notes.title])
    #expect(markdownRows.first?["path"] as? String == folder.path("04-notes.md"))
    #expect(markdownRows.first?["images"] as? Int == 1)

    let both = try CLIRunner.run([
      "list", "--json", "--include", "*.txt", "--include", "*.md", folder.path,
    ])
    #expect(both.status == 0)
    #expect(
      Self.titles(try JSON.array(both.stdout))
        == [Samples.harbor.title, Samples.beacon.title, Samples.orchard.title, notes.title])
  }

  @Test func ignoresHiddenFilesAndFolders() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    try folder.write(Samples.harbor, to: ".hidden.txt")
    try folder.write(Samples.beacon, to: ".secret/inside.txt")
    try folder.write(Samples.orchard, to: "nested/04-visible.txt")

    let result = try CLIRunner.run(["list", "--json", folder.path])
    #expect(result.status == 0)
    let paths = try JSON.array(result.stdout).map { $0["path"] as? String ?? "" }
    #expect(
      paths
        == ["01-harbor.txt", "02-beacon.txt", "03-orchard.txt", "nested/04-visible.txt"].map(
          folder.path))
    #expect(!paths.contains { $0.contains("hidden") || $0.contains(".secret") })
  }

  @Test func textTableShowsEveryArticle() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run(["list", folder.path])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    // A count line, then the table from its header row.
    let lines = result.stdoutLines
    #expect(lines.first == "3 articles")
    let header = try #require(lines.firstIndex { $0.hasPrefix("PATH") }, "no header row")
    for column in ["IMAGES", "WORDS", "TITLE"] {
      #expect(lines[header].contains(column))
    }
    let rows = Array(lines[(header + 1)...])
    try #require(rows.count == 3)
    let expected: [(String, ArticleFixture)] = [
      ("01-harbor.txt", Samples.harbor), ("02-beacon.txt", Samples.beacon),
      ("03-orchard.txt", Samples.orchard),
    ]
    for (row, (name, article)) in zip(rows, expected) {
      let columns = row.split(separator: " ").map(String.init)
      try #require(columns.count > 3, "row: \(row)")
      // The path as given and as `show` opens it, not relative to a shared folder.
      #expect(columns[0] == folder.path(name))
      #expect(columns[1] == "\(article.imageCount)")
      #expect(columns[2] == "\(article.wordCount)")
      #expect(row.hasSuffix("  " + article.title))
    }
  }

  @Test func defaultCommandNeedsATerminal() throws {
    let folder = try Self.makeCorpus()
    defer { folder.remove() }
    let result = try CLIRunner.run([folder.path])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(
      result.stderr
        == "marquee: the reader needs a terminal; try 'marquee list' or 'marquee show FILE'\n")
  }

  @Test func defaultCommandReportsAMissingPathBeforeTheTerminal() throws {
    let result = try CLIRunner.run(["/no/such/marquee/folder"])
    #expect(result.status == 2)
    #expect(result.stderr == "marquee: no such file or directory: /no/such/marquee/folder\n")
  }
}
