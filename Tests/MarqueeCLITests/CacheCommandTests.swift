import Foundation
import MarqueeTestSupport
import Testing

/// The cache as a user meets it: every command answers the same with it as without it,
/// an edited file is seen at once, a damaged cache file is one line on standard error,
/// and `marquee cache` shows and removes it.
@Suite("The cache from the command line")
struct CacheCommandTests {
  /// A corpus of the three samples, and a cache folder of its own.
  private static func setUp() throws -> (corpus: TemporaryFolder, cache: TemporaryFolder) {
    let corpus = try TemporaryFolder()
    try corpus.write(Samples.harbor, to: "01-harbor.txt")
    try corpus.write(Samples.beacon, to: "sub/02-beacon.txt")
    try corpus.write(Samples.orchard, to: "03-orchard.txt")
    return (corpus, try TemporaryFolder())
  }

  private static func environment(_ cache: TemporaryFolder) -> [String: String?] {
    ["MARQUEE_CACHE": nil, "XDG_CACHE_HOME": cache.path]
  }

  /// The `.seg` files the cache holds.
  private static func segmentFiles(_ cache: TemporaryFolder) -> [String] {
    let root = cache.path + "/marquee"
    return (FileManager.default.subpaths(atPath: root) ?? []).filter { $0.hasSuffix(".seg") }
      .map { root + "/" + $0 }
  }

  @Test func everyCommandAnswersTheSameWithTheCacheAsWithout() throws {
    let (corpus, cache) = try Self.setUp()
    let commands = [
      ["search", "harbor OR lantern", "--json"], ["list", "--json"], ["credits", "--json"],
      ["check", "--json"], ["search", "premiere"],
    ]
    for command in commands {
      let plain = try CLIRunner.run(command + [corpus.path])
      let first = try CLIRunner.run(command + [corpus.path], environment: Self.environment(cache))
      let second = try CLIRunner.run(command + [corpus.path], environment: Self.environment(cache))
      for run in [first, second] {
        #expect(run.status == plain.status, "\(command)")
        #expect(run.stdout == plain.stdout, "\(command)")
        #expect(run.stderr == plain.stderr, "\(command)")
      }
    }
    #expect(!Self.segmentFiles(cache).isEmpty, "the commands wrote the cache")
  }

  @Test func anEditedFileIsSeenAtTheNextStart() throws {
    let (corpus, cache) = try Self.setUp()
    let search = ["search", "zeppelin", "--json", corpus.path]
    #expect(try CLIRunner.run(search, environment: Self.environment(cache)).status == 1)
    try corpus.write("Zeppelin Over The Harbor\n\nA zeppelin drifted by.\n", to: "01-harbor.txt")
    let after = try CLIRunner.run(search, environment: Self.environment(cache))
    #expect(after.status == 0)
    #expect(
      try JSON.array(after.stdout).map { $0["title"] as? String } == ["Zeppelin Over The Harbor"])
  }

  @Test func noCacheAndCacheOffWriteNothing() throws {
    let (corpus, cache) = try Self.setUp()
    let noCache = try CLIRunner.run(
      ["search", "premiere", "--no-cache", corpus.path], environment: Self.environment(cache))
    #expect(noCache.status == 0)
    let off = try CLIRunner.run(
      ["list", corpus.path], environment: ["MARQUEE_CACHE": "off", "XDG_CACHE_HOME": cache.path])
    #expect(off.status == 0)
    #expect(Self.segmentFiles(cache).isEmpty)
    let info = try CLIRunner.run(["cache", "info"], environment: ["MARQUEE_CACHE": "off"])
    #expect(info.status == 2)
    #expect(info.stderr.contains("the cache is off"))
  }

  @Test func aDamagedCacheFileIsOneLineAndTheAnswerStaysRight() throws {
    let (corpus, cache) = try Self.setUp()
    let search = ["search", "harbor", "--json", corpus.path]
    let plain = try CLIRunner.run(search)
    _ = try CLIRunner.run(search, environment: Self.environment(cache))
    let file = try #require(Self.segmentFiles(cache).first)
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
    bytes[bytes.count - 20] ^= 0xFF
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    let damaged = try CLIRunner.run(search, environment: Self.environment(cache))
    #expect(damaged.status == 0)
    #expect(damaged.stdout == plain.stdout)
    #expect(damaged.stderrLines.count == 1)
    #expect(damaged.stderr.contains("is damaged (its checksum does not match)"))
    let again = try CLIRunner.run(search, environment: Self.environment(cache))
    #expect(again.stderr == "", "made again")
  }

  @Test func cacheInfoShowsEachLibraryAndClearRemovesThem() throws {
    let (corpus, cache) = try Self.setUp()
    _ = try CLIRunner.run(["search", "harbor", corpus.path], environment: Self.environment(cache))
    let info = try CLIRunner.run(["cache", "info", "--json"], environment: Self.environment(cache))
    #expect(info.status == 0)
    let report = try JSON.object(info.stdout)
    #expect(report["folder"] as? String == cache.path + "/marquee")
    let libraries = try #require(report["libraries"] as? [[String: Any]])
    #expect(libraries.count == 1)
    let canonical = try #require(
      URL(fileURLWithPath: corpus.path).resolvingSymlinksInPath().path as String?)
    #expect(libraries.first?["paths"] as? [String] == [canonical])
    #expect(libraries.first?["articles"] as? Int == 3)
    #expect(libraries.first?["problem"] == nil)
    let text = try CLIRunner.run(["cache"], environment: Self.environment(cache))
    #expect(text.stdout.contains("1 cached library"))
    #expect(text.stdout.contains(": 3 articles, "))
    let clear = try CLIRunner.run(["cache", "clear"], environment: Self.environment(cache))
    #expect(clear.status == 0)
    #expect(clear.stdout.hasPrefix("Removed "))
    #expect(Self.segmentFiles(cache).isEmpty)
    let after = try CLIRunner.run(
      ["cache", "info", "--json"], environment: Self.environment(cache))
    #expect((try JSON.object(after.stdout)["libraries"] as? [Any])?.isEmpty == true)
  }
}
