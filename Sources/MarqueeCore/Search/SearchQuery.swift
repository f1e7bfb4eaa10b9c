/// A parsed search query: words (all must match, in any of their English forms: `oscar`
/// finds `Oscars`), `OR`, `-word`, `"phrase"`, `=word` or `="phrase"` (only as typed),
/// `prefix*`, and field scopes (`title:`, `credit:`, `caption:`, `body:`, `author:`) on
/// any of them.
public struct SearchQuery: Sendable, Hashable {
  /// One thing to look for.
  public indirect enum Node: Sendable, Hashable {
    /// Consecutive tokens in one field (a single word is a phrase of one), each in any
    /// of its forms (its English stem); the forms as typed rank first.
    case phrase([String], scope: SearchField.Scope)
    /// The same, only as typed (`=oscar`).
    case exactPhrase([String], scope: SearchField.Scope)
    case prefix(String, scope: SearchField.Scope)
    /// Consecutive tokens, the last of which only starts with `prefix`: `mother-in*`,
    /// `u.s*` (a prefix typed after other words of the same word).
    case phrasePrefix([String], prefix: String, scope: SearchField.Scope)
    case all([Node])
    case any([Node])
    case excluding(Node, [Node])
  }

  public let root: Node
  /// The query as typed.
  public let text: String

  /// Parses a query, or explains what is wrong with it.
  public init(_ text: String) throws(QueryError) {
    self.text = text
    var parser = QueryParser(tokens: try QueryLexer.lex(text))
    root = try parser.parse()
  }

  /// The words and prefixes a match can contain, for highlighting (excluded ones left out).
  public var highlightTerms: [HighlightTerm] {
    var terms: [HighlightTerm] = []
    func collect(_ node: Node) {
      switch node {
      case .phrase(let tokens, let scope):
        terms += tokens.map {
          HighlightTerm(token: $0, isPrefix: false, scope: scope, withForms: true)
        }
      case .exactPhrase(let tokens, let scope):
        terms += tokens.map { HighlightTerm(token: $0, isPrefix: false, scope: scope) }
      case .prefix(let token, let scope):
        terms.append(HighlightTerm(token: token, isPrefix: true, scope: scope))
      case .phrasePrefix(let tokens, let prefix, let scope):
        terms += tokens.map { HighlightTerm(token: $0, isPrefix: false, scope: scope) }
        terms.append(HighlightTerm(token: prefix, isPrefix: true, scope: scope))
      case .all(let nodes), .any(let nodes): nodes.forEach(collect)
      case .excluding(let node, _): collect(node)
      }
    }
    collect(root)
    return terms
  }
}

/// A folded token to mark in text, or a prefix of tokens.
public struct HighlightTerm: Sendable, Hashable {
  public let token: String
  public let isPrefix: Bool
  public let scope: SearchField.Scope
  /// Whether the word's other forms (the same English stem) are marked too.
  public let withForms: Bool

  public init(
    token: String, isPrefix: Bool, scope: SearchField.Scope, withForms: Bool = false
  ) {
    (self.token, self.isPrefix, self.scope, self.withForms) = (token, isPrefix, scope, withForms)
  }

  public func matches(_ folded: String) -> Bool {
    isPrefix ? folded.hasPrefix(token) : folded == token
  }
}

/// Why a query cannot run. Each message says what to type instead.
public enum QueryError: Error, Sendable, Equatable, CustomStringConvertible {
  case empty
  case unbalancedQuote
  case loneMinus
  case danglingOr
  case shortPrefix(String)
  case onlyExclusions
  case excludedInOr

  public var description: String {
    switch self {
    case .empty: "the query is empty; type a word to search for"
    case .unbalancedQuote: "a quote is not closed; put a \" at the end of the phrase"
    case .loneMinus: "a lone '-' excludes nothing; write -word to exclude a word"
    case .danglingOr: "OR needs a word on each side, as in: oscar OR grammy"
    case .shortPrefix(let prefix):
      "'\(prefix)*' is too short; a prefix needs at least two letters"
    case .onlyExclusions: "the query only excludes words; add a word to search for"
    case .excludedInOr: "an excluded word cannot be part of OR; use: a OR b -c"
    }
  }
}

/// The fields of an article that search sees, each with its weight in ranking.
public enum SearchField: Int, CaseIterable, Sendable, Hashable {
  case title, dek, caption, credit, body, author

  /// Title matches count most, then the dek, then image labels, captions and credits,
  /// then the body and the byline.
  public var boost: Double {
    switch self {
    case .title: 5
    case .dek: 2.5
    case .caption, .credit: 2
    case .body, .author: 1
    }
  }

  /// Which fields a query term may match.
  public enum Scope: Sendable, Hashable {
    case any
    case only(SearchField)

    public func allows(_ field: SearchField) -> Bool {
      switch self {
      case .any: true
      case .only(let only): only == field
      }
    }
  }

  /// The names a query uses for scopes: `caption:` covers labels and captions.
  static let scopeNames: [String: SearchField] = [
    "title": .title, "credit": .credit, "caption": .caption, "body": .body, "dek": .dek,
    "author": .author,
  ]
}

/// The pieces of a query as typed.
enum QueryToken: Equatable {
  case word(String, scope: String?, negated: Bool, exact: Bool = false)
  case quoted(String, scope: String?, negated: Bool, exact: Bool = false)
  case or
}

