import MarqueeCore
import MarqueeUI

/// What the reader remembers between runs, and where: read marks (written as they
/// change, by `StateWriter`), and, for the set of paths it was opened on, where it was
/// and the searches typed (written when it closes, if they changed).
public final class ReaderMemory {
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

  /// The marks kept, and a state ready to start where the last run on these paths left
  /// off; a line for the user when a file could not be read.
  func start(_ state: inout ReaderState) {
    let (book, marksProblem) = folder.loadMarks()
    let (session, sessionProblem) = folder.loadSession()
    self.session = session
    state.restore(session.places[placeKey], searches: session.searches, marks: book)
    state.message = marksProblem ?? sessionProblem
  }

  /// Writes where the reader is and its searches, when they changed.
  func finish(_ state: ReaderState) {
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
