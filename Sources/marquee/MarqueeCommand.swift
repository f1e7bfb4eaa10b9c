import ArgumentParser

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
      ReadCommand.self, ListCommand.self, ShowCommand.self, CreditsCommand.self,
      CheckCommand.self,
    ],
    defaultSubcommand: ReadCommand.self
  )
}
