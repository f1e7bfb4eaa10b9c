import Foundation
import MarqueeTestSupport
import Testing

/// A path the user typed that is no file of text or folder, or cannot be read, fails the
/// command with one line naming it (inside a folder, such entries are skipped instead).
@Suite("paths named on the command line")
struct NamedPathTests {
  private static func expectFailure(
    _ result: CLIResult, naming path: String, because reason: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == 2, "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stdout == "", sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(
      result.stderr.contains(path) && result.stderr.contains(reason), "\(result.stderr)",
      sourceLocation: sourceLocation)
  }

  @Test(arguments: [["list"], ["check"], ["search", "harbor"], ["credits"]])
  func aFIFOOrADeviceNamedDirectlyFails(_ command: [String]) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let fifo = folder.path("pipe.txt")
    #expect(mkfifo(fifo, 0o644) == 0)
    Self.expectFailure(try CLIRunner.run(command + [fifo]), naming: fifo, because: "FIFO")
    Self.expectFailure(
      try CLIRunner.run(command + ["/dev/null"]), naming: "/dev/null", because: "device")
  }

  /// Run as another user when the tests run as root, whom no permission stops.
  @Test(arguments: ["file", "folder"])
  func anUnreadablePathNamedDirectlyFails(_ kind: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    chmod(folder.url.path, 0o755)
    let path: String
    if kind == "file" {
      path = try folder.write(Samples.harbor, to: "locked.txt")
    } else {
      path = folder.path("locked")
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
      try folder.write(Samples.harbor, to: "locked/harbor.txt")
    }
    chmod(path, 0)
    let result =
      geteuid() == 0
      ? try CLIRunner.runShell(
        "exec setpriv --reuid=65534 --regid=65534 --clear-groups \"$MARQUEE\" list \"$1\"",
        arguments: [path])
      : try CLIRunner.run(["list", path])
    Self.expectFailure(result, naming: path, because: "Permission denied")
  }
}
