import ArgumentParser
import Foundation
import MarqueeCore
import MarqueeTerminal

/// `marquee [PATH…]`: the curses reader, the default command.
struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Open the reader on articles (the default command).",
    discussion: """
      Keys: j/k move, Enter open, Esc back, Tab next pane, c image credits, ? help, q quit. \
      Set NO_COLOR to read without colours.
      """)

  @OptionGroup var corpus: CorpusOptions

  func run() throws {
    let paths = try corpus.resolvedPaths()
    do {
      try ArticleStream.checkPaths(paths)
    } catch {
      throw Console.failure(error.description)
    }
    let outcome: ReaderSession.Outcome
    do {
      outcome = try ReaderSession.run(
        stream: ArticleStream(paths: paths, options: corpus.loadOptions),
        colors: !Console.noColor)
    } catch {
      throw Console.failure(error.description)
    }
    switch outcome {
    case .quit: return
    case .failed(let message): throw Console.failure(message)
    case .signal: throw ExitCode(outcome.exitStatus)
    }
  }
}
