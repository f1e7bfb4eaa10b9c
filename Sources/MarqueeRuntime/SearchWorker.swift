import Foundation
import MarqueeCore
import MarqueeUI

/// Runs the reader's searches on a thread of their own, so typing a query never waits
/// for one: a key redraws the query line at once, and the hits follow a few
/// milliseconds later as `Action.searchFinished`.
///
/// Requests run one at a time, newest wins: one overtaken before it starts is skipped,
/// as the reader would drop its answer anyway. The loop collects answers with `take()`
/// between keys, as it does loading events.
final class SearchWorker: @unchecked Sendable {
  // @unchecked Sendable: `latest`, `cancelledThrough` and `answers` are only touched
  // under `lock`.
  private let queue = DispatchQueue(label: "marquee.search")
  private let lock = NSLock()
  private var latest = 0
  /// Requests up to this id were dropped (`cancel`): one not started yet is skipped.
  private var cancelledThrough = 0
  private var answers: [Answer] = []

  /// A search's hits, and with none, what the query may have meant.
  struct Answer {
    let id: Int
    let hits: [SearchHit]
    let suggestion: String?
  }

  /// Starts `request` over `index` unless it was already started.
  func run(_ request: SearchRequest, over index: some ArticleIndex) {
    let isNew = lock.withLock {
      guard request.id > latest else { return false }
      latest = request.id
      return true
    }
    guard isNew else { return }
    queue.async { [self] in
      guard lock.withLock({ request.id == latest && request.id > cancelledThrough }) else {
        return
      }
      let hits = index.search(request.query)
      let suggestion = hits.isEmpty ? index.suggestion(for: request.query) : nil
      lock.withLock { answers.append(Answer(id: request.id, hits: hits, suggestion: suggestion)) }
    }
  }

  /// The reader no longer wants the requests made so far: those not started are skipped
  /// (the answer of one already running is ignored by `update`).
  func cancel() {
    lock.withLock { cancelledThrough = latest }
  }

  /// The answers since the last call, oldest first.
  func take() -> [Answer] {
    lock.withLock {
      defer { answers.removeAll() }
      return answers
    }
  }
}
