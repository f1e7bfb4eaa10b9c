import Foundation
import MarqueeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs `body` once the reader, open on a fresh copy of `ReaderCorpus` in a private tmux
/// server, shows the whole list (`Articles (3)`); cleans both up however `body` ends.
/// Each call has its own server and its own files, so tests using it run in parallel.
func withReader<Result>(
  columns: Int = 120, rows: Int = 30, _ body: (TmuxSession) throws -> Result
) throws -> Result {
  let corpus = try ReaderCorpus.write()
  defer { corpus.remove() }
  return try withReader([corpus.path], columns: columns, rows: rows) { tmux in
    try tmux.waitFor("Articles (\(ReaderCorpus.all.count))")
    return try body(tmux)
  }
}

/// Runs `body` with the reader open on `arguments` in a private tmux server, which is
/// killed however `body` ends.
func withReader<Result>(
  _ arguments: [String], columns: Int = 120, rows: Int = 30,
  _ body: (TmuxSession) throws -> Result
) throws -> Result {
  let tmux = try TmuxSession.reader(arguments, columns: columns, rows: rows)
  defer { tmux.kill() }
  return try body(tmux)
}

/// Reading a captured screen (one string per row, as `capture-pane` gives it) the way a
/// test asks about the reader: which pane shows what, and what the status bar says.
extension Array where Element == String {
  /// At 120 columns the list pane is 48 wide (2/5) and the article pane starts after it.
  static var listWidth: Int { 48 }

  /// The list pane's columns of every row of a 120-column screen.
  var listPane: [String] { map { String($0.prefix(Self.listWidth)) } }

  /// The article pane's columns of every row of a 120-column screen.
  var detailPane: [String] { map { String($0.dropFirst(Self.listWidth)) } }

  /// True when some row contains `text`.
  func shows(_ text: String) -> Bool { contains { $0.contains(text) } }

  /// True when the status bar starts with the position `position` (e.g. `2/3`).
  func status(is position: String) -> Bool {
    last { !$0.isEmpty }?.hasPrefix(" \(position) ") ?? false
  }

  /// The `N%` (or `all`) in the article pane's title `Article · N%`.
  var articlePercent: String? {
    guard let row = first(where: { $0.contains("Article · ") }),
      let range = row.range(of: "Article · ")
    else { return nil }
    return String(row[range.upperBound...].prefix { $0 != " " })
  }

  /// True when some pane row holds exactly `text` between its borders (so `Credit: X` in
  /// the credits pane, not `Image Credit: X` in an article marker).
  func hasPaneLine(_ text: String) -> Bool {
    contains { row in
      row.split(separator: "│").contains { $0.trimmingCharacters(in: .whitespaces) == text }
    }
  }

  /// Words that Swift's runtime and backtracer print when a program traps or crashes;
  /// none may reach the user's screen.
  static var crashReportWords: [String] {
    ["Fatal error", "💣", "Program crashed", "Backtrace", "Thread 0", "Segmentation fault"]
  }

  /// True when the screen shows no sign of a crash report.
  var showsNoCrashReport: Bool { !Self.crashReportWords.contains { shows($0) } }
}
