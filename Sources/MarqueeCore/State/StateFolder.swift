import Foundation

/// The folder where the reader keeps what it remembers between runs: `marks` (read and
/// flagged articles) and `session.json` (places and searches), with a `lock` file that
/// makes two readers take turns writing. Every write is atomic (`AtomicFile`); a file
/// that cannot be read is moved aside as `.bad` with a one-line reason, and the reader
/// starts fresh.
public struct StateFolder: Sendable {
  public let path: String

  public init(path: String) {
    self.path = path
  }

  /// `$XDG_STATE_HOME/marquee` (when absolute, as the XDG spec asks), else
  /// `$HOME/.local/state/marquee`; nil when `MARQUEE_STATE=off` or there is no home.
  public static func standard(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> StateFolder? {
    XDGFolder.marquee(
      off: "MARQUEE_STATE", base: "XDG_STATE_HOME", underHome: ".local/state",
      environment: environment
    ).map(StateFolder.init(path:))
  }

  var marksPath: String { path + "/marks" }
  var sessionPath: String { path + "/session.json" }
  private var lockPath: String { path + "/lock" }

  /// The marks kept, and a line for the user when the file could not be read.
  public func loadMarks() -> (MarkBook, problem: String?) {
    do {
      let (records, problem) = try read(marksPath) { MarksFile.decode($0) }
      return (MarkBook(records ?? []), problem)
    } catch {
      return (MarkBook(), Self.unreadable(error))
    }
  }

  /// The places and searches kept, and a line for the user when the file could not be
  /// read.
  public func loadSession() -> (SessionMemory, problem: String?) {
    do {
      let (memory, problem) = try readSession()
      return (memory, problem)
    } catch {
      return (SessionMemory(), Self.unreadable(error))
    }
  }

  private func readSession() throws(StateError) -> (SessionMemory, problem: String?) {
    let (memory, problem) = try read(sessionPath) { bytes -> Result<SessionMemory, Error> in
      Result { try JSONDecoder().decode(SessionMemory.self, from: Data(bytes)) }
    }
    return (memory ?? SessionMemory(), problem)
  }

  private static func unreadable(_ error: StateError) -> String {
    "\(error.description); marks and places start fresh and will not be saved over it"
  }

  /// Writes marks changed by this reader over what the file holds now: another reader
  /// may have written since, and its marks on other articles stay (last writer wins per
  /// article).
  public func save(markChanges changes: [MarkRecord]) throws(StateError) {
    guard !changes.isEmpty else { return }
    try AtomicFile.makeFolder(path)
    try AtomicFile.withLock(lockPath) { () throws(StateError) in
      removeLeftovers()
      // A file that cannot be read is not written over; one that is not a marks file
      // was moved aside by `read`.
      var book = MarkBook(try read(marksPath) { MarksFile.decode($0) }.0 ?? [])
      for record in changes { book.apply(record) }
      try AtomicFile.write(MarksFile.encode(book.records), to: marksPath)
    }
  }

  /// Writes the place for a set of opened paths (nil forgets it) and this reader's
  /// searches, over what the file holds now.
  public func save(place: ReadingPlace?, forKey key: String, searches: [String])
    throws(StateError)
  {
    try AtomicFile.makeFolder(path)
    try AtomicFile.withLock(lockPath) { () throws(StateError) in
      removeLeftovers()
      var memory = try readSession().0
      memory.remember(place, forKey: key)
      memory.merge(searches: searches)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      let data: Data
      do {
        data = try encoder.encode(memory)
      } catch {
        throw StateError(path: sessionPath, doing: "write", reason: "\(error)")
      }
      try AtomicFile.write(Array(data), to: sessionPath)
    }
  }

  /// Removes temporary files a reader killed in the middle of a write left behind. Only
  /// called under the lock, which every writer holds while its temporary file exists.
  private func removeLeftovers() {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    for name in names where name.hasPrefix("marks.tmp-") || name.hasPrefix("session.json.tmp-") {
      try? FileManager.default.removeItem(atPath: path + "/" + name)
    }
  }

  /// A file's contents decoded; nil when there is none. A file that is there but cannot
  /// be read, or is not what Marquee writes, is renamed to `<name>.bad` (replacing an
  /// older one), so the next write starts fresh and nothing is lost for a person to look
  /// at; the problem says so. One that can be neither read nor moved aside throws, and
  /// is never written over.
  private func read<Value, Failure: Error>(
    _ file: String, _ decode: ([UInt8]) -> Result<Value, Failure>
  ) throws(StateError) -> (Value?, problem: String?) {
    let why: String
    do {
      guard let bytes = try AtomicFile.read(file) else { return (nil, nil) }
      switch decode(bytes) {
      case .success(let value): return (value, nil)
      case .failure(let error):
        why =
          (error as? MarksFileError).map { "line \($0.line): \($0.problem)" }
          ?? "it is not the JSON Marquee writes"
      }
    } catch {
      guard rename(file, file + ".bad") == 0 else { throw error }
      return (nil, "\(error.description); kept as \(file).bad, starting fresh")
    }
    let kept = rename(file, file + ".bad") == 0 ? "kept as \(file).bad" : "left as it is"
    return (nil, "\(file) could not be read (\(why)); \(kept), starting fresh")
  }
}

/// Marquee's folder under an XDG base directory: `$BASE/marquee` when the variable is an
/// absolute path (as the XDG spec asks), else `$HOME/<default>/marquee`; none when the
/// switch variable says `off` (or `0`, `no`, `false`) or there is no home.
enum XDGFolder {
  static func marquee(
    off switchVariable: String, base baseVariable: String, underHome defaultBase: String,
    environment: [String: String]
  ) -> String? {
    if let setting = environment[switchVariable]?.lowercased(),
      ["off", "0", "no", "false"].contains(setting)
    {
      return nil
    }
    if let base = environment[baseVariable], base.hasPrefix("/") { return base + "/marquee" }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/" + defaultBase + "/marquee"
  }
}
