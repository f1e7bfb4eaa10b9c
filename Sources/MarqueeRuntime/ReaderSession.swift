import Foundation
import MarqueeCore
import MarqueeUI

/// The reader's event loop: terminal events become actions, `update` makes the next
/// state, `render` draws it, and the terminal flushes only what changed.
///
/// All state lives in `ReaderState`; this loop only moves values between the pure
/// reader and the terminal, and it always closes the terminal on the way out.
public enum ReaderSession {
  /// How the reader ended.
  public enum Outcome: Sendable, Equatable {
    /// The user quit.
    case quit
    /// A signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) asked the reader to stop.
    case signal(Int32)
    /// Loading failed after the reader opened (a folder vanished); the message is for
    /// the user, printed once the terminal is restored.
    case failed(String)

    /// The exit status: 0 for quitting, 128 + the signal number for a signal (the
    /// shell's convention), 2 for a failure.
    public var exitStatus: Int32 {
      switch self {
      case .quit: 0
      case .signal(let number): 128 + number
      case .failed: 2
      }
    }
  }

  /// The most events taken between two frames.
  static let eventsPerFrame = 64

  /// Runs the reader on `terminal` while `stream` loads the corpus in the background:
  /// the first frame does not wait for a single file. The caller opened the terminal and
  /// closes it; the stream is cancelled on every way out. `keymap` decides what keys do
  /// and what the help and status bar name; `memory` is what is kept between runs (nil
  /// keeps nothing): the reader starts where it was on these paths, writes marks as they
  /// change, and writes its place on every way out. `environment` names the pager,
  /// editor and browser, and whether copying to the clipboard is allowed.
  public static func run(
    stream: ArticleStream, on terminal: some TerminalBackend, keymap: Keymap = .standard,
    memory: ReaderMemory? = nil, watching: Bool = true, listOrder: ListOrder = .natural,
    listColumns: [ListColumn] = ListColumn.standard,
    environment: [String: String] = ProcessInfo.processInfo.environment, note: String? = nil
  ) -> Outcome {
    defer { stream.cancel() }
    var state = ReaderState(store: ArticleStore(), size: terminal.size, loading: LoadingStatus())
    state.searchesInBackground = true
    state.arrange(by: listOrder)
    state.listColumns = listColumns
    state.openedPaths = stream.paths
    state.message = note
    memory?.startReading()
    let writer = memory.map { StateWriter(folder: $0.folder) }
    defer {
      writer?.finish()
      memory?.finish(state)
    }
    let searches = SearchWorker()
    let watcher = watching ? FolderWatcher(paths: stream.paths, options: stream.options) : nil
    defer { watcher?.cancel() }
    let programs = ProgramRunner(environment: environment, options: stream.options)
    state.clipboardAllowed = environment["MARQUEE_OSC52"] == "1"
    var forceRedraw = true
    /// Makes the next state and carries out the effects the action asks for; an
    /// outcome when one of them ends the reader.
    func apply(_ action: Action) -> Outcome? {
      let (next, effects) = update(state, action, keymap: keymap)
      state = next
      for effect in effects {
        switch effect {
        case .quit: return .quit
        case .redraw: forceRedraw = true
        case .runSearch(let request): searches.run(request, over: state.index)
        case .cancelSearch: searches.cancel()
        case .saveMarks(let records): writer?.save(records)
        case .run(let program):
          for action in programs.run(program, state: state, on: terminal) {
            if let outcome = apply(action) { return outcome }
          }
        case .copy(let text): terminal.copyToClipboard(text)
        case .reload:
          if let watcher { watcher.rescan() } else { state.message = "Folders are not watched" }
        }
      }
      return nil
    }
    _ = apply(.resize(terminal.size))
    stream.start()
    while true {
      if let failure = writer?.takeFailure(), let outcome = apply(.notice(failure)) {
        return outcome
      }
      for answer in searches.take() {
        if let outcome = apply(
          .searchFinished(id: answer.id, hits: answer.hits, suggestion: answer.suggestion))
        {
          return outcome
        }
      }
      // Articles wait for the marks and the place kept from the last run, read meanwhile
      // on a thread of their own, so they arrive with their marks.
      for event in memory?.start(&state) == false ? [] : stream.take() {
        let outcome: Outcome?
        switch event {
        case .found(let files): outcome = apply(.filesFound(files))
        case .batch(let batch, let filesRead):
          outcome = apply(.articlesArrived(batch, filesRead: filesRead))
        case .finished(let report):
          outcome = apply(.loadingFinished(report))
          watcher?.start(from: state.store.articles, skipped: report.skipped)
        case .note(let note): outcome = apply(.notice(note))
        case .failed(let error): return .failed(error.description)
        }
        if let outcome { return outcome }
      }
      // One part of what changed in the folders per frame: a burst of new files is
      // taken a few hundred at a time, between keys.
      if let change = watcher?.take(), let outcome = apply(.libraryChanged(change)) {
        return outcome
      }
      terminal.draw(render(state, keymap: keymap), force: forceRedraw)
      forceRedraw = false
      // While a search runs, wake soon for its hits; while loading, often enough for
      // the list to fill smoothly; while a long article is laid out, a step between
      // keys. Keys still arrive the moment they are typed.
      // Watched folders are looked at for changes four times a second.
      let idle = watcher == nil ? 1_000 : watcher?.hasPending == true ? 0 : 250
      let timeout =
        state.isLayingOut ? 0 : state.awaitedSearch != nil ? 2 : state.loading == nil ? idle : 25
      guard var event = terminal.nextEvent(timeoutMilliseconds: timeout) else {
        if state.isLayingOut, let outcome = apply(.layoutStep) { return outcome }
        continue
      }
      // Events already waiting are all taken before the next frame (a few dozen at
      // most), so a burst of typing is not drawn key by key, and a search's answer
      // cannot land between two keys typed together (`/word` Enter Enter opened
      // whatever an unfinished query had listed).
      var taken = 0
      while true {
        let outcome: Outcome?
        switch event {
        case .key(let key): outcome = apply(.key(key))
        case .mouse(let mouse): outcome = apply(.mouse(mouse))
        case .resize(let size): outcome = apply(.resize(size))
        case .signal(let number): return .signal(number)
        }
        if let outcome { return outcome }
        taken += 1
        guard taken < Self.eventsPerFrame, let next = terminal.nextEvent(timeoutMilliseconds: 0)
        else { break }
        event = next
      }
    }
  }
}
