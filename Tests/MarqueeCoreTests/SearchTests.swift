import Foundation
import MarqueeTestSupport
import Testing

@testable import MarqueeCore

@Suite("Tokenizer folding")
struct TokenizerTests {
  @Test func caseAndDiacriticsFold() {
    #expect(
      Tokenizer.tokens("Beyoncé BEYONCE beyonce\u{301}") == ["beyonce", "beyonce", "beyonce"])
    #expect(Tokenizer.tokens("Zoë Søren Straße Łódź") == ["zoe", "soren", "strasse", "lodz"])
  }

  @Test func apostrophesAndPossessivesFold() {
    #expect(Tokenizer.tokens("Halsey’s halsey's Halsey") == ["halsey", "halsey", "halsey"])
    #expect(Tokenizer.tokens("don’t it's rock 'n' roll") == ["dont", "it", "rock", "n", "roll"])
  }

  @Test func digitsAreWordsAndPunctuationSplits() {
    #expect(
      Tokenizer.tokens("June 10, 2022 — co-star #1") == ["june", "10", "2022", "co", "star", "1"])
  }

  /// Runs of ASCII letters and digits are copied a run at a time: words longer than the
  /// scanner's first buffer, runs at the very end of the text, and runs that go on
  /// after an accented letter or an apostrophe come out whole.
  @Test func longRunsAndRunsAfterOtherLettersFoldWhole() {
    let long = String(repeating: "AbC9", count: 40)
    #expect(Tokenizer.tokens(long) == [long.lowercased()])
    #expect(Tokenizer.tokens("x " + long + "’s") == ["x", long.lowercased()])
    #expect(Tokenizer.tokens("CaféBAR Z") == ["cafebar", "z"])
    #expect(Tokenizer.tokens("O'NEILL's L'Oréal7") == ["oneill", "loreal7"])
    let ranges = Tokenizer.tokensWithRanges("é " + long + " Q").map(\.range)
    #expect(ranges == [0..<1, 2..<(2 + long.count), (3 + long.count)..<(4 + long.count)])
  }

  /// Eight bytes at a time: a run's length is the byte-by-byte count whatever byte ends
  /// it, at whatever offset (every byte value, at each of the eight places).
  @Test func eightByteRunsEndWhereAByteByByteScanWould() {
    for place in 0..<8 {
      for value in 0...255 {
        var bytes = [UInt8](repeating: UInt8(ascii: "Q"), count: 8)
        bytes[place] = UInt8(value)
        let chunk = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self).littleEndian }
        let expected = bytes.firstIndex { !ValidUTF8.isASCIILetterOrDigit($0) } ?? 8
        #expect(ASCIIRun.length(chunk) == expected, "byte \(value) at \(place)")
      }
    }
  }

  /// ASCII text with no apostrophe splits into its runs of letters and digits, lowered,
  /// at their places, whatever the runs' lengths and wherever the text ends.
  @Test func asciiTextSplitsIntoItsLoweredRuns() {
    var random = SeededGenerator(seed: 31)
    let alphabet = Array("aZ09 ,.-@[`{/:!\n".utf8)
    for _ in 0..<2_000 {
      let length = Int(random.next() % 40)
      let bytes = (0..<length).map { _ -> UInt8 in
        // Mostly letters, so runs of every length up to and past eight occur.
        random.next() % 3 == 0
          ? alphabet[Int(random.next() % UInt64(alphabet.count))]
          : UInt8(ascii: "a") + UInt8(random.next() % 26) - (random.next() % 2 == 0 ? 32 : 0)
      }
      let text = String(decoding: bytes, as: UTF8.self)
      let runs = bytes.split { !ValidUTF8.isASCIILetterOrDigit($0) }
      let expected = runs.map { String(decoding: $0, as: UTF8.self).lowercased() }
      #expect(Tokenizer.tokens(text) == expected, "\(text)")
      // ASCII: a scalar offset is a byte offset.
      let ranges = Tokenizer.tokensWithRanges(text).map(\.range)
      #expect(ranges == runs.map { $0.startIndex..<$0.endIndex }, "\(text)")
    }
  }

  @Test func spacelessScriptsAreOneTokenPerCharacter() {
    #expect(Tokenizer.tokens("月影の約束 drama") == ["月", "影", "の", "約", "束", "drama"])
    #expect(Tokenizer.tokens("한국어 제목") == ["한국어", "제목"])
  }

  @Test func rangesPointAtTheOriginalText() {
    let text = "Meet Beyoncé’s twin"
    let scalars = Array(text.unicodeScalars)
    let words = Tokenizer.tokensWithRanges(text).map { token in
      String(String.UnicodeScalarView(scalars[token.range]))
    }
    #expect(words == ["Meet", "Beyoncé’s", "twin"])
  }
}

