import Foundation
import MarqueeTestSupport
import Testing

/// `marquee config`: the file in use and its settings, a default file to start from, and
/// a check for scripts.
@Suite("marquee config")
struct ConfigCommandTests {
  @Test func theDefaultFilePassesTheCheckOnceUncommented() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let printed = try CLIRunner.run(["config", "--default"])
    #expect(printed.status == 0 && printed.stderr == "")
    #expect(printed.stdout.hasPrefix("# marquee's config file."))
    #expect(printed.stdout.contains("# next = [\"j\", \"down\"]"))
    let uncommented = printed.stdout.split(separator: "\n").map { line in
      line.hasPrefix("# ") && line.dropFirst(2).first?.isLowercase == true
        && line.contains(" = ") ? String(line.dropFirst(2)) : String(line)
    }.joined(separator: "\n")
    let file = try folder.write(uncommented, to: "config.toml")
    let checked = try CLIRunner.run(["config", "--check"], environment: ["MARQUEE_CONFIG": file])
    #expect(checked.status == 0)
    #expect(checked.stdout == "\(file): no problems\n")
  }

  @Test func aBadFileFailsTheCheckWithALineForEachProblem() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write(
      "[keys]\nnext = \"n\"\nnxt = \"x\"\nprevious = \"ctl-p\"\n", to: "config.toml")
    let checked = try CLIRunner.run(["config", "--check"], environment: ["MARQUEE_CONFIG": file])
    #expect(checked.status == 1)
    #expect(checked.stdout == "")
    let lines = checked.stderr.split(separator: "\n")
    #expect(lines.count == 2, "\(checked.stderr)")
    #expect(lines.first?.hasPrefix("marquee: \(file):3: “nxt” is not a command") == true)
    #expect(lines.last?.hasPrefix("marquee: \(file):4: “ctl-p” is not a key") == true)
    // Without --check the settings are shown, the defaults standing in for the bad
    // entries, and the problems still said.
    let shown = try CLIRunner.run(["config"], environment: ["MARQUEE_CONFIG": file])
    #expect(shown.status == 0)
    #expect(shown.stdout.hasPrefix("# \(file)\n[keys]\n"))
    #expect(shown.stdout.contains("\nnext = [\"n\"]\n"))
    #expect(shown.stdout.contains("\nprevious = [\"k\", \"up\"]\n"))
    #expect(shown.stdout.contains("\nnext-match = []\n"), "n went to next")
    #expect(shown.stderr.split(separator: "\n").count == 2)
  }

  @Test func noFileIsTheDefaults() throws {
    let result = try CLIRunner.run(
      ["config", "--check"], environment: ["MARQUEE_CONFIG": "/nonexistent/marquee.toml"])
    #expect(result.status == 0)
    #expect(result.stdout == "/nonexistent/marquee.toml: not there; the defaults apply\n")
  }
}
