import Foundation

/// How the tokenizer treats one non-ASCII scalar, and what it folds to.
///
/// Scalars below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic…: everything two UTF-8
/// bytes long) are classified once into a table, so names like `Beyoncé` cost a table
/// look-up; rarer scalars take the slow path through Unicode properties.
enum ScalarFolding {
  enum Kind: UInt8 {
    case separator, apostrophe, mark, spaceless, letter
  }

  static func kind(of value: UInt32) -> Kind {
    if value < tableLimit { return table.kinds[Int(value)] }
    return classify(value)
  }

  /// Calls `body` with the folded UTF-8 bytes of a letter.
  static func withFolded(_ value: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    if value < tableLimit {
      let start = Int(table.foldStarts[Int(value)])
      let end = Int(table.foldStarts[Int(value) + 1])
      table.foldBytes.withUnsafeBufferPointer {
        body(UnsafeBufferPointer(rebasing: $0[start..<end]))
      }
      return
    }
    guard let scalar = Unicode.Scalar(value) else { return }
    var folded = fold(scalar)
    folded.withUTF8(body)
  }

  private static let tableLimit: UInt32 = 0x800

  private struct Table {
    var kinds: [Kind] = []
    var foldStarts: [UInt32] = [0]
    var foldBytes: [UInt8] = []
  }

  private static let table: Table = {
    var table = Table()
    for value in 0..<tableLimit {
      let kind = value < 0x80 ? Kind.separator : classify(value)
      table.kinds.append(kind)
      if kind == .letter || kind == .spaceless, let scalar = Unicode.Scalar(value) {
        table.foldBytes += Array(fold(scalar).utf8)
      }
      table.foldStarts.append(UInt32(table.foldBytes.count))
    }
    return table
  }()

  private static func classify(_ value: UInt32) -> Kind {
    guard let scalar = Unicode.Scalar(value) else { return .separator }
    if isApostrophe(value) { return .apostrophe }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
    default: break
    }
    if isSpacelessScript(value) { return .spaceless }
    if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return .letter }
    return .separator
  }

  private static func isApostrophe(_ value: UInt32) -> Bool {
    value == 0x2019 || value == 0x2018 || value == 0x02BC || value == 0x2032 || value == 0xFF07
  }

  /// Scripts written without spaces between words: each character is its own token.
  private static func isSpacelessScript(_ value: UInt32) -> Bool {
    switch value {
    case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
      0x20000...0x2FFFF, 0x0E00...0x0E7F, 0x31F0...0x31FF:
      return true
    default:
      return false
    }
  }

  /// Lowercased, with diacritics removed: é → e, Ø → o, ß → ss.
  static func fold(_ scalar: Unicode.Scalar) -> String {
    if let special = specialFolds[scalar.value] { return special }
    var out = ""
    for piece in scalar.properties.lowercaseMapping.unicodeScalars {
      out.unicodeScalars.append(decompositionBase(piece) ?? piece)
    }
    return out
  }

  /// The base letter of a precomposed Latin, Greek or Cyrillic letter with marks.
  private static func decompositionBase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    guard scalar.value >= 0xC0, scalar.value < 0x2000 else { return nil }
    let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
    guard decomposed.count > 1, let base = decomposed.first else { return nil }
    return base
  }

  /// Letters that have no canonical decomposition but that people type without marks.
  private static let specialFolds: [UInt32: String] = [
    0xDF: "ss", 0xE6: "ae", 0xC6: "ae", 0xF8: "o", 0xD8: "o", 0x153: "oe", 0x152: "oe",
    0x142: "l", 0x141: "l", 0x111: "d", 0x110: "d", 0xFE: "th", 0xDE: "th", 0xF0: "d",
    0xD0: "d", 0x131: "i",
  ]
}