@Suite("Query language")
struct QueryTests {
  private func article(
    _ name: String, title: String, dek: String = "", body: [String] = [],
    images: [ArticleImage] = []
  ) -> Article {
    Article(
      path: "\(name).txt", title: title, dek: dek, body: body.map(ArticleBlock.paragraph),
      images: images)
  }

  private var index: SearchIndex {
    SearchIndex(articles: [
      article("a", title: "Oscar night recap", body: ["The gala ran long and the host sang."]),
      article(
        "b", title: "Grammy winners list", dek: "Every winner, from pop to jazz.",
        body: ["Backstage the Oscar winner waved."]),
      article(
        "c", title: "Festival diary", body: ["Rain fell on the main stage all night."],
        images: [
          ArticleImage(
            label: "Lila Shore", caption: "Lila Shore on the main stage.", credit: "Getty Images")
        ]),
      article(
        "d", title: "Beyoncé tour dates", body: ["Halsey’s set closed the festival night."],
        images: [ArticleImage(label: "Crowd", caption: nil, credit: "Northlight Photo")]),
    ])
  }

  private func paths(_ query: String) throws -> [String] {
    index.search(try SearchQuery(query)).map { index.paths[$0.id] }
  }

  @Test func wordsMustAllMatch() throws {
    #expect(try paths("night").sorted() == ["a.txt", "c.txt", "d.txt"])
    #expect(try paths("night festival").sorted() == ["c.txt", "d.txt"])
  }

  /// A word finds its other forms, in words and phrases; where all else is equal the
  /// form as typed ranks first; `=` asks for the form as typed only.
  @Test func wordsFindTheirOtherFormsAndTheFormTypedRanksFirst() throws {
    let index = SearchIndex(articles: [
      article("plural", title: "Oscars night", body: ["They walked the red carpets."]),
      article("single", title: "Oscar night", body: ["They walked the red carpet."]),
    ])
    func paths(_ query: String) throws -> [String] {
      index.search(try SearchQuery(query)).map { index.paths[$0.id] }
    }
    #expect(try paths("oscar") == ["single.txt", "plural.txt"])
    #expect(try paths("oscars") == ["plural.txt", "single.txt"])
    #expect(try paths("\"red carpet\"") == ["single.txt", "plural.txt"])
    #expect(try paths("=oscar") == ["single.txt"])
    #expect(try paths("=\"red carpets\"") == ["plural.txt"])
    #expect(try paths("title:=oscars") == ["plural.txt"])
    let terms = try SearchQuery("oscar =night").highlightTerms
    #expect(Highlights.ranges(in: "Oscars night", terms: terms, field: .title) == [0..<6, 7..<12])
    #expect(Highlights.ranges(in: "nights", terms: terms, field: .title) == [], "=night only")
  }

