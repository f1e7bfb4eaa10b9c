import ArgumentParser
import Foundation
import MarqueeCore
import MarqueeRuntime
import MarqueeTerminal
import MarqueeUI

/// `marquee [PATH…]`: the curses reader, the default command.
struct ReadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Open the reader on articles (the default command).",
    discussion: "Keys: \(Keymap.standard.hintLine) (? lists them all). "
      + "Set NO_COLOR to read without colours.")

  @OptionGroup var corpus: CorpusOptions

  func run() throws {
    let paths = try corpus.resolvedPaths()
    do {
      try ArticleStream.checkPaths(paths)
    } catch {
      throw Console.failure(error.description)
    }
    // The terminal opens at once, before a single file is read; it is restored on every
    // way out.
    let terminal: Terminal
    do {
      terminal = try Terminal.open(colors: !Console.noColor)
    } catch {
      throw Console.failure(error.description)
    }
    let outcome = ReaderSession.run(
      stream: ArticleStream(paths: paths, options: corpus.loadOptions), on: terminal)
    terminal.close()
    switch outcome {
    case .quit: return
    case .failed(let message): throw Console.failure(message)
    case .signal: throw ExitCode(outcome.exitStatus)
    }
  }
}
