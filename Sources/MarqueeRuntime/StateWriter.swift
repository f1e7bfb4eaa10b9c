import Foundation
import MarqueeCore

/// Writes read marks on a thread of its own, a second after the last change, so a key
/// never waits for the disk (100,000 marks are a few megabytes), and at once when the
/// reader closes. The first failure is kept for the loop to show, once, and saving stops:
/// the reader goes on without it.
final class StateWriter: @unchecked Sendable {
  // @unchecked Sendable: `pending`, `scheduled`, `failure` and `reported` are only
  // touched under `lock`; `folder` never changes.
  private let folder: StateFolder
  private let queue = DispatchQueue(label: "marquee.state")
  private let lock = NSLock()
  private var pending: [MarkRecord] = []
  private var scheduled = false
  private var failure: String?
  private var reported = false
  /// How long changes gather before they are written.
  static let delay = 1.0

  init(folder: StateFolder) {
    self.folder = folder
  }

  /// Saves these records soon.
  func save(_ records: [MarkRecord]) {
    let schedule = lock.withLock {
      guard failure == nil else { return false }
      pending += records
      defer { scheduled = true }
      return !scheduled
    }
    if schedule { queue.asyncAfter(deadline: .now() + Self.delay) { [self] in write() } }
  }

  /// Writes what is still pending and waits for it: the reader is closing.
  func finish() {
    queue.sync { write() }
  }

  /// Why saving failed, the first time it is asked after a failure; nil otherwise.
  func takeFailure() -> String? {
    lock.withLock {
      guard let failure, !reported else { return nil }
      reported = true
      return failure
    }
  }

  private func write() {
    let records = lock.withLock {
      scheduled = false
      defer { pending.removeAll() }
      return failure == nil ? pending : []
    }
    guard !records.isEmpty else { return }
    do {
      try folder.save(markChanges: records)
    } catch {
      lock.withLock { failure = "Read marks will not be saved: \(error.description)" }
    }
  }
}
