import Foundation
import MarqueeCore
import MarqueeUI

#if canImport(Glibc)
  import Glibc
#endif

/// Runs another program with the terminal handed over (`TerminalBackend.handedOver`):
/// the reader's screen goes, the program has the terminal as the shell would give it,
/// and the reader comes back and redraws when it ends. A program that is missing or
/// fails is a note in the status bar, never the reader's end.
///
/// Commands from the environment (`$PAGER`, `$EDITOR`, `$BROWSER`) run through `sh -c`,
/// as other Unix programs run them, and any path or URL goes to them as `"$1"`: text
/// from an article never becomes part of a command line.
struct ProgramRunner {
  let environment: [String: String]
  /// How the corpus was loaded: an edited file is read again the same way (with the
  /// config file's `[layout]` additions, say).
  let options: LoadOptions

  init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    options: LoadOptions = LoadOptions()
  ) {
    self.environment = environment
    self.options = options
  }

  /// Runs `program` for the state's article on `terminal`; the actions to apply after.
  func run(
    _ program: OtherProgram, state: ReaderState, on terminal: some TerminalBackend
  ) -> [Action] {
    switch program {
    case .browse(let url):
      guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
        return [.programFinished("Not a web address: \(url)")]
      }
      guard let (line, name) = choose("BROWSER", else: "xdg-open") else {
        return [.programFinished(missing("browser", "BROWSER", "xdg-open"))]
      }
      return [.programFinished(handOver(terminal, name: name, line + " \"$1\"", argument: url))]
    case .page(let id):
      guard let (line, name) = choose("PAGER", else: "less", options: " -R") else {
        return [.programFinished(missing("pager", "PAGER", "less"))]
      }
      let text = ArticleText.render(state.store[id], width: max(20, terminal.size.columns))
      return [
        .programFinished(
          withTemporaryFile(text) { handOver(terminal, name: name, line, input: $0) })
      ]
    case .edit(let id, let path):
      guard let (line, name) = choose("EDITOR", else: "vi") else {
        return [.programFinished(missing("editor", "EDITOR", "vi"))]
      }
      // An editor that failed (or never started) changed nothing to read again, and its
      // note is what the user needs to see.
      guard let note = handOver(terminal, name: name, line + " \"$1\"", argument: path) else {
        return [.programFinished(nil)] + reread(id, path: path)
      }
      return [.programFinished(note)]
    case .pipe(let id, let command):
      let text = ArticleText.render(state.store[id], width: 80)
      return [
        .programFinished(
          withTemporaryFile(text) {
            handOver(terminal, name: "the command", command, input: $0, waitForEnter: true)
          })
      ]
    }
  }

  /// An article read again from its file; a note when it can no longer be read.
  private func reread(_ id: ArticleID, path: String) -> [Action] {
    do {
      let (articles, report) = try ArticleLoader.load(paths: [path], options: options)
      if let article = articles.first { return [.reread(id, article)] }
      let why = report.skipped.first.map { $0.reason.description } ?? "no article in it"
      return [.notice("\(path) was not read again: \(why)")]
    } catch {
      return [.notice("\(path) was not read again: \(error.description)")]
    }
  }

  /// The command line of the program the user named in `variable`, else of `fallback`
  /// (with `options`) if it is installed, and the name notes give it (`$PAGER`, `less`).
  private func choose(_ variable: String, else fallback: String, options: String = "")
    -> (line: String, name: String)?
  {
    if let set = environment[variable], !set.trimmingCharacters(in: .whitespaces).isEmpty {
      return (set, "$" + variable)
    }
    return installed(fallback).map { (shellQuoted($0) + options, fallback) }
  }

  private func missing(_ kind: String, _ variable: String, _ fallback: String) -> String {
    "No \(kind): set $\(variable) or install \(fallback)"
  }

  /// The full path of a program on `$PATH`, if it is there.
  private func installed(_ name: String) -> String? {
    let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return folders.map { "\($0)/\(name)" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  private func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// `body` with the path of a temporary file (readable by the user alone) holding
  /// `text`, removed afterwards: a program reads the article from it as its input, so
  /// no pipe can stall or break when it stops reading.
  private func withTemporaryFile(_ text: String, _ body: (String) -> String?) -> String? {
    var template = Array(
      (NSTemporaryDirectory() + "/marquee-article-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      return "Could not write the article for the program: \(String(cString: strerror(errno)))"
    }
    let path = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { unlink(path) }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
      try handle.write(contentsOf: Data(text.utf8))
      try handle.close()
    } catch {
      return "Could not write the article for the program: \(error.localizedDescription)"
    }
    return body(path)
  }

  /// Runs `sh -c line` (with `argument` as `$1`) on the terminal, reading `input` when
  /// given; waits for Enter after it when its output should stay on screen. A note
  /// when it could not start or ended badly.
  private func handOver(
    _ terminal: some TerminalBackend, name: String, _ line: String, argument: String? = nil,
    input: String? = nil, waitForEnter: Bool = false
  ) -> String? {
    terminal.handedOver {
      let note: String?
      switch spawnShell(line, argument: argument, input: input) {
      case .failure(let why):
        note = "Could not start \(name): \(why)"
      case .success(let status):
        note =
          status.signal.map { "\(name) was stopped by signal \($0)" }
          ?? (status.code == 127
            ? "\(name) was not found (\(line))"
            : status.code == 0 ? nil : "\(name) ended with status \(status.code)")
      }
      if waitForEnter, isatty(STDIN_FILENO) == 1 { Self.waitForEnter(note) }
      return note
    }
  }

  struct SpawnFailure: Error, CustomStringConvertible {
    let description: String
  }

  /// `/bin/sh -c line marquee [argument]` in the reader's own process group, so it may
  /// read the terminal (Foundation's `Process` starts a group of its own, where reading
  /// the terminal stops the program), with default signal handling and nothing blocked,
  /// this runner's environment, and standard input from `input` when given. Waits for it
  /// to end.
  private func spawnShell(_ line: String, argument: String?, input: String?)
    -> Result<(code: Int32, signal: Int32?), SpawnFailure>
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let input {
      posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, input, O_RDONLY, 0)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var everySignal = sigset_t()
    sigfillset(&everySignal)
    var noSignal = sigset_t()
    sigemptyset(&noSignal)
    posix_spawnattr_setsigdefault(&attributes, &everySignal)
    posix_spawnattr_setsigmask(&attributes, &noSignal)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    let arguments = ["/bin/sh", "-c", line, "marquee"] + (argument.map { [$0] } ?? [])
    var pointers = arguments.map { strdup($0) } + [nil]
    var variables = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in pointers + variables { free(pointer) } }
    var pid: pid_t = 0
    let started = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &pointers, &variables)
    guard started == 0 else {
      return .failure(SpawnFailure(description: String(cString: strerror(started))))
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else {
        return .failure(SpawnFailure(description: String(cString: strerror(errno))))
      }
    }
    // WIFSIGNALED / WTERMSIG / WEXITSTATUS, which Swift does not import as macros.
    let signal = status & 0x7F
    return .success(signal != 0 ? (128 + signal, signal) : ((status >> 8) & 0xFF, nil))
  }

  /// Leaves a command's output on screen until Enter, as mutt does after a pipe.
  private static func waitForEnter(_ note: String?) {
    let text = "\n[\(note ?? "done") — press Enter to go back to marquee] "
    _ = text.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    var byte: UInt8 = 0
    while read(STDIN_FILENO, &byte, 1) == 1, byte != 0x0A, byte != 0x0D {}
  }
}
