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

/// `a, b or c`: the names a setting may take, as a problem or a comment lists them.
func oneOf(_ names: [String]) -> String {
  names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
}

/// Where each `key = value` of a TOML text is, by table and key, and where each element
/// of an array value starts: TOMLKit gives values without their places, and a problem
/// should name its line (an entry of a list written over several lines has its own).
struct EntryLines {
  private var lines: [String: Int] = [:]
  private var elements: [String: [Int]] = [:]

  init(_ text: String) {
    var table = ""
    let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
    var offset = 0
    while offset < rows.count {
      defer { offset += 1 }
      let line = rows[offset].trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("[[") {
        // An array of tables: each header starts an element of the array it names.
        table = line.dropFirst(2).prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
        lines[table] = lines[table] ?? offset + 1
        elements[table, default: []].append(offset + 1)
        continue
      }
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
      // An array may go on over the lines after: they are its elements, not keys.
      let value = line[line.index(after: equals)...].drop { $0 == " " || $0 == "\t" }
      guard value.first == "[" else { continue }
      var scan = ArrayScan()
      var closed = scan.read(value, line: offset + 1)
      while !closed, offset + 1 < rows.count {
        offset += 1
        closed = scan.read(rows[offset], line: offset + 1)
      }
      elements[path] = elements[path] ?? scan.elementLines
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

  /// The line each of `count` elements of the array `key` in `table` starts on; the
  /// key's own line for each when the elements found are not `count` (the scan below
  /// reads only what it must of TOML, and a wrong line is worse than the key's).
  func elementLines(of key: String, in table: String, count: Int) -> [Int?] {
    let path = table.isEmpty ? key : table + "." + key
    if let found = elements[path], found.count == count { return found }
    return Array(repeating: line(of: key, in: table), count: count)
  }
}

/// Reads an array value line by line for where its elements start: brackets and braces
/// nest, strings (and what looks like brackets inside them) are skipped, and a comment
/// ends a line.
private struct ArrayScan {
  private var depth = 0
  private var expectingElement = false
  /// The quote of the string being read, and whether it is a triple one.
  private var quote: Character?
  private var triple = false
  private var escaped = false
  private(set) var elementLines: [Int] = []

  /// Reads a line (or the rest of one, from the array's `[`); whether the array closed.
  mutating func read(_ text: Substring, line: Int) -> Bool {
    var index = text.startIndex
    func opensTriple(_ quote: Character) -> Bool {
      text[index...].hasPrefix(String(repeating: quote, count: 3))
    }
    while index < text.endIndex {
      let character = text[index]
      if let open = quote {
        if escaped {
          escaped = false
        } else if character == "\\", open == "\"" {
          escaped = true
        } else if character == open, !triple || opensTriple(open) {
          quote = nil
          if triple { index = text.index(index, offsetBy: 2) }
        }
        index = text.index(after: index)
        continue
      }
      if character == "#" { return false }
      if character != " ", character != "\t", character != "\r" {
        if depth == 1, expectingElement, character != "]", character != "," {
          elementLines.append(line)
          expectingElement = false
        }
        switch character {
        case "\"", "'":
          quote = character
          triple = opensTriple(character)
          if triple { index = text.index(index, offsetBy: 2) }
        case "[", "{":
          depth += 1
          if depth == 1 { expectingElement = true }
        case "]", "}":
          depth -= 1
          if depth == 0 { return true }
        case "," where depth == 1:
          expectingElement = true
        default:
          break
        }
      }
      index = text.index(after: index)
    }
    // Only a triple-quoted string goes on past the end of its line.
    if !triple { quote = nil }
    escaped = false
    return false
  }
}