  /// The byline is a field too: `author:` looks only there, a plain word everywhere.
  @Test func authorIsAFieldOfItsOwn() throws {
    let index = SearchIndex(articles: [
      Article(
        path: "by.txt", author: "Mara Quill", title: "Tour diary", dek: "", body: [], images: []),
      Article(
        path: "about.txt", title: "Quill on tour", dek: "", body: [.paragraph("Mara sang.")],
        images: []),
    ])
    func paths(_ query: String) throws -> [String] {
      index.search(try SearchQuery(query)).map { index.paths[$0.id] }
    }
    #expect(try paths("author:quill") == ["by.txt"])
    #expect(try paths("author:\"mara quill\"") == ["by.txt"])
    #expect(Set(try paths("quill")) == ["by.txt", "about.txt"])
    #expect(try paths("title:quill") == ["about.txt"])
  }

  /// Only the fields' names are scopes: any other `word:`, and URLs, are text as pasted.
  @Test func aWordBeforeAColonThatIsNoFieldIsText() throws {
    #expect(try paths("Re: oscar") == [], "re is a word to find too")
    #expect(try paths("grammy: winners") == ["b.txt"])
    #expect(try paths("https://example.org/oscar-night") == [])
    let url = try SearchQuery("https://example.org/oscar-night")
    #expect(url.highlightTerms.map(\.token) == ["https", "example", "org", "oscar", "night"])
    #expect(try paths("TITLE:oscar") == ["a.txt"], "field names in any case")
  }

  @Test func orUnionsAndBindsTighterThanAnd() throws {
    #expect(try paths("grammy OR beyonce").sorted() == ["b.txt", "d.txt"])
    #expect(try paths("night oscar OR festival").sorted() == ["a.txt", "c.txt", "d.txt"])
  }

  @Test func minusExcludes() throws {
    #expect(try paths("night -festival") == ["a.txt"])
    #expect(try paths("night -\"main stage\"").sorted() == ["a.txt", "d.txt"])
  }

  @Test func phrasesNeedConsecutiveTokens() throws {
    #expect(try paths("\"main stage\"") == ["c.txt"])
    #expect(try paths("\"stage main\"") == [])
    #expect(try paths("\"oscar winner\"") == ["b.txt"])
  }

  @Test func prefixesExpand() throws {
    #expect(try paths("win*").sorted() == ["b.txt"])
    #expect(try paths("fest*").sorted() == ["c.txt", "d.txt"])
  }

  @Test func fieldScopes() throws {
    #expect(try paths("title:oscar") == ["a.txt"])
    #expect(try paths("body:oscar") == ["b.txt"])
    #expect(try paths("credit:\"getty images\"") == ["c.txt"])
    #expect(try paths("credit:north*") == ["d.txt"])
    #expect(try paths("caption:lila") == ["c.txt"])
    #expect(try paths("caption:crowd") == ["d.txt"])
    #expect(try paths("title:festival") == ["c.txt"])
  }

  @Test func foldingAppliesToQueries() throws {
    #expect(try paths("BEYONCÉ") == ["d.txt"])
    #expect(try paths("halsey's") == ["d.txt"])
    #expect(try paths("Halsey") == ["d.txt"])
  }

  @Test func titleHitOutranksBodyHit() throws {
    #expect(try paths("oscar") == ["a.txt", "b.txt"])
    #expect(try paths("festival") == ["c.txt", "d.txt"])
  }

