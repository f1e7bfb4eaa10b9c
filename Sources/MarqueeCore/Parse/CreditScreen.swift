/// A quick look at a line's bytes that rules out most lines as credit text before
/// `CreditGrammar` reads them part by part (which builds strings): every line of every
/// file passes here while loading, and nearly none is a credit.
///
/// Credit text names a source, says `courtesy`, or has a slash (`Name/Outlet`); and it
/// has no lowercase word but joining and role words and name particles. Both tests
/// run on the bytes, word by word, with short words compared as small strings, which
/// need no allocation.
enum CreditScreen {
  /// Whether `text` may be credit text; false means it certainly is not.
  static func mayBeCredit<Text: StringProtocol>(_ text: Text, in parser: ParserTables) -> Bool {
    // The tables are read once a call, into a local the loop reads.
    let tables = parser.creditScreen
    func isSeparator(_ byte: UInt8) -> Bool { Self.isSeparator(byte, tables.separators) }
    return ValidUTF8.withBytes(of: text) { bytes in
      var namesSomething = false
      var start = 0
      while start < bytes.count {
        while start < bytes.count, isSeparator(bytes[start]) {
          if bytes[start] == UInt8(ascii: "/") { namesSomething = true }
          start += 1
        }
        var end = start
        while end < bytes.count, !isSeparator(bytes[end]) { end += 1 }
        guard end > start else { break }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let first = word[0]
        let lowercase = first &- UInt8(ascii: "a") < 26
        // A capitalised word is hashed only while no source is named yet, and only when
        // its first two bytes begin some source word (most names' do not).
        if word.count <= maximumScreenedWord,
          lowercase || !namesSomething && tables.sourceStarts.mayStart(word)
        {
          let hash = HashFilter.lowercaseHash(word)
          if tables.sourceWords.contains(hash) || hash == tables.courtesyHash {
            namesSomething = true
          }
          // A lowercase word must be one a credit may hold.
          if lowercase, !tables.allowedLowercase.contains(hash),
            !word.contains(UInt8(ascii: "."))
          {
            return false
          }
        } else if lowercase, word.count > maximumScreenedWord {
          return false
        }
        start = end
      }
      return namesSomething
    }
  }

  /// Whether the last word is a word of a source's spelling (`… Getty Images`).
  static func endsWithSourceWord(_ text: String, in parser: ParserTables) -> Bool {
    let tables = parser.creditScreen
    return ValidUTF8.withBytes(of: text) { bytes in
      guard let space = bytes.lastIndex(of: UInt8(ascii: " ")) else { return false }
      let word = UnsafeBufferPointer(rebasing: bytes[(space + 1)...])
      guard word.count <= maximumScreenedWord else { return false }
      return tables.sourceWords.contains(HashFilter.lowercaseHash(word))
    }
  }

  /// Space, `/ ; , | : ( ) [ ]`: a bit each in two words, one for the bytes below 64 and
  /// one for 64–127, tested without a branch per case (a jump table on every byte of
  /// every short line mispredicted often).
  private static func isSeparator(_ byte: UInt8, _ masks: (below64: UInt64, from64: UInt64))
    -> Bool
  {
    let mask = byte < 64 ? masks.below64 : byte < 128 ? masks.from64 : 0
    return mask >> UInt64(byte & 63) & 1 != 0
  }

  private static let separatorBytes = Array(" /;,|:()[]".utf8)
  private static let separatorsBelow64 = separatorBytes.filter { $0 < 64 }.reduce(UInt64(0)) {
    $0 | 1 << UInt64($1)
  }
  private static let separatorsFrom64 = separatorBytes.filter { $0 >= 64 }.reduce(UInt64(0)) {
    $0 | 1 << UInt64($1 - 64)
  }

  private static let maximumScreenedWord = 24

  /// What the screen looks words up in, built for each `ParserTables`.
  struct Tables: Sendable {
    let separators = (below64: separatorsBelow64, from64: separatorsFrom64)
    let courtesyHash = HashFilter.lowercaseHash("courtesy")
    /// Every word of every source spelling (`getty`, `images`, `e!`…), lowercased.
    let sourceWords: HashFilter
    /// How those words and `courtesy` begin.
    let sourceStarts: WordStarts
    /// Lowercase words that credit text may hold.
    let allowedLowercase: HashFilter

    init(sources: [PhotoSources.Source]) {
      let words = sources.flatMap(\.spellings).flatMap { $0.split(separator: " ") }
      let hashes = words.map { HashFilter.lowercaseHash($0) }
      sourceWords = HashFilter(hashes)
      sourceStarts = WordStarts(words.map(String.init) + ["courtesy"])
      allowedLowercase = HashFilter(
        LayoutPhrases.creditJoiningWords.union(LayoutPhrases.nameParticles)
          .union(
            LayoutPhrases.creditRoleWords.flatMap { $0.split(separator: " ").map(String.init) }
          )
          .union(["courtesy"]).map { HashFilter.lowercaseHash($0) } + hashes)
    }
  }
}

/// The first two bytes of a set of words, ASCII letters lowered, as one bit each in
/// 65,536 (a one-byte word as its byte and a zero): whether a word may be one of the set
/// is told without hashing it.
struct WordStarts: Sendable {
  private var bits = [UInt64](repeating: 0, count: 1024)

  init(_ words: [String]) {
    for word in words where !word.isEmpty {
      let key = Self.key(Array(word.utf8)[...])
      bits[key >> 6] |= 1 << UInt64(key & 63)
    }
  }

  func mayStart(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    let key = Self.key(word[...])
    return bits[key >> 6] & 1 << UInt64(key & 63) != 0
  }

  private static func key<Bytes: Collection<UInt8>>(_ word: Bytes) -> Int {
    let first = Int(ValidUTF8.asciiLowercased(word.first!))
    let second = word.dropFirst().first.map { Int(ValidUTF8.asciiLowercased($0)) } ?? 0
    return first << 8 | second
  }
}

/// A set of word hashes as one bit each in 65,536: a lookup is a multiply, a shift and a
/// load, where a `Set<UInt64>` hashes its key again on every lookup. A few hundred words
/// set a few hundred bits, so a word not in the set is let through about once in two
/// hundred, which a screen may do.
struct HashFilter: Sendable {
  private var bits = [UInt64](repeating: 0, count: 1024)

  init(_ hashes: [UInt64]) {
    for hash in hashes {
      let bit = Self.bit(hash)
      bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }
  }

  func contains(_ hash: UInt64) -> Bool {
    let bit = Self.bit(hash)
    return bits[bit >> 6] & 1 << UInt64(bit & 63) != 0
  }

  /// FNV-1a of the word's bytes with ASCII letters lowered: words are compared by this
  /// hash alone, which may only let a few more through to an exact test.
  static func lowercaseHash<Bytes: Sequence<UInt8>>(_ word: Bytes) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in word {
      hash = (hash ^ UInt64(ValidUTF8.asciiLowercased(byte))) &* 0x100_0000_01b3
    }
    return hash
  }

  static func lowercaseHash<Text: StringProtocol>(_ word: Text) -> UInt64 {
    ValidUTF8.withBytes(of: word) { lowercaseHash($0) }
  }

  private static func bit(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 48)
  }
}
