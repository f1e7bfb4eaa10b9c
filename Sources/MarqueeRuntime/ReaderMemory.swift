import Foundation
import MarqueeCore
import MarqueeUI

/// What the reader remembers between runs, and where: read marks (written as they
/// change, by `StateWriter`), and, for the set of paths it was opened on, where it was
/// and the searches typed (written when it closes, if they changed).
public final class ReaderMemory: @unchecked Sendable {
  // @unchecked Sendable: `loaded` is only touched under `lock`; the rest is used by the
  // loop's thread alone, after `takeLoaded` has handed over what the reading thread read.
  public let folder: StateFolder
  /// The opened paths' key: each set of paths has a place of its own.
  let placeKey: String
  /// What the last run left, to restore and to tell whether anything changed.
  private var session = SessionMemory()
  /// Problems met while closing (saving the place failed), for the caller to print
  /// once the terminal is restored.
  public private(set) var closingProblems: [String] = []

  public init(folder: StateFolder, openedPaths: [String]) {
    self.folder = folder
    placeKey = SessionMemory.key(forOpened: openedPaths)
  }

  private let lock = NSLock()
  private var loaded: (MarkBook, SessionMemory, problem: String?)?
  /// Whether what was kept has been handed to the state: until then nothing is written,
  /// so quitting before it was read cannot lose it.
  private var started = false

  /// Reads what is kept on a thread of its own: 100,000 marks take tens of
  /// milliseconds, and the first frame does not wait for them.
  func startReading() {
    Thread.detachNewThread { [self] in
      let (book, marksProblem) = folder.loadMarks()
      let (session, sessionProblem) = folder.loadSession()
      lock.withLock { loaded = (book, session, marksProblem ?? sessionProblem) }
    }
  }

  /// Once it has been read, hands what was kept to `state` (before any article has
  /// arrived): the marks, the searches, and the place to come back to on these paths.
  /// False while it is still being read.
  func start(_ state: inout ReaderState) -> Bool {
    guard !started else { return true }
    guard let (book, session, problem) = lock.withLock({ loaded }) else { return false }
    self.session = session
    started = true
    state.restore(session.places[placeKey], searches: session.searches, marks: book)
    if let problem { state.message = problem }
    return true
  }

  /// Writes where the reader is and its searches, when they changed.
  func finish(_ state: ReaderState) {
    guard started else { return }
    let place = state.place
    guard place != session.places[placeKey] || state.searchHistory != session.searches else {
      return
    }
    do {
      try folder.save(place: place, forKey: placeKey, searches: state.searchHistory)
    } catch {
      closingProblems.append("the place to come back to was not saved: \(error.description)")
    }
  }
}