  @Test func equalScoresOrderByPath() throws {
    let twins = SearchIndex(articles: [
      article("z", title: "Same words here"), article("m", title: "Same words here"),
    ])
    #expect(
      twins.search(try SearchQuery("words")).map { twins.paths[$0.id] } == [
        "m.txt", "z.txt",
      ])
  }

  /// A prefix typed after other words of the same word (`mother-in*`, `u.s*`) is a
  /// phrase whose last word only starts so; it was refused as too short.
  @Test func aPrefixAfterOtherPiecesOfAWordIsAPhraseEndingInIt() throws {
    let index = SearchIndex(articles: [
      article("a", title: "Her mother-in-law steals the show", body: ["A wedding story."]),
      article("b", title: "The U.S. tour is on", body: ["Dates in the U.S.A. too."]),
      article("c", title: "In-laws and outlaws", body: ["Her mother waved; in the end, us too."]),
    ])
    func paths(_ query: String) throws -> [String] {
      index.search(try SearchQuery(query)).map { index.paths[$0.id] }.sorted()
    }
    #expect(try paths("mother-in*") == ["a.txt"])
    #expect(try paths("u.s*") == ["b.txt"])
    #expect(try paths("title:mother-in*") == ["a.txt"])
    #expect(try paths("mother-law*") == [])
    let terms = try SearchQuery("u.s*").highlightTerms
    #expect(terms.map(\.token) == ["u", "s"] && terms.map(\.isPrefix) == [false, true])
  }

  @Test(arguments: [
    ("", QueryError.empty), ("   ", .empty), ("\"open phrase", .unbalancedQuote),
    ("word -", .loneMinus), ("-", .loneMinus), ("OR word", .danglingOr), ("word OR", .danglingOr),
    ("a OR OR b", .danglingOr), ("-only", .onlyExclusions),
    ("a*", .shortPrefix("a")), ("*", .shortPrefix("")), ("a OR -b", .excludedInOr),
  ])
  func badQueriesExplainThemselves(query: String, error: QueryError) {
    #expect(throws: error) { try SearchQuery(query) }
    #expect(!error.description.isEmpty)
  }

  @Test func highlightTermsLeaveOutExclusions() throws {
    let terms = try SearchQuery("title:oscar fest* -rain").highlightTerms
    #expect(
      terms == [
        HighlightTerm(token: "oscar", isPrefix: false, scope: .only(.title), withForms: true),
        HighlightTerm(token: "fest", isPrefix: true, scope: .any),
      ])
  }

  @Test func highlightsMarkWholeWordsPrefixesAndOnlyTheirField() {
    let long = String(repeating: "x", count: 70)
    let terms = [
      HighlightTerm(token: "oscar", isPrefix: false, scope: .any),
      HighlightTerm(token: "fest", isPrefix: true, scope: .any),
      HighlightTerm(token: "gala", isPrefix: false, scope: .only(.title)),
      HighlightTerm(token: long, isPrefix: false, scope: .any),
    ]
    let text = "Oscars oscar Festival gala \(long) \(long)y"
    // Scalar ranges of `oscar`, `Festival` and the long word (not `Oscars`, not the
    // longer word, and `gala` only in a title).
    let body = Highlights.Matcher(terms: terms, field: .body)
    #expect(body.ranges(in: text) == [7..<12, 13..<21, 27..<97])
    let title = Highlights.Matcher(terms: terms, field: .title)
    #expect(title.ranges(in: text) == [7..<12, 13..<21, 22..<26, 27..<97])
    #expect(Highlights.Matcher(terms: [terms[2]], field: .body).isEmpty)
    #expect(Highlights.ranges(in: text, terms: terms, field: .body) == body.ranges(in: text))
  }

  @Test func snippetMarksMatchesAroundTheFirstOne() {
    let long =
      String(repeating: "filler words ", count: 30) + "the Oscar winner waved "
      + String(repeating: "more text ", count: 30)
    let snippet = Snippet(
      article: article("x", title: "T", body: [long]),
      terms: [HighlightTerm(token: "oscar", isPrefix: false, scope: .any)], width: 60)
    let rendered = snippet.rendered(open: "[", close: "]")
    #expect(rendered.hasPrefix("…"))
    #expect(rendered.hasSuffix("…"))
    #expect(rendered.contains("the [Oscar] winner"))
    #expect(snippet.text.unicodeScalars.count <= 62)
  }
}

