import Foundation
import MarqueeTestSupport
import Testing

@Suite("failures")
struct FailureTests {
  /// Exit status 2, nothing on stdout, and exactly one `marquee: …` line on stderr.
  private static func expectOneLineFailure(
    _ result: CLIResult, naming path: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == 2, sourceLocation: sourceLocation)
    #expect(result.stdout == "", sourceLocation: sourceLocation)
    #expect(result.stderr.hasSuffix("\n"), sourceLocation: sourceLocation)
    #expect(
      result.stderrLines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("marquee: "), sourceLocation: sourceLocation)
    #expect(result.stderr.contains(path), sourceLocation: sourceLocation)
  }

  @Test(arguments: [["list"], ["list", "--json"], ["credits"], ["check", "--json"], []])
  func missingPathFailsWithOneLine(_ command: [String]) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let missing = folder.path("no-such-article.txt")
    let result = try CLIRunner.run(command + [missing])
    Self.expectOneLineFailure(result, naming: missing)
  }

  @Test func missingPathAmongGoodOnesStillFails() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let good = try folder.write(Samples.harbor, to: "harbor.txt")
    let missing = folder.path("gone")
    let result = try CLIRunner.run(["list", "--json", good, missing])
    Self.expectOneLineFailure(result, naming: missing)
  }

  @Test func showOfAMissingFileFails() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let missing = folder.path("missing.txt")
    Self.expectOneLineFailure(try CLIRunner.run(["show", missing]), naming: missing)
    Self.expectOneLineFailure(try CLIRunner.run(["show", "--json", missing]), naming: missing)
  }

  @Test func showOfAFolderFails() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(Samples.harbor, to: "inside/harbor.txt")
    let inside = folder.path("inside")
    Self.expectOneLineFailure(try CLIRunner.run(["show", inside]), naming: inside)
    Self.expectOneLineFailure(try CLIRunner.run(["show", "--json", inside]), naming: inside)
  }

  @Test func showOfAnEmptyFileFails() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let empty = try folder.write(bytes: [], to: "empty.txt")
    let result = try CLIRunner.run(["show", empty])
    Self.expectOneLineFailure(result, naming: empty)
    #expect(result.stderr.contains("empty"))
  }
}

@Suite("where articles come from")
struct CorpusSourceTests {
  @Test func marqueePathListsEveryFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let dirA = try folder.makeFolder("dirA")
    let dirB = try folder.makeFolder("dirB")
    try folder.write(Samples.harbor, to: "dirA/harbor.txt")
    try folder.write(Samples.beacon, to: "dirB/beacon.txt")
    try folder.write(Samples.orchard, to: "elsewhere/orchard.txt")

    let result = try CLIRunner.run(
      ["list", "--json"], environment: ["MARQUEE_PATH": "\(dirA):\(dirB)"],
      currentDirectory: folder.url)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let rows = try JSON.array(result.stdout)
    #expect(
      rows.map { $0["path"] as? String } == [
        folder.path("dirA/harbor.txt"),
        folder.path("dirB/beacon.txt"),
      ])
    #expect(rows.map { $0["title"] as? String } == [Samples.harbor.title, Samples.beacon.title])
  }

  @Test func pathsOnTheCommandLineWinOverMarqueePath() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let dirA = try folder.makeFolder("dirA")
    try folder.write(Samples.harbor, to: "dirA/harbor.txt")
    let other = try folder.write(Samples.orchard, to: "orchard.txt")

    let result = try CLIRunner.run(
      ["list", "--json", other], environment: ["MARQUEE_PATH": dirA])
    #expect(result.status == 0)
    let titles = try JSON.array(result.stdout).map { $0["title"] as? String }
    #expect(titles == [Samples.orchard.title])
  }

  @Test func missingFolderInMarqueePathFails() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let dirA = try folder.makeFolder("dirA")
    try folder.write(Samples.harbor, to: "dirA/harbor.txt")
    let missing = folder.path("dirB")
    let result = try CLIRunner.run(
      ["list", "--json"], environment: ["MARQUEE_PATH": "\(dirA):\(missing)"])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.hasPrefix("marquee: "))
    #expect(result.stderr.contains(missing))
  }

  @Test func withNoPathListsTheBundledSamples() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // Run from an empty folder so nothing relative to the working directory is found.
    let result = try CLIRunner.run(["list", "--json"], currentDirectory: folder.url)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let rows = try JSON.array(result.stdout)
    #expect(rows.count >= 12, "expected at least 12 bundled samples, got \(rows.count)")
    for row in rows {
      let path = try #require(row["path"] as? String)
      #expect(path.contains("articles/"))
      #expect(path.hasSuffix(".txt"))
      #expect((row["title"] as? String)?.isEmpty == false)
      #expect((row["words"] as? Int ?? 0) > 0)
    }
    let paths = rows.compactMap { $0["path"] as? String }
    #expect(paths == paths.sorted())
  }

  @Test func emptyMarqueePathFallsBackToTheBundledSamples() throws {
    let withEmpty = try CLIRunner.run(["list", "--json"], environment: ["MARQUEE_PATH": ""])
    let without = try CLIRunner.run(["list", "--json"])
    #expect(withEmpty.status == 0)
    #expect(without.status == 0)
    #expect(withEmpty.stdout == without.stdout)
    #expect(try JSON.array(withEmpty.stdout).isEmpty == false)
  }
}

@Suite("version and help")
struct VersionAndHelpTests {
  @Test func printsAVersion() throws {
    let result = try CLIRunner.run(["--version"])
    #expect(result.status == 0)
    let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let parts = version.split(separator: ".")
    #expect(parts.count == 3, "not a version: \(version)")
    #expect(parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }, "\(version)")
  }

  @Test func helpMentionsEverySubcommand() throws {
    let result = try CLIRunner.run(["--help"])
    #expect(result.status == 0)
    for name in ["list", "show", "credits", "check"] {
      #expect(result.stdout.contains(name), "help does not mention \(name)")
    }
    #expect(result.stdout.contains("MARQUEE_PATH"))
  }

  /// The reader's help names its keys from the keymap (written out here, so that a key
  /// dropped from the keymap, or a help written by hand that drifts from it, fails).
  @Test func readerHelpNamesTheKeysOfTheKeymap() throws {
    let result = try CLIRunner.run(["read", "--help"])
    #expect(result.status == 0)
    let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(
      text.contains(
        "Keys: j/k move, Space page, Enter open, Esc back, c credits, / search, n/N match, "
          + "C same credit, ? help, q quit (? lists them all)"), "\(text)")
  }

  @Test(arguments: ["list", "show", "credits", "check"])
  func subcommandHelpSucceeds(_ command: String) throws {
    let result = try CLIRunner.run([command, "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("--json"))
    #expect(result.stdout.contains("marquee \(command)"))
  }

  @Test func unknownOptionFails() throws {
    let result = try CLIRunner.run(["list", "--no-such-option"])
    #expect(result.status != 0)
    #expect(result.stdout == "")
    #expect(result.stderr.contains("--no-such-option"))
  }
}
