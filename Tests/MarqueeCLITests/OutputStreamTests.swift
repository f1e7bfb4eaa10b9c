import Foundation
import MarqueeTestSupport
import Testing

/// Output that cannot be written is an error the user hears about; standard error that
/// cannot be written is no crash; a reader that stops reading is a quiet end.
@Suite("standard streams that fail")
struct OutputStreamTests {
  private static func folderWithArticles() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write(Samples.harbor, to: "harbor.txt")
    try folder.write(Samples.beacon, to: "beacon.txt")
    return folder
  }

  /// The script's own output: `marquee`'s status, then what it wrote on stderr.
  private static func statusAndError(_ result: CLIResult) -> (status: Int32?, stderr: String) {
    (Int32(result.stdoutLines.last ?? ""), result.stderr)
  }

  @Test(arguments: [
    "\"$MARQUEE\" show \"$1/harbor.txt\" >/dev/full",
    "\"$MARQUEE\" list --json \"$1\" >/dev/full",
    "\"$MARQUEE\" list \"$1\" >&-",
    "\"$MARQUEE\" search --json harbor \"$1\" >/dev/full",
    "\"$MARQUEE\" --version >/dev/full",
  ])
  func outputThatCannotBeWrittenFailsAndSaysSo(_ command: String) throws {
    let folder = try Self.folderWithArticles()
    defer { folder.remove() }
    let result = try CLIRunner.runShell(command + "; echo $?", arguments: [folder.path])
    let (status, stderr) = Self.statusAndError(result)
    #expect(status == 2, "stderr: \(stderr)")
    #expect(stderr.hasPrefix("marquee: could not write the output"), "\(stderr)")
    #expect(!stderr.contains("Fatal error"))
  }

  @Test(arguments: ["2>/dev/full", "2>&-"])
  func standardErrorThatCannotBeWrittenIsNoCrash(_ redirection: String) throws {
    let folder = try Self.folderWithArticles()
    defer { folder.remove() }
    let result = try CLIRunner.runShell(
      "\"$MARQUEE\" check \"$1/missing.txt\" \(redirection); echo $?", arguments: [folder.path])
    // Exit 2 for the missing path, as when the message can be written; not 132 (a trap).
    #expect(result.stdoutLines == ["2"], "\(result.stdout)")
  }

  @Test func aReaderThatStopsReadingEndsTheOutputQuietly() throws {
    let folder = try Self.folderWithArticles()
    defer { folder.remove() }
    for index in 0..<400 { try folder.write(Samples.orchard, to: "orchard-\(index).txt") }
    let result = try CLIRunner.runShell(
      "\"$MARQUEE\" list \"$1\" | head -n 1 >/dev/null", arguments: [folder.path])
    #expect(result.stderr == "")
  }
}
