import ArgumentParser
import Foundation
import MarqueeCore

/// `marquee`: a keyboard-driven reader for entertainment articles kept as text files,
/// with subcommands that expose the same data to scripts.
@main
struct MarqueeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "marquee",
    abstract: "Read entertainment articles kept as plain-text files.",
    discussion: """
      With no subcommand, opens the reader on the given files and folders. With no \
      path, reads the folders in $MARQUEE_PATH (colon-separated), else the bundled \
      sample articles. A path spelled like a subcommand needs `./` in front of it.
      """,
    version: "0.1.0",
    subcommands: [
      ReadCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self, CreditsCommand.self,
      CheckCommand.self, ConfigCommand.self, CacheCommand.self,
    ],
    defaultSubcommand: ReadCommand.self
  )

  /// Runs the command like ArgumentParser's own `main`, except that every message is
  /// made terminal-safe first: usage errors quote what the user typed, and an argument
  /// can hold escape sequences.
  static func main() {
    StandardOutput.reserveClosedDescriptors()
    MemoryTrim.mapLargeBlocks()
    var status: Int32
    do {
      var command = try parseAsRoot()
      try command.run()
      status = 0
    } catch {
      let message = fullMessage(for: error)
      status = exitCode(for: error).rawValue
      if !message.isEmpty {
        let line = TextCleaning.terminalSafe(message) + "\n"
        if status == 0 { print(line, terminator: "") } else { Console.writeError(line) }
      }
    }
    if !Console.finishOutput(), status == 0 { status = 2 }
    Foundation.exit(status)
  }
}
