/// Builds one article from its own random stream.
///
/// Sentences are chunks of a function word followed by one to three content words, so
/// text alternates glue and content roughly as English does; names, dates, the work the
/// story is about and set phrases are mixed in at fixed rates. The output only has to
/// look like the real thing to a parser and an index, not to a reader.
struct ArticleComposer {
  private static let functionTable = ZipfTable(
    count: Lexicon.functionWords.count, exponent: 1)
  private static let contentTable = ZipfTable(
    count: Vocabulary.contentWords.count, exponent: 1, offset: 8)
  private static let phraseTable = ZipfTable(count: Lexicon.phrases.count, exponent: 1)
  /// A flatter curve for names: a few stars recur, but most names still turn up.
  private static let firstNameTable = ZipfTable(
    count: Lexicon.firstNames.count, exponent: 0.8)
  private static let lastNameTable = ZipfTable(count: Lexicon.lastNames.count, exponent: 0.8)
  private static let creditTable = ZipfTable(count: Vocabulary.credits.count, exponent: 1.1)

  /// A person the story mentions.
  struct Person {
    let first: String
    let full: String
  }

  private var random: SplitMix64
  /// Who the story is about, and the second person it names.
  private var subject = Person(first: "", full: "")
  private var partner = Person(first: "", full: "")
  /// The show, film or song in the story, title-cased, without quotes.
  private var work = ""

  init(random: SplitMix64) {
    self.random = random
    subject = person()
    partner = person()
    work = workTitle()
  }

  mutating func compose() -> SyntheticArticle {
    let title = makeTitle()
    let dek = sentence(12...22, opening: subject.full) + " " + random.pick(Lexicon.dekClosers)
    let galleryLabel = random.chance(0.6) ? subject.full + " " + partner.full : subject.full
    let galleryCredit = credit()
    let paragraphCount = random.within(4...7)
    let before = random.within(1...(paragraphCount - 1))
    var paragraphs: [String] = []
    for _ in 0..<paragraphCount { paragraphs.append(paragraph()) }
    let captionLabel = random.chance(0.5) ? subject.full + " " + partner.full : subject.full
    let caption = makeCaption()
    let captionCredit = credit()

    var lines = [
      title, "", dek, "", galleryLabel, "View gallery", "Image Credit: " + galleryCredit, "",
    ]
    for (index, paragraph) in paragraphs.enumerated() {
      if index == before { lines += [captionLabel, caption + " (" + captionCredit + ")", ""] }
      lines += [paragraph, ""]
    }
    lines.append(Lexicon.footer)
    return SyntheticArticle(
      title: title, dek: dek, paragraphs: paragraphs, paragraphsBeforeCaption: before,
      galleryLabel: galleryLabel, galleryCredit: galleryCredit, captionLabel: captionLabel,
      caption: caption, captionCredit: captionCredit,
      text: lines.joined(separator: "\n") + "\n")
  }

  // MARK: - Pieces

  private mutating func person() -> Person {
    let first = Self.firstNameTable.pick(Lexicon.firstNames, &random)
    let last = Self.lastNameTable.pick(Lexicon.lastNames, &random)
    return Person(first: first, full: first + " " + last)
  }

  private mutating func workTitle() -> String {
    var words: [String] = []
    for _ in 0..<random.within(1...3) { words.append(titleWord()) }
    return words.joined(separator: " ")
  }

  private mutating func credit() -> String {
    Self.creditTable.pick(Vocabulary.credits, &random)
  }

  private mutating func contentWord() -> String {
    Self.contentTable.pick(Vocabulary.contentWords, &random)
  }

  private mutating func titleWord() -> String {
    Self.capitalized(contentWord())
  }