enum QueryLexer {
  static func lex(_ text: String) throws(QueryError) -> [QueryToken] {
    var tokens: [QueryToken] = []
    var scalars = Array(text.unicodeScalars)[...]
    func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }
    while let first = scalars.first {
      if isSpace(first) {
        scalars = scalars.dropFirst()
        continue
      }
      var negated = false
      if first == "-" {
        negated = true
        scalars = scalars.dropFirst()
        guard let next = scalars.first, !isSpace(next) else { throw .loneMinus }
      }
      // Only the fields' names are scopes: any other `word:` (`Re: free moral`, a URL's
      // `https:`) is text, as pasted.
      var scope: String?
      if let colon = scalars.firstIndex(where: { $0 == ":" || $0 == "\"" || isSpace($0) }),
        scalars[colon] == ":", colon > scalars.startIndex,
        case let name = String(String.UnicodeScalarView(scalars[scalars.startIndex..<colon]))
          .lowercased(),
        SearchField.scopeNames[name] != nil
      {
        scope = name
        scalars = scalars[(colon + 1)...]
      }
      // `=word`, `="a phrase"`: only as typed, no other forms.
      var exact = false
      if scalars.first == "=", let next = scalars.dropFirst().first, !isSpace(next) {
        exact = true
        scalars = scalars.dropFirst()
      }
      if scalars.first == "\"" {
        scalars = scalars.dropFirst()
        guard let close = scalars.firstIndex(of: "\"") else { throw .unbalancedQuote }
        tokens.append(
          .quoted(
            String(String.UnicodeScalarView(scalars[..<close])), scope: scope, negated: negated,
            exact: exact))
        scalars = scalars[(close + 1)...]
        continue
      }
      let end = scalars.firstIndex(where: isSpace) ?? scalars.endIndex
      let word = String(String.UnicodeScalarView(scalars[..<end]))
      scalars = scalars[end...]
      if word.contains("\"") { throw .unbalancedQuote }
      if word == "OR" && scope == nil && !negated {
        tokens.append(.or)
      } else if word.isEmpty {
        if negated { throw .loneMinus }
      } else {
        tokens.append(.word(word, scope: scope, negated: negated, exact: exact))
      }
    }
    return tokens
  }
}

/// Turns tokens into a tree: OR binds tighter than the implied AND between clauses.
struct QueryParser {
  var tokens: [QueryToken]

  mutating func parse() throws(QueryError) -> SearchQuery.Node {
    guard !tokens.isEmpty else { throw .empty }
    var required: [SearchQuery.Node] = []
    var excluded: [SearchQuery.Node] = []
    var index = 0
    while index < tokens.count {
      guard tokens[index] != .or else { throw .danglingOr }
      var group: [(node: SearchQuery.Node?, negated: Bool)] = [try atom(tokens[index])]
      index += 1
      while index < tokens.count, tokens[index] == .or {
        guard index + 1 < tokens.count, tokens[index + 1] != .or else { throw .danglingOr }
        group.append(try atom(tokens[index + 1]))
        index += 2
      }
      if group.count > 1, group.contains(where: \.negated) { throw .excludedInOr }
      let nodes = group.compactMap(\.node)
      guard !nodes.isEmpty else { continue }
      let node = nodes.count == 1 ? nodes[0] : .any(nodes)
      if group[0].negated { excluded.append(node) } else { required.append(node) }
    }
    guard !required.isEmpty else { throw excluded.isEmpty ? .empty : .onlyExclusions }
    let positive = required.count == 1 ? required[0] : .all(required)
    return excluded.isEmpty ? positive : .excluding(positive, excluded)
  }

  /// One word, prefix or phrase. A word that folds to nothing (punctuation) is dropped.
  private func atom(_ token: QueryToken) throws(QueryError) -> (
    node: SearchQuery.Node?, negated: Bool
  ) {
    switch token {
    case .or:
      throw .danglingOr
    case .quoted(let text, let scopeName, let negated, let exact):
      return (phrase(Tokenizer.tokens(text), scopeName, exact: exact), negated)
    case .word(let text, let scopeName, let negated, let exact):
      if text.hasSuffix("*") {
        let stem = String(text.dropLast())
        let folded = Tokenizer.tokens(stem)
        // `mother-in*`: the words before the last narrow it down, so its prefix may be
        // as short as a letter (`u.s*`).
        if folded.count > 1 {
          return (
            .phrasePrefix(Array(folded.dropLast()), prefix: folded.last!, scope: scope(scopeName)),
            negated
          )
        }
        guard folded.count == 1, folded[0].count >= 2 else { throw .shortPrefix(stem) }
        return (.prefix(folded[0], scope: scope(scopeName)), negated)
      }
      return (phrase(Tokenizer.tokens(text), scopeName, exact: exact), negated)
    }
  }

  private func phrase(_ words: [String], _ scopeName: String?, exact: Bool) -> SearchQuery.Node? {
    guard !words.isEmpty else { return nil }
    return exact
      ? .exactPhrase(words, scope: scope(scopeName)) : .phrase(words, scope: scope(scopeName))
  }

  private func scope(_ name: String?) -> SearchField.Scope {
    name.flatMap { SearchField.scopeNames[$0] }.map { .only($0) } ?? .any
  }
}
