import MarqueeCore
import TOMLKit

/// `[layout]`: photo sources and furniture phrases for sites the built-in tables do not
/// know yet, added to them (`LayoutAdditions`).
///
/// ```toml
/// credit-sources = ["Flashfeed", { name = "Halcyon Photo", spellings = ["halcyon"], kind = "wire" }]
/// furniture = ["Trending on Quillnet", { phrase = "Spin the wheel", match = "prefix", kind = "ad" }]
/// ```
///
/// A bare string is the common case, so it is the short form: a source credited by that
/// name (an agency), a line that is that phrase (furniture of no particular kind). A
/// table says more. Each entry stands alone: a bad one is one problem on its own line,
/// and the others still count.
enum LayoutTable {
  static let sourceKeys = ["name", "spellings", "kind"]
  static let furnitureKeys = ["phrase", "match", "kind"]

  static func read(
    _ table: TOMLTable, lines: EntryLines, problem: (Int?, String) -> Void
  ) -> LayoutAdditions {
    var additions = LayoutAdditions()
    for (name, value) in lines.inFileOrder(table, in: "layout") {
      let line = lines.line(of: name, in: "layout")
      guard name == "credit-sources" || name == "furniture" else {
        problem(line, "“\(name)” is not a layout setting; they are credit-sources and furniture")
        continue
      }
      // A list, or one entry on its own.
      let entries = value.array.map { Array($0) } ?? [value]
      let entryLines = lines.elementLines(of: name, in: "layout", count: entries.count)
      for (entry, entryLine) in zip(entries, entryLines) {
        do throws(LayoutAdditions.Rejection) {
          if name == "credit-sources" {
            try addSource(entry, to: &additions)
          } else {
            try addFurniture(entry, to: &additions)
          }
        } catch {
          problem(entryLine ?? line, error.reason)
        }
      }
    }
    return additions
  }

  private static func addSource(
    _ entry: TOMLValueConvertible, to additions: inout LayoutAdditions
  ) throws(LayoutAdditions.Rejection) {
    if let name = entry.string {
      try additions.addSource(name: name, spellings: [name], kind: .agency)
      return
    }
    guard let table = entry.table else {
      throw LayoutAdditions.Rejection(
        reason: "credit-sources takes names as credits write them, or tables such as "
          + "{ name = \"Halcyon Photo\", spellings = [\"halcyon\"], kind = \"agency\" }")
    }
    try checkKeys(of: table, are: sourceKeys, for: "a credit source")
    guard let name = table["name"]?.string else {
      throw LayoutAdditions.Rejection(
        reason: "a credit source in a table needs its name, as in name = \"Halcyon Photo\"")
    }
    var spellings = [name]
    if let value = table["spellings"] {
      guard let list = stringList(value) else {
        throw LayoutAdditions.Rejection(
          reason: "spellings takes how credits write \(name), as in spellings = [\"halcyon\"]")
      }
      spellings = list
    }
    let kind = try named(table, "kind", default: PhotoSources.Kind.agency, "a kind of source")
    try additions.addSource(name: name, spellings: spellings, kind: kind)
  }

  private static func addFurniture(
    _ entry: TOMLValueConvertible, to additions: inout LayoutAdditions
  ) throws(LayoutAdditions.Rejection) {
    if let phrase = entry.string {
      try additions.addFurniture(phrase, match: .whole, kind: .other)
      return
    }
    guard let table = entry.table else {
      throw LayoutAdditions.Rejection(
        reason: "furniture takes lines to drop, or tables such as "
          + "{ phrase = \"Spin the wheel\", match = \"prefix\", kind = \"ad\" }")
    }
    try checkKeys(of: table, are: furnitureKeys, for: "a furniture phrase")
    guard let phrase = table["phrase"]?.string else {
      throw LayoutAdditions.Rejection(
        reason: "a furniture phrase in a table needs its phrase, as in phrase = \"Spin the wheel\""
      )
    }
    let match = try named(table, "match", default: FurniturePhrases.Match.whole, "a way to match")
    let kind = try named(table, "kind", default: FurnitureKind.other, "a kind of furniture")
    try additions.addFurniture(phrase, match: match, kind: kind)
  }

  /// The first key of `table` that is not one of `keys`, as a rejection.
  private static func checkKeys(of table: TOMLTable, are keys: [String], for what: String)
    throws(LayoutAdditions.Rejection)
  {
    if let unknown = table.map(\.0).sorted().first(where: { !keys.contains($0) }) {
      throw LayoutAdditions.Rejection(
        reason: "“\(unknown)” is not a setting of \(what); they are "
          + keys.dropLast().joined(separator: ", ") + " and " + keys.last!)
    }
  }

  /// The case of `Name` that `key` of `table` names (by its raw value, in any case), or
  /// `fallback` when the key is not there.
  private static func named<Name: RawRepresentable<String> & CaseIterable>(
    _ table: TOMLTable, _ key: String, default fallback: Name, _ what: String
  ) throws(LayoutAdditions.Rejection) -> Name {
    guard let value = table[key] else { return fallback }
    if let text = value.string, let name = Name(rawValue: text.lowercased()) { return name }
    let choices = oneOf(Name.allCases.map(\.rawValue))
    throw LayoutAdditions.Rejection(
      reason: value.string.map { "“\($0)” is not \(what); \(key) is \(choices)" }
        ?? "\(key) is \(choices), as a string")
  }
}
