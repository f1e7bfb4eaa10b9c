import Foundation
import MarqueeCore
import MarqueeUI
import TOMLKit

/// What the config file changes, over the built-in defaults: the keys, the colours, the
/// library, the layout tables' additions and how the reader starts. A bad entry is a `ConfigProblem`, and the
/// default stands in for that entry alone.
public struct ReaderSettings: Sendable {
  public var keymap: Keymap = .standard
  public var palette: Palette = .dark
  public var library = LibrarySettings()
  public var layout = LayoutAdditions()
  public var reader = ReaderOptions()

  public init() {}

  /// The settings of a config file's text, and what is wrong in it.
  public static func read(_ text: String, file: String, home: String? = nil) -> (
    ReaderSettings, [ConfigProblem]
  ) {
    var settings = ReaderSettings()
    var problems: [ConfigProblem] = []
    let lines = EntryLines(text)
    func problem(_ line: Int?, _ message: String) {
      problems.append(ConfigProblem(file: file, line: line, message: message))
    }
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      problem(
        error.source.begin.line,
        "not TOML: \(error.description); fix it, or remove the file to use the defaults")
      return (settings, problems)
    } catch {
      problem(nil, "not TOML: \(error)")
      return (settings, problems)
    }
    // Each table a file may have, and where what it says goes.
    let tables: [(name: String, read: (TOMLTable, inout ReaderSettings) -> Void)] = [
      ("keys", { $1.keymap = KeysTable.read($0, lines: lines, problem: problem) }),
      ("colors", { $1.palette = ColorsTable.read($0, lines: lines, problem: problem) }),
      (
        "library",
        { $1.library = LibraryTable.read($0, lines: lines, home: home, problem: problem) }
      ),
      ("layout", { $1.layout = LayoutTable.read($0, lines: lines, problem: problem) }),
      ("reader", { $1.reader = ReaderTable.read($0, lines: lines, problem: problem) }),
    ]
    for (name, value) in lines.inFileOrder(table, in: "") {
      guard let reader = tables.first(where: { $0.name == name }) else {
        problem(
          lines.line(in: name) ?? lines.line(of: name, in: ""),
          "“\(name)” is not a setting; the tables are " + oneOf(tables.map { "[\($0.name)]" }))
        continue
      }
      guard let contents = value.table else {
        problem(lines.line(of: name, in: ""), "\(name) must be a table: [\(name)]")
        continue
      }
      reader.read(contents, &settings)
    }
    return (settings, problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
  }
}

/// `[keys]`: `command = "key"` or `command = ["key", "key"]`, by the keymap's own names.
/// A key given to a command is taken from any command that had it by default.
enum KeysTable {
  static func read(
    _ table: TOMLTable, lines: EntryLines, problem: (Int?, String) -> Void
  ) -> Keymap {
    var chosen: [Command: [Key]] = [:]
    var owner: [Key: Command] = [:]
    // In the file's order, so that of two commands given the same key the first keeps it.
    for (name, value) in lines.inFileOrder(table, in: "keys") {
      let line = lines.line(of: name, in: "keys")
      guard let command = Command(name: name) else {
        problem(
          line,
          "“\(name)” is not a command; the commands are "
            + Command.allCases.map(\.name).joined(separator: ", "))
        continue
      }
      guard let names = stringList(value) else {
        problem(line, "\(name) takes a key name or a list of them, as in next = [\"j\", \"down\"]")
        continue
      }
      // A name that is no key spoils the entry: the command keeps its default keys.
      if let bad = names.first(where: { Key(name: $0) == nil }) {
        problem(
          line,
          "“\(bad)” is not a key; write keys as j, G, ctrl-d, pgdn, space, enter, esc or f5")
        continue
      }
      var keys: [Key] = []
      for key in names.compactMap(Key.init(name:)) {
        if let other = owner[key], other != command {
          problem(line, "\(key.name) is already bound to \(other.name); \(name) does not get it")
          continue
        }
        owner[key] = command
        if !keys.contains(key) { keys.append(key) }
      }
      chosen[command] = keys
    }
    let bindings = Keymap.standard.bindings.map { binding in
      let keys =
        chosen[binding.command] ?? binding.keys.filter { owner[$0] == nil }
      return Binding(keys, binding.command, binding.help, group: binding.group, hint: binding.hint)
    }
    return Keymap(bindings, queryLine: Keymap.standard.queryLine)
  }
}
