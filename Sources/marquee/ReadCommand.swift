import ArgumentParser
import Foundation
import MarqueeConfig
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
      + "Set NO_COLOR to read without colours. Read and flagged marks are kept in "
      + "$XDG_STATE_HOME/marquee (else ~/.local/state/marquee); MARQUEE_STATE=off or "
      + "--no-state keeps none.")

  @OptionGroup var corpus: CorpusOptions

  @Flag(help: "Neither read nor save read marks (also MARQUEE_STATE=off).")
  var noState = false

  func run() throws {
    let paths = try corpus.resolvedPaths()
    do {
      try ArticleStream.checkPaths(paths)
    } catch {
      throw Console.failure(error.description)
    }
    // The config file's problems: the first in the status bar, all of them after exit.
    let (settings, problems) = UserConfig.current
    // The terminal opens at once, before a single file is read; it is restored on every
    // way out.
    let terminal: Terminal
    do {
      terminal = try Terminal.open(
        colors: !Console.noColor, palette: settings.palette, mouse: settings.reader.mouse)
    } catch {
      throw Console.failure(error.description)
    }
    let note = problems.first.map {
      problems.count == 1 ? $0.description : "\($0) (\(problems.count - 1) more after you quit)"
    }
    let memory = (noState ? nil : StateFolder.standard()).map {
      ReaderMemory(folder: $0, openedPaths: paths)
    }
    let outcome = ReaderSession.run(
      stream: ArticleStream(
        paths: paths, options: corpus.loadOptions, cacheFolder: corpus.cacheFolder?.path),
      on: terminal,
      keymap: settings.keymap, memory: memory, listOrder: settings.reader.sort,
      listColumns: settings.reader.columns, note: note)
    terminal.close()
    UserConfig.reportProblems()
    for problem in memory?.closingProblems ?? [] { Console.warn(problem) }
    switch outcome {
    case .quit: return
    case .failed(let message): throw Console.failure(message)
    case .signal: throw ExitCode(outcome.exitStatus)
    }
  }
}
