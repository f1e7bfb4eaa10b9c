/// `hasPrefix` and `hasSuffix` for short printable-ASCII affixes (and `•`), decided on
/// UTF-8 bytes where that gives the same answer.
///
/// The standard library compares `Character`s (grapheme clusters, up to canonical
/// equivalence), which walks graphemes on every call, and the layout rules ask on every
/// line. For printable ASCII other than `;`, `` ` `` and `K` (the only ASCII characters
/// another scalar is canonically equivalent to), the affix's bytes must be present, and
/// when the scalar across the affix's edge is ASCII too no grapheme cluster can span that
/// edge, so the bytes decide. A non-ASCII neighbour (a combining mark, say) is left to
/// the standard library. `•` is one scalar that nothing is equivalent to either, so a
/// list bullet is decided the same way.
enum CharacterAffix {
  static func hasPrefix(_ text: Substring, _ prefix: String) -> Bool {
    assert(isSupported(prefix))
    let decided = ValidUTF8.withBytes(of: text) { bytes -> Bool? in
      guard bytes.starts(with: prefix.utf8) else { return false }
      let next = prefix.utf8.count
      return next == bytes.count || bytes[next] < 0x80 ? true : nil
    }
    return decided ?? text.hasPrefix(prefix)
  }

  static func hasSuffix(_ text: Substring, _ suffix: String) -> Bool {
    assert(isSupported(suffix))
    let decided = ValidUTF8.withBytes(of: text) { bytes -> Bool? in
      guard bytes.reversed().starts(with: suffix.utf8.reversed()) else { return false }
      let previous = bytes.count - suffix.utf8.count - 1
      return previous < 0 || bytes[previous] < 0x80 ? true : nil
    }
    return decided ?? text.hasSuffix(suffix)
  }

  private static func isSupported(_ affix: String) -> Bool {
    !affix.isEmpty
      && affix.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) || $0 == "•" }
      && !affix.contains(where: { ";`K".contains($0) })
  }
}
