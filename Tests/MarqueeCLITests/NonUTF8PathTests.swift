import Foundation
import MarqueeTestSupport
import Testing

/// File names need not be UTF-8. A name with a byte that is not UTF-8 can be named on
/// the command line, opens that file and no other (not one named with U+FFFD in the same
/// place), and is shown with the byte escaped.
@Suite("paths that are not UTF-8")
struct NonUTF8PathTests {
  /// Writes `na\xFFme.txt` and `na\u{FFFD}me.txt` (the name Swift's repair would make of
  /// the first) into a new folder, with different titles.
  private static func folderWithLookalikes() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    let setup = try CLIRunner.runShell(
      """
      printf 'Bad Byte Title\\n\\nThe file whose name has a stray byte.\\n' > "$1/$(printf 'na\\377me.txt')"
      printf 'Replacement Title\\n\\nThe file named with U+FFFD.\\n' > "$1/$(printf 'na\\357\\277\\275me.txt')"
      """, arguments: [folder.path])
    #expect(setup.status == 0, "\(setup.stderr)")
    return folder
  }

  @Test func aNameThatIsNotUTF8OpensThatFileAndNoOther() throws {
    let folder = try Self.folderWithLookalikes()
    defer { folder.remove() }
    let result = try CLIRunner.runShell(
      "\"$MARQUEE\" show --json \"$1/$(printf 'na\\377me.txt')\"", arguments: [folder.path])
    #expect(result.status == 0, "\(result.stderr)")
    let shown = try JSON.object(result.stdout)
    #expect(shown["title"] as? String == "Bad Byte Title")
    #expect((shown["path"] as? String)?.hasSuffix("na\\xFFme.txt") == true)
    let other = try CLIRunner.runShell(
      "\"$MARQUEE\" show --json \"$1/$(printf 'na\\357\\277\\275me.txt')\"",
      arguments: [folder.path])
    #expect(try JSON.object(other.stdout)["title"] as? String == "Replacement Title")
  }

  @Test func theListingEscapesTheByteAndTellsTheTwoApart() throws {
    let folder = try Self.folderWithLookalikes()
    defer { folder.remove() }
    let result = try CLIRunner.run(["list", folder.path])
    #expect(result.status == 0)
    #expect(result.stdout.contains("na\\xFFme.txt"), "\(result.stdout)")
    #expect(result.stdout.contains("na\u{FFFD}me.txt"), "\(result.stdout)")
  }

  @Test func aMissingNameThatIsNotUTF8IsReportedEscaped() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let result = try CLIRunner.runShell(
      "\"$MARQUEE\" show \"$1/$(printf 'gone\\377.txt')\"", arguments: [folder.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("gone\\xFF.txt"), "\(result.stderr)")
  }
}
