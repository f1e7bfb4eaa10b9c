import ArgumentParser
import Foundation
import MarqueeCore

/// `marquee search QUERY`: ranked matches with a line of context, like grep with BM25.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search articles by keyword; best matches first.",
    discussion: """
      Query: words (all must match, in any English form: oscar finds Oscars), a OR b, \
      -word (exclude), "phrase" (its last word in any form), =word or ="phrase" (only as \
      typed), prefix*, and field scopes title:, credit:, caption:, body:, author: (e.g. \
      credit:"getty images"). Case and accents are ignored. Exit status: 0 with matches, \
      1 with none (with a "did you mean" on standard error for a misspelt word), 2 on a \
      bad query or path. JSON: an array of {"path","title","score","snippet","total"}, best \
      first, with matched words in [brackets]; "total" is how many articles match in all, \
      the same on every row, so --limit can show fewer (jq '.[0].total'; no row, no \
      match). Text: the count goes to standard error, "3 of 101 matches" when --limit \
      cut the list.
      """)

  @Argument(help: "The query (quote it for the shell when it has spaces).")
  var query: String

  @OptionGroup var corpus: CorpusOptions

  @Option(help: "Show at most this many results.")
  var limit: Int?

  @Flag(help: "Print JSON instead of text.")
  var json = false

  struct Row: Encodable {
    let path: String
    let title: String
    let score: Double
    let snippet: String
    /// Every matching article, however many rows `--limit` kept: an array of rows stays
    /// what `jq '.[]'` and `length` have always read, and each row can say it.
    let total: Int
  }

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
  }

  func run() throws {
    let parsed: SearchQuery
    do {
      parsed = try SearchQuery(query)
    } catch {
      throw Console.failure("bad query: \(error.description)")
    }
    let library = try corpus.loadLibrary(withIndex: true)
    let store = library.store
    let index = library.index!  // asked for with the load
    let results = index.results(for: parsed, limit: limit)
    let hits = results.hits
    let terms = parsed.highlightTerms
    let bold = Console.outputIsTerminal && !Console.noColor
    let rows = hits.map { hit in
      let article = store[hit.id]
      let snippet = Snippet(article: article, terms: terms)
      return (article, hit, snippet)
    }
    if json {
      try Console.printJSON(
        rows.map { article, hit, snippet in
          Row(
            path: article.path, title: article.title,
            score: (hit.score * 1000).rounded() / 1000,
            snippet: snippet.rendered(open: "[", close: "]"), total: results.total)
        })
    } else {
      for (article, _, snippet) in rows {
        print("\(Console.safePath(article.path)): \(article.title)")
        let text =
          bold
          ? snippet.rendered(open: "\u{1B}[1m", close: "\u{1B}[22m")
          : snippet.rendered(open: "[", close: "]")
        print("  \(text)")
      }
      if !rows.isEmpty {
        Console.writeError(Self.countLine(shown: rows.count, total: results.total) + "\n")
      }
    }
    if rows.isEmpty {
      // A word in no article, in any form: the nearest indexed word, as grep's users
      // would want from a spelling slip.
      let hint = index.suggestion(for: parsed).map { "; did you mean “\(Console.safe($0))”?" }
      Console.writeError("marquee: no articles match \(Console.safe(query))\(hint ?? "")\n")
      throw ExitCode(1)
    }
  }

  /// `101 matches`, or `3 of 101 matches` when `--limit` kept fewer.
  static func countLine(shown: Int, total: Int) -> String {
    let noun = total == 1 ? "match" : "matches"
    return shown < total ? "\(shown) of \(total) \(noun)" : "\(total) \(noun)"
  }
}
