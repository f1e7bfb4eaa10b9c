import Foundation
import MarqueeCore

/// Read marks on every article of a corpus, as a reader that has read them all keeps
/// them: saved to a state folder, loaded back and matched to the articles, which is
/// what the reader does before its first frame. (The aim: well under 100 ms for
/// 100,000 articles.)
enum MarksTiming {
  struct Result {
    var save = 0.0
    var load = 0.0
    var match = 0.0
    var fileBytes = 0
  }

  static func measure(_ articles: [Article]) throws -> Result {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("marquee-bench-state-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let state = StateFolder(path: folder)
    let records = articles.enumerated().map { offset, article in
      MarkBook.record(offset % 3 == 0 ? [.read, .flagged] : .read, for: article)
    }
    var result = Result()
    (_, result.save) = try Measure.time { try state.save(markChanges: records) }
    let (book, load) = Measure.time { state.loadMarks().0 }
    result.load = load
    let (marked, match) = Measure.time {
      articles.reduce(0) { $0 + (book.marks(for: $1).isEmpty ? 0 : 1) }
    }
    result.match = match
    precondition(marked == articles.count, "every article's marks come back")
    let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/marks")
    result.fileBytes = (attributes[.size] as? Int) ?? 0
    return result
  }
}
