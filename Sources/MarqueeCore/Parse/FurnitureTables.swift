extension Furniture {
  /// The furniture phrases, and the words of a share bar, as `match`, `startingPhrase`
  /// and `shareBarLines` look them up: built from a list of phrases and of sources (the
  /// built-in tables, or those with a user's additions first) for each `ParserTables`.
  struct Tables: Sendable {
    /// The whole-line phrases, with their trimmed bytes (compared on a hit), by a hash
    /// of those bytes, so that a line is looked up without building a key. Of phrases
    /// with the same bytes, the first listed.
    let whole: [UInt64: (phrase: FurniturePhrases.Phrase, core: [UInt8])]
    /// The keys of `whole` as bits, looked at first: nearly every line misses, and a
    /// miss in the dictionary cost a hash of the key and mispredicted branches.
    let wholeKeys: HashFilter
    let longestWholePhrase: Int
    /// The `contains` phrases, in the order of the phrase index's furniture list.
    let containingPhrases: [FurniturePhrases.Phrase]
    /// The prefix phrases by their first byte, longest first: a line is tried only
    /// against the phrases that start as it does.
    let prefixesByFirstByte: [[FurniturePhrases.Phrase]]
    /// The length of the shortest phrase in `prefixesByFirstByte` (past any line when
    /// there is none).
    let shortestPrefixByFirstByte: [Int]
    /// The bytes of each phrase in `prefixesByFirstByte`.
    let prefixBytesByFirstByte: [[[UInt8]]]
    /// The second byte of each phrase in `prefixesByFirstByte` (0, matching any, for a
    /// one-byte phrase).
    let prefixSecondBytesByFirstByte: [[UInt8]]
    /// The share buttons and the platforms' spellings, for `isShareButton` to screen by.
    let shareButtonWords: HashFilter

    init(phrases: [FurniturePhrases.Phrase], sources: [PhotoSources.Source]) {
      var whole: [UInt64: (phrase: FurniturePhrases.Phrase, core: [UInt8])] = [:]
      for phrase in phrases where phrase.match == .whole || phrase.match == .heading {
        let core = Array(Furniture.trimmedCore(Array(phrase.phrase.utf8)))
        let key = Furniture.hash(core[...])
        whole[key] = whole[key] ?? (phrase, core)
      }
      self.whole = whole
      wholeKeys = HashFilter(Array(whole.keys))
      longestWholePhrase = phrases.map(\.phrase.utf8.count).max()!
      containingPhrases = phrases.filter { $0.match == .contains }

      var prefixes = Array(repeating: [FurniturePhrases.Phrase](), count: 256)
      let starting = phrases.filter {
        $0.match == .prefix || $0.match == .linkPrefix || $0.match == .headingPrefix
      }.sorted { $0.phrase.utf8.count > $1.phrase.utf8.count }
      for phrase in starting { prefixes[Int(phrase.phrase.utf8.first!)].append(phrase) }
      prefixesByFirstByte = prefixes
      shortestPrefixByFirstByte = prefixes.map { $0.map(\.phrase.utf8.count).min() ?? Int.max }
      prefixBytesByFirstByte = prefixes.map { $0.map { Array($0.phrase.utf8) } }
      prefixSecondBytesByFirstByte = prefixBytesByFirstByte.map {
        $0.map { $0.count > 1 ? $0[1] : 0 }
      }

      shareButtonWords = HashFilter(
        (FurniturePhrases.shareButtons
          + sources.filter { $0.kind == .platform }.flatMap(\.spellings))
          .map { HashFilter.lowercaseHash($0) })
    }
  }
}