@Suite("Index agrees with a brute-force scan")
struct SearchPropertyTests {
  @Test func randomWordsAndPairsMatchAScan() throws {
    var generator = SeededGenerator(seed: 2024)
    let vocabulary = (0..<60).map { "w\($0)" } + ["Beyoncé", "Halsey’s", "gala", "2022"]
    let articles = (0..<300).map { number -> Article in
      func words(_ count: Int) -> String {
        (0..<count).map { _ in
          // Zipf-like: low indices far more often.
          let pick = Int(
            Double(vocabulary.count) * pow(Double.random(in: 0..<1, using: &generator), 3))
          return vocabulary[pick]
        }.joined(separator: " ")
      }
      return Article(
        path: String(format: "%03d.txt", number), title: words(4), dek: words(8),
        body: [.paragraph(words(40)), .paragraph(words(20))],
        images: [ArticleImage(label: words(2), caption: words(5), credit: words(1))])
    }
    let index = SearchIndex(articles: articles)
    let tokenSets = articles.map { article in
      var tokens = Set<String>()
      for field in SearchField.allCases {
        IndexSegment.forEachPiece(of: article, in: field) {
          tokens.formUnion(Tokenizer.tokens(String(decoding: $0, as: UTF8.self)))
        }
      }
      return tokens
    }
    // A word finds its other forms (the same English stem); `=word` only itself.
    let stemSets = tokenSets.map { Set($0.map(EnglishStemmer.stem)) }
    for _ in 0..<200 {
      let first = vocabulary.randomElement(using: &generator)!
      let second = vocabulary.randomElement(using: &generator)!
      let query = Bool.random(using: &generator) ? first : "\(first) \(second)"
      let wanted = Set(Tokenizer.tokens(query))
      let stems = Set(wanted.map(EnglishStemmer.stem))
      let expected = Set(articles.indices.filter { stemSets[$0].isSuperset(of: stems) })
      let found = Set(index.search(try SearchQuery(query)).map(\.id))
      #expect(found == expected, "\(query)")
      let exactQuery = Tokenizer.tokens(query).map { "=\($0)" }.joined(separator: " ")
      let exact = Set(articles.indices.filter { tokenSets[$0].isSuperset(of: wanted) })
      #expect(Set(index.search(try SearchQuery(exactQuery)).map(\.id)) == exact, "\(exactQuery)")
    }
  }
}

@Suite("Search over ../shared/corpora/bbc")
struct SearchCorpusTests {
  @Test(.enabled(if: SharedFolder.exists("corpora/bbc"), "../shared/corpora/bbc is absent"))
  func aWordFoundOnlyInSomeArticlesReturnsExactlyThose() throws {
    let (articles, _) = try ArticleLoader.load(paths: [SharedFolder.path("corpora/bbc")])
    let index = SearchIndex(articles: articles)
    let tokens = articles.map { article in
      Set(
        Tokenizer.tokens(
          ([article.title, article.dek] + article.paragraphs).joined(separator: " ")))
    }
    for word in ["oscar", "bafta", "eminem", "beyonce", "oscars"] {
      let stem = EnglishStemmer.stem(word)
      let expected = Set(
        articles.indices.filter { tokens[$0].contains { EnglishStemmer.stem($0) == stem } }
          .map { articles[$0].path })
      let found = Set(index.search(try SearchQuery(word)).map { articles[$0.id].path })
      #expect(found == expected, "\(word)")
      #expect(!expected.isEmpty, "\(word) should occur in the BBC corpus")
      let exact = Set(
        articles.indices.filter { tokens[$0].contains(word) }.map { articles[$0].path })
      let foundExact = Set(index.search(try SearchQuery("=" + word)).map { articles[$0.id].path })
      #expect(foundExact == exact, "=\(word)")
    }
    // oscar finds the articles that only say Oscars too.
    let oscar = index.search(try SearchQuery("oscar")).map(\.id)
    #expect(oscar.count > articles.indices.filter { tokens[$0].contains("oscar") }.count)
  }
}
