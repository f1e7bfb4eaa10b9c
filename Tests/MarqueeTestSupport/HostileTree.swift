import Foundation
import MarqueeSynthetic

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A folder tree built to break a loader: every kind of file a user's folders can hold
/// that is not a tidy article, beside many that are. Each entry is named for what it is
/// and comes with what `marquee check` must say of it, so a test can account for all.
///
/// The odd single files sit at the top (`0-…`), so they sort first in the reader's list.
public struct HostileTree {
  /// What loading must make of an entry.
  public enum Outcome: Equatable, Sendable, CustomStringConvertible {
    case loaded
    /// Skipped, with a reason containing this text.
    case skipped(String)

    public var description: String {
      switch self {
      case .loaded: "loaded"
      case .skipped(let reason): "skipped (\(reason))"
      }
    }
  }

  public let folder: TemporaryFolder
  public var root: String { folder.path }
  /// The path of each odd entry, relative to `root`, and what loading must make of it.
  /// The tiny files and the deep article are not listed one by one.
  public let outcomes: [String: Outcome]
  public let tinyFileCount: Int
  /// The one article at the bottom of the nested folders.
  public let deepArticle: String

  /// The file a test may delete while marquee loads (see `VanishingFiles`).
  public static let vanishing = "0-vanishing.txt"
  /// A 50 MB file, larger than the default `--max-size` (8 MiB).
  public static let huge = "0-huge.txt"
  public static let longLine = "0-long-line.txt"
  public static let longWord = "0-long-word.txt"
  /// The title of `longWord`, to find it on a screen.
  public static let longWordTitle = "One Hundred Thousand Letters"

  /// Permissions do not stop root, so a file without read permission loads when the
  /// tests run as root; tests say so rather than pretend it was skipped.
  public static var runsAsRoot: Bool { geteuid() == 0 }

  /// How many entries load, with `vanishing` deleted during the load or not.
  public func loadedCount(vanishingDeleted: Bool) -> Int {
    let odd = outcomes.filter { $0.key != Self.vanishing && $0.value == .loaded }.count
    return odd + tinyFileCount + 1 + (vanishingDeleted ? 0 : 1)
  }

  /// What loading must make of each listed entry, with `vanishing` deleted or not.
  public func expectedOutcomes(vanishingDeleted: Bool) -> [String: Outcome] {
    var expected = outcomes
    expected[Self.vanishing] =
      vanishingDeleted ? .skipped("unreadable: No such file or directory") : .loaded
    return expected
  }

  /// Builds the tree in a fresh temporary folder.
  public static func build(tinyFiles: Int = 10_000, depth: Int = 200) throws -> HostileTree {
    let folder = try TemporaryFolder()
    var outcomes: [String: Outcome] = [:]
    var random = SplitMix64(seed: 0x5EED)

    try folder.write("", to: "0-empty.txt")
    outcomes["0-empty.txt"] = .skipped("empty file")
    try folder.write("  \n\t\n \u{A0}\n\n   ", to: "0-whitespace.txt")
    outcomes["0-whitespace.txt"] = .skipped("no text")
    try folder.write(
      bytes: Array("Title\n\nText with a ".utf8) + [0, 0] + Array(" NUL.".utf8), to: "0-nul.txt")
    outcomes["0-nul.txt"] = .skipped("binary")
    var noise = random.bytes(4096)
    noise[100] = 0  // Random bytes almost surely hold a NUL; this one surely does.
    try folder.write(bytes: noise, to: "0-random-binary.txt")
    outcomes["0-random-binary.txt"] = .skipped("binary")
    // Without NUL bytes, random bytes are read as Windows-1252 text and cleaned.
    try folder.write(bytes: random.bytes(4096).map { $0 == 0 ? 0x41 : $0 }, to: "0-random-text.txt")
    outcomes["0-random-text.txt"] = .loaded

    let huge = try folder.write("Huge\n\nA file mostly of holes.\n", to: huge)
    try FileHandle(forWritingTo: URL(fileURLWithPath: huge)).truncate(atOffset: 50 << 20)
    outcomes[Self.huge] = .skipped("too large (50 MiB > --max-size 8 MiB)")
    let words = String(repeating: "marquee ", count: (2 << 20) / 8)
    try folder.write(words, to: longLine)
    outcomes[longLine] = .loaded
    let word = String(repeating: "abcdefghij", count: 10_000)
    try folder.write("\(longWordTitle)\n\nA dek.\n\nBefore \(word) after.\n", to: longWord)
    outcomes[longWord] = .loaded

    try folder.write("Vanishing Act\n\nThis file may be deleted mid-load.\n", to: vanishing)
    outcomes[vanishing] = .loaded

    let fm = FileManager.default
    try fm.createSymbolicLink(atPath: folder.path("loop"), withDestinationPath: ".")
    outcomes["loop"] = .skipped("symbolic link loop")
    try fm.createSymbolicLink(atPath: folder.path("0-self.txt"), withDestinationPath: "0-self.txt")
    outcomes["0-self.txt"] = .skipped("symbolic link loop")
    try fm.createSymbolicLink(atPath: folder.path("0-ping.txt"), withDestinationPath: "0-pong.txt")
    try fm.createSymbolicLink(atPath: folder.path("0-pong.txt"), withDestinationPath: "0-ping.txt")
    outcomes["0-ping.txt"] = .skipped("symbolic link loop")
    outcomes["0-pong.txt"] = .skipped("symbolic link loop")
    try fm.createSymbolicLink(atPath: folder.path("0-dangling.txt"), withDestinationPath: "nowhere")
    outcomes["0-dangling.txt"] = .skipped("dangling symbolic link")
    guard mkfifo(folder.path("0-fifo.txt"), 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
    outcomes["0-fifo.txt"] = .skipped("not a regular file (FIFO)")

    let locked = try folder.write("Locked\n\nNo read permission.\n", to: "0-locked.txt")
    chmod(locked, 0)
    let lockedFolder = try folder.makeFolder("0-locked-folder")
    try folder.write(
      "Behind A Lock\n\nIn a folder without permissions.\n", to: "0-locked-folder/a.txt")
    chmod(lockedFolder, 0)
    if runsAsRoot {
      outcomes["0-locked.txt"] = .loaded
      outcomes["0-locked-folder/a.txt"] = .loaded
    } else {
      outcomes["0-locked.txt"] = .skipped("unreadable: Permission denied")
      outcomes["0-locked-folder"] = .skipped("unreadable: Permission denied")
    }

    let many = try folder.makeFolder("many")
    for index in 0..<tinyFiles {
      let text = "Tiny Article \(index)\n\nNumber \(index) of many.\n"
      try Data(text.utf8).write(to: URL(fileURLWithPath: many + String(format: "/%05d.txt", index)))
    }
    let deep = "deep/" + String(repeating: "d/", count: depth) + "bottom.txt"
    try folder.write("The Bottom Of The Tree\n\n\(depth) folders down.\n", to: deep)

    return HostileTree(
      folder: folder, outcomes: outcomes, tinyFileCount: tinyFiles, deepArticle: deep)
  }
}

extension SplitMix64 {
  /// `count` bytes from the generator: the same "random" binary on every run.
  mutating func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
  }
}
