import Foundation
import MarqueeTestSupport
import Testing

@Suite("marquee credits")
struct CreditsCommandTests {
  private struct Row: Equatable, CustomStringConvertible {
    let credit: String
    let images: Int
    let articles: Int

    var description: String { "\(credit): \(images) images in \(articles) articles" }
  }

  private static func rows(_ text: String) throws -> [Row] {
    try JSON.array(text).map { object in
      #expect(Set(object.keys) == ["credit", "images", "articles"])
      return Row(
        credit: try #require(object["credit"] as? String),
        images: try #require(object["images"] as? Int),
        articles: try #require(object["articles"] as? Int))
    }
  }

  @Test func countsImagesAndArticlesPerCreditMostUsedFirst() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // Lumen Wire: harbor's gallery and one of beacon's captions (2 images, 2 articles).
    // Northgate Studios: beacon's gallery and a caption (2 images, 1 article).
    try folder.write(Samples.harbor, to: "harbor.txt")
    try folder.write(Samples.beacon, to: "beacon.txt")
    let result = try CLIRunner.run(["credits", "--json", folder.path])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(
      try Self.rows(result.stdout) == [
        Row(credit: "Lumen Wire", images: 2, articles: 2),
        Row(credit: "Northgate Studios", images: 2, articles: 1),
        Row(credit: "Kestrel Photo Agency", images: 1, articles: 1),
      ])
  }

  @Test func breaksTiesByCreditName() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(Samples.harbor, to: "a.txt")
    try folder.write(Samples.beacon, to: "b.txt")
    try folder.write(Samples.orchard, to: "c.txt")
    let result = try CLIRunner.run(["credits", "--json", folder.path])
    #expect(result.status == 0)
    #expect(
      try Self.rows(result.stdout) == [
        Row(credit: "Pellucid Pictures", images: 3, articles: 1),
        Row(credit: "Lumen Wire", images: 2, articles: 2),
        Row(credit: "Northgate Studios", images: 2, articles: 1),
        Row(credit: "Aster Frames", images: 1, articles: 1),
        Row(credit: "Kestrel Photo Agency", images: 1, articles: 1),
      ])
  }

  @Test func tableListsEachCreditOnce() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(Samples.harbor, to: "harbor.txt")
    try folder.write(Samples.beacon, to: "beacon.txt")
    let result = try CLIRunner.run(["credits", folder.path])
    #expect(result.status == 0)
    let lines = result.stdoutLines
    try #require(lines.count == 4)
    #expect(lines[0].contains("IMAGES") && lines[0].contains("CREDIT"))
    #expect(lines[1].split(separator: " ") == ["2", "2", "Lumen", "Wire"])
    #expect(lines[2].split(separator: " ") == ["2", "1", "Northgate", "Studios"])
    #expect(lines[3].split(separator: " ") == ["1", "1", "Kestrel", "Photo", "Agency"])
  }
}

@Suite("marquee check")
struct CheckCommandTests {
  private struct Skip: Equatable {
    let path: String
    let reason: String
  }

  private static func report(_ text: String) throws -> (files: Int, loaded: Int, skipped: [Skip]) {
    let json = try JSON.object(text)
    #expect(Set(json.keys) == ["files", "loaded", "skipped", "ignored", "include"])
    let skipped = try #require(json["skipped"] as? [[String: Any]]).map { object in
      #expect(Set(object.keys) == ["path", "reason"])
      return Skip(
        path: try #require(object["path"] as? String),
        reason: try #require(object["reason"] as? String))
    }
    return (
      try #require(json["files"] as? Int), try #require(json["loaded"] as? Int), skipped
    )
  }