  private mutating func makeTitle() -> String {
    let verb = random.pick(Lexicon.titleVerbs)
    switch random.below(6) {
    case 0:
      return "\(subject.full) \(verb) \(titleWord()) \(titleWord()) At ‘\(work)’ "
        + random.pick(Lexicon.titleEvents)
    case 1:
      return "\(subject.full) And \(partner.full) \(verb) \(titleWord()) In \(titleWord()): Photos"
    case 2:
      return "‘\(work)’ Finale: \(subject.full) \(verb) \(titleWord()) \(titleWord())"
    case 3:
      return "\(subject.full)’s \(titleWord()) \(verb) \(titleWord()) — See The Video"
    case 4:
      return "\(subject.full) Opens Up About \(titleWord()) \(titleWord()) Before ‘\(work)’ Tour"
    default:
      return "\(subject.full), \(random.within(19...68)), \(verb) \(titleWord()) With "
        + "\(partner.full): Watch"
    }
  }

  /// The caption sentence of the second image, without its credit.
  private mutating func makeCaption() -> String {
    "\(subject.full) and \(partner.full) " + clause(4...10) + " on " + date() + "."
  }

  private mutating func paragraph() -> String {
    if random.chance(0.25) {
      return random.chance(0.5) ? quotation() : quotation() + " " + sentence(9...20)
    }
    var sentences: [String] = []
    for _ in 0..<random.within(2...5) { sentences.append(sentence(10...25)) }
    return sentences.joined(separator: " ")
  }

  /// `“Sentence. Sentence,” Name told reporters.`
  private mutating func quotation() -> String {
    var inner = sentence(8...18)
    if random.chance(0.5) { inner += " " + sentence(6...14) }
    inner.removeLast()
    let speaker = random.chance(0.7) ? subject.first : partner.first
    let attribution = random.chance(0.5) ? "said" : "told " + random.pick(Lexicon.audiences)
    return "“" + inner + ",” " + speaker + " " + attribution + "."
  }

  /// A sentence of about `lengths` words, capitalised and closed with a full stop (now
  /// and then an exclamation mark or a trailing `for the first time`).
  private mutating func sentence(_ lengths: ClosedRange<Int>, opening: String? = nil) -> String {
    let start = opening ?? self.opening()
    var text = Self.capitalized(start) + " " + clause(lengths)
    if random.chance(0.04) { text += " for the first time" }
    return text + (random.chance(0.06) ? "!" : ".")
  }

  private mutating func opening() -> String {
    switch random.below(5) {
    case 0: subject.full
    case 1: subject.first
    case 2: partner.first
    case 3: "the " + contentWord()
    default: contentWord()
    }
  }

  /// Words without a capital or a closing stop: function word, then content words.
  private mutating func clause(_ lengths: ClosedRange<Int>) -> String {
    var words: [String] = []
    let target = random.within(lengths)
    while words.count < target {
      words.append(Self.functionTable.pick(Lexicon.functionWords, &random))
      for _ in 0..<random.within(1...3) { words.append(contentChunk()) }
      if words.count < target, random.chance(0.12) { words[words.count - 1] += "," }
    }
    return words.joined(separator: " ")
  }

  private mutating func contentChunk() -> String {
    let roll = random.unit()
    if roll < 0.02 { return Self.phraseTable.pick(Lexicon.phrases, &random) }
    if roll < 0.06 { return mention() }
    if roll < 0.085 { return number() }
    if roll < 0.095 { return "‘\(work)’" }
    return contentWord()
  }

  /// A person in the story, now by first name, now in full; now and then someone else.
  private mutating func mention() -> String {
    switch random.below(6) {
    case 0, 1: subject.first
    case 2: subject.full
    case 3: partner.first
    case 4: partner.full
    default: person().full
    }
  }

  private mutating func number() -> String {
    switch random.below(4) {
    case 0: String(random.within(19...68))
    case 1: String(random.within(2012...2025))
    case 2: random.pick(Lexicon.months) + " " + String(random.within(1...28))
    default: String(random.within(2...950)) + ",000"
    }
  }

  private mutating func date() -> String {
    random.pick(Lexicon.months) + " " + String(random.within(1...28)) + ", "
      + String(random.within(2012...2025))
  }

  static func capitalized(_ word: String) -> String {
    guard let first = word.first, first.isLowercase else { return word }
    return first.uppercased() + word.dropFirst()
  }
}
