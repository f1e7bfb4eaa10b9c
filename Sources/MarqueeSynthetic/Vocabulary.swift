/// The generated part of the corpus's vocabulary: pronounceable pseudo-words and the
/// image credits built from them.
///
/// It is generated from a constant seed, not from the corpus seed, so every corpus
/// shares one vocabulary: `SyntheticCorpus.benchmarkQueries` can then name rare words
/// that any seed's corpus really contains, and compare.sh can hand the same words to
/// ripgrep and SQLite.
enum Vocabulary {
  static let seed: UInt64 = 0x4D61_7271_7565_6521
  static let pseudoWordCount = 50_000
  static let creditCount = 200

  /// Pseudo-words, shortest first: common words in real text tend to be short, and a
  /// frequency ranking that follows length keeps the corpus's bytes per token realistic.
  /// None contains a `q`, so a query word with one is certain to be absent.
  static let pseudoWords: [String] = makePseudoWords()

  /// Every word a content slot can draw, in frequency-rank order.
  static let contentWords: [String] = Lexicon.contentWords + pseudoWords

  /// Image credits, most used first: the fixed agencies, then generated ones.
  static let credits: [String] = makeCredits()

  private static let onsets = [
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
    "z", "br", "ch", "cr", "dr", "fl", "gr", "kl", "pr", "sh", "st", "th", "tr",
  ]
  private static let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
  private static let codas = ["", "", "", "n", "r", "l", "s", "m", "x", "nd", "rt"]

  private static func makePseudoWords() -> [String] {
    var random = SplitMix64(seed: seed)
    var seen = Set(Lexicon.functionWords + Lexicon.contentWords)
    var words: [String] = []
    words.reserveCapacity(pseudoWordCount)
    while words.count < pseudoWordCount {
      let syllables = [2, 2, 2, 3, 3, 4][random.below(6)]
      var word = ""
      for index in 0..<syllables {
        word += random.pick(onsets) + random.pick(vowels)
        if index == syllables - 1 || random.chance(0.2) { word += random.pick(codas) }
      }
      if seen.insert(word).inserted { words.append(word) }
    }
    return words.enumerated()
      .sorted { ($0.element.utf8.count, $0.offset) < ($1.element.utf8.count, $1.offset) }
      .map(\.element)
  }

  /// Credits shaped the way captions print them: an agency, a photographer, a
  /// photographer with an agency, or a courtesy line. Every one stays within what the
  /// parser accepts as a bare `(Credit)` after a caption: at most five words and 40
  /// characters, starting with a capital.
  private static func makeCredits() -> [String] {
    var random = SplitMix64(seed: seed &+ 1)
    var credits = Lexicon.leadingCredits
    var seen = Set(credits)
    func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }
    while credits.count < creditCount {
      // Short pseudo-words from the frequent end read like brand names.
      let brand = capitalized(pseudoWords[random.below(3_000)])
      let person = random.pick(Lexicon.firstNames) + " " + random.pick(Lexicon.lastNames)
      let credit =
        switch random.below(4) {
        case 0: brand + " " + random.pick(Lexicon.agencySuffixes)
        case 1: person
        case 2: person + "/" + brand
        default: "Courtesy of " + brand
        }
      guard credit.count <= 40, credit.split(separator: " ").count <= 5 else { continue }
      if seen.insert(credit).inserted { credits.append(credit) }
    }
    return credits
  }
}