  /// Two good articles, a file with NUL bytes, an empty file, and a non-.txt file.
  private static func makeCorpusWithProblems() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write(Samples.harbor, to: "a-harbor.txt")
    try folder.write(Samples.beacon, to: "d-beacon.txt")
    try folder.write(
      bytes: Array("Title\n\nSome".utf8) + [0, 0, 1, 2] + Array("text".utf8),
      to: "b-binary.txt")
    try folder.write(bytes: [], to: "c-empty.txt")
    try folder.write("Not an article at all", to: "notes.md")
    return folder
  }

  @Test func reportsLoadedAndSkippedFilesWithReasons() throws {
    let folder = try Self.makeCorpusWithProblems()
    defer { folder.remove() }
    let result = try CLIRunner.run(["check", "--json", folder.path])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let report = try Self.report(result.stdout)
    #expect(report.files == 4)
    #expect(report.loaded == 2)
    try #require(report.skipped.count == 2)
    #expect(
      report.skipped.map(\.path) == [folder.path("b-binary.txt"), folder.path("c-empty.txt")])
    #expect(report.skipped[0].reason.contains("binary"))
    #expect(report.skipped[1].reason.contains("empty"))
  }

  @Test func strictFailsOnlyWhenSomethingWasSkipped() throws {
    let problems = try Self.makeCorpusWithProblems()
    defer { problems.remove() }
    let strict = try CLIRunner.run(["check", "--json", "--strict", problems.path])
    #expect(strict.status == 1)
    #expect(try Self.report(strict.stdout).skipped.count == 2)

    let clean = try TemporaryFolder()
    defer { clean.remove() }
    try clean.write(Samples.harbor, to: "harbor.txt")
    try clean.write(Samples.orchard, to: "orchard.txt")
    let passing = try CLIRunner.run(["check", "--json", "--strict", clean.path])
    #expect(passing.status == 0)
    let report = try Self.report(passing.stdout)
    #expect(report.files == 2)
    #expect(report.loaded == 2)
    #expect(report.skipped.isEmpty)
  }

  @Test func textReportNamesEverySkippedFile() throws {
    let folder = try Self.makeCorpusWithProblems()
    defer { folder.remove() }
    let result = try CLIRunner.run(["check", folder.path])
    #expect(result.status == 0)
    let lines = result.stdoutLines
    try #require(lines.count == 4)
    #expect(lines[0] == "2 of 4 files loaded, 2 skipped")
    #expect(lines[1].hasPrefix("  \(folder.path("b-binary.txt")): "))
    #expect(lines[1].contains("binary"))
    #expect(lines[2].hasPrefix("  \(folder.path("c-empty.txt")): "))
    #expect(lines[2].contains("empty"))
    // notes.md: check names the files no glob matched whenever there are any.
    #expect(lines[3] == "1 file without .txt ignored; use --include '*'")
  }

  @Test func maxSizeSkipsLargerFiles() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let small = ArticleFixture(
      title: "A Small Article", dek: "It is short.",
      gallery: GalleryImage(label: "Small Picture", credit: "Lumen Wire"),
      opening: ["Only a few words here."], captioned: [], closing: [])
    try #require(small.text.utf8.count < 1024)
    try #require(Samples.orchard.text.utf8.count > 1024)
    try folder.write(small, to: "a-small.txt")
    try folder.write(Samples.orchard, to: "b-large.txt")

    let check = try CLIRunner.run(["check", "--json", "--max-size", "1K", folder.path])
    #expect(check.status == 0)
    let report = try Self.report(check.stdout)
    #expect(report.files == 2)
    #expect(report.loaded == 1)
    #expect(report.skipped.map(\.path) == [folder.path("b-large.txt")])
    #expect(report.skipped.first?.reason.contains("too large") == true)

    let list = try CLIRunner.run(["list", "--json", "--max-size", "1K", folder.path])
    #expect(list.status == 0)
    let titles = try JSON.array(list.stdout).map { $0["title"] as? String ?? "" }
    #expect(titles == [small.title])

    let roomy = try CLIRunner.run(["check", "--json", "--max-size", "64KiB", folder.path])
    #expect(roomy.status == 0)
    #expect(try Self.report(roomy.stdout).loaded == 2)
  }

  @Test(arguments: ["abc", "0", "12Q", "", "2G", "99999999999G"])
  func rejectsABadMaxSize(_ size: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(Samples.harbor, to: "harbor.txt")
    let result = try CLIRunner.run(["check", "--json", "--max-size", size, folder.path])
    #expect(result.status != 0)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("--max-size"))
  }
}
