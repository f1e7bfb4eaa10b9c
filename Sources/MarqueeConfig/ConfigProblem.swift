import TOMLKit

/// Something wrong in the config file, said in one line that names the file, the line
/// and what to do: `~/.config/marquee/config.toml:4: “nxt” is not a command; …`. The
/// default stands in for the entry it is about; the rest of the file still counts.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
  public let file: String
  /// From 1; nil when the problem is not on one line (the file cannot be read).
  public let line: Int?
  public let message: String

  public init(file: String, line: Int?, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String {
    "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
  }
}

/// A value written as a string or a list of strings, as a list; nil for anything else.
func stringList(_ value: TOMLValueConvertible) -> [String]? {
  if let single = value.string { return [single] }
  guard let array = value.array, array.allSatisfy({ $0.string != nil }) else { return nil }
  return array.compactMap(\.string)
}

/// Where each `key = value` of a TOML text is, by table and key: TOMLKit gives values
/// without their places, and a problem should name its line.
struct EntryLines {
  private var lines: [String: Int] = [:]

  init(_ text: String) {
    var table = ""
    for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("["), let end = line.firstIndex(of: "]") {
        table = line[line.index(after: line.startIndex)..<end]
          .trimmingCharacters(in: .whitespaces)
        lines[table] = lines[table] ?? offset + 1
        continue
      }
      guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
      var key = line[..<equals].trimmingCharacters(in: .whitespaces)
      if key.count >= 2, key.first == "\"" || key.first == "'", key.last == key.first {
        key = String(key.dropFirst().dropLast())
      }
      let path = table.isEmpty ? key : table + "." + key
      lines[path] = lines[path] ?? offset + 1
    }
  }

  /// A table's entries in the order the file has them (TOMLKit's are unordered).
  func inFileOrder(_ table: TOMLTable, in name: String) -> [(String, TOMLValueConvertible)] {
    table.map { ($0.0, $0.1) }.sorted {
      (line(of: $0.0, in: name) ?? .max, $0.0) < (line(of: $1.0, in: name) ?? .max, $1.0)
    }
  }

  /// The line of `key` in `table` (or of the table's header with no key); nil if not
  /// found.
  func line(of key: String? = nil, in table: String) -> Int? {
    lines[key.map { table.isEmpty ? $0 : table + "." + $0 } ?? table]
  }
}
