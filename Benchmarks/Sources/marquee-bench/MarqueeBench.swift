import Foundation
import MarqueeCore
import MarqueeSynthetic

/// `marquee-bench`: generates synthetic corpora (or takes a folder) and times what the
/// reader does with them: load and parse, build the search index, answer the fixed
/// benchmark queries. It prints one Markdown table, ready for a README.
@main
enum MarqueeBench {
  static func main() {
    // As the `marquee` command does, so the peak memory measured is the one users get.
    MemoryTrim.mapLargeBlocks()
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.count == 2, arguments[0] == "--parse-shape" {
      Pathological.parseInChild(arguments[1])
    }
    if arguments == ["--pathological"] {
      do {
        print(try Pathological.report())
        print()
        print(try LongArticleKeys.report())
        exit(0)
      } catch {
        FileHandle.standardError.write(Data("marquee-bench: \(error)\n".utf8))
        exit(1)
      }
    }
    let options: Options
    do {
      options = try Options(Array(CommandLine.arguments.dropFirst()))
    } catch {
      guard let message = error.message else {
        print(Options.usage)
        exit(0)
      }
      FileHandle.standardError.write(Data("marquee-bench: \(message)\n\(Options.usage)\n".utf8))
      exit(2)
    }
    var results: [CorpusResult] = []
    do {
      if let corpus = options.corpus {
        results.append(try measure(corpus: corpus, generateSeconds: nil, options: options))
      } else {
        for size in options.sizes {
          results.append(try generateAndMeasure(size: size, options: options))
        }
      }
    } catch {
      FileHandle.standardError.write(Data("marquee-bench: \(error)\n".utf8))
      exit(1)
    }
    let report = Report(results: results, options: options)
    print(options.machine ? report.machineLines() : report.markdown())
  }

  static func progress(_ message: String) {
    FileHandle.standardError.write(Data("… \(message)\n".utf8))
  }

  /// Writes a fresh corpus to a temporary folder, measures it, and removes it unless
  /// `--keep` was given.
  static func generateAndMeasure(size: Int, options: Options) throws -> CorpusResult {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "marquee-bench-\(size)-seed\(options.seed)-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    progress("generating \(size) articles into \(folder.path)")
    let corpus = SyntheticCorpus(seed: options.seed)
    let ((), generateSeconds) = try Measure.time { try corpus.write(count: size, to: folder) }
    let result = try measure(
      corpus: folder.path, generateSeconds: generateSeconds, options: options)
    if options.keep {
      progress("kept \(folder.path)")
    } else {
      try? FileManager.default.removeItem(at: folder)
    }
    return result
  }

  /// Loads, indexes and queries one folder. Everything it allocates is released when it
  /// returns, and the peak-memory mark is reset first, so each size has its own peak.
  static func measure(corpus: String, generateSeconds: Double?, options: Options) throws
    -> CorpusResult
  {
    let (files, bytes) = Measure.tree(corpus)
    let peakIsPerCorpus = Measure.resetPeakMemory()

    progress("loading \(files) files (\(bytes / 1_000_000) MB)")
    let (loaded, loadSeconds, loadCPU) = try Measure.timeWithCPU {
      try ArticleLoader.load(paths: [corpus])
    }
    let articles = loaded.articles
    let rssAfterLoad = Measure.status("VmRSS")
    let textBytes = articles.reduce(0) { total, article in
      var bytes = article.path.utf8.count + article.title.utf8.count + article.dek.utf8.count
      bytes += article.paragraphs.reduce(0) { $0 + $1.utf8.count }
      for image in article.images {
        bytes += [image.label, image.caption, image.credit].reduce(0) { $0 + ($1?.utf8.count ?? 0) }
      }
      return total + bytes
    }
    progress("articles hold \(textBytes / 1_000_000) MB of text")
    progress("loaded; peak so far \((Measure.status("VmHWM") ?? 0) / 1_000_000) MB")

    progress("indexing \(articles.count) articles")
    let (index, indexSeconds, indexCPU) = Measure.timeWithCPU { SearchIndex(articles: articles) }
    let rssAfterIndex = Measure.status("VmRSS")
    progress(
      "index holds \(index.storageBytes / 1_000_000) MB; peak so far "
        + "\((Measure.status("VmHWM") ?? 0) / 1_000_000) MB")

    progress("querying: \(SyntheticCorpus.benchmarkQueries.count) queries × \(options.runs) runs")
    let queries = try timeQueries(index, runs: options.runs)
    progress("timing keys in the reader (update + render)")
    let keys = KeyTiming.measure(ArticleStore(articles: articles), index, rounds: options.runs)
    progress("saving, loading and matching read marks for every article")
    let marks = try MarksTiming.measure(articles)
    let peak = Measure.status("VmHWM")
    withExtendedLifetime((articles, index)) {}

    let all = queries.flatMap(\.samples).sorted()
    return CorpusResult(
      corpus: corpus, files: files, articles: articles.count,
      skipped: loaded.report.skipped.count, bytes: bytes, generateSeconds: generateSeconds,
      loadSeconds: loadSeconds, loadCores: loadCPU / loadSeconds, indexSeconds: indexSeconds,
      indexCores: indexCPU / indexSeconds,
      queryP50: Measure.percentile(all, 0.5), queryP99: Measure.percentile(all, 0.99),
      queryMax: all.last!, rssAfterLoad: rssAfterLoad, rssAfterIndex: rssAfterIndex,
      peakRSS: peak, peakIsPerCorpus: peakIsPerCorpus, queries: queries,
      browsingKeys: keys.navigation.sorted(), searchKeys: keys.search.sorted(),
      browsingKeysFastest: KeyTiming.Result.fastest(
        keys.navigation, keys: KeyTiming.navigation.count),
      searchKeysFastest: KeyTiming.Result.fastest(keys.search, keys: KeyTiming.search.count),
      hostJitter: KeyTiming.hostJitter(samples: keys.navigation.count + keys.search.count),
      searchAnswers: keys.answers.sorted(), marks: marks)
  }

  /// Runs the whole query set `runs` times, round-robin, and drops the first run (cold
  /// caches, first-touch page faults). Each sample is parse + search, unlimited, as the
  /// reader's search-as-you-type does it.
  static func timeQueries(_ index: SearchIndex, runs: Int) throws -> [QueryResult] {
    let texts = SyntheticCorpus.benchmarkQueries
    // Every query must parse before anything is timed, so the `try!` below cannot trap.
    for text in texts { _ = try SearchQuery(text) }
    var results = texts.map { QueryResult(text: $0, hits: 0, samples: []) }
    for run in 0..<runs {
      for (position, text) in texts.enumerated() {
        let (hits, seconds) = Measure.time { index.search(try! SearchQuery(text)).count }
        results[position].hits = hits
        if run > 0 { results[position].samples.append(seconds) }
      }
    }
    return results
  }
}

/// One query's hits and its timed samples (seconds).
struct QueryResult {
  let text: String
  var hits: Int
  var samples: [Double]

  var median: Double { Measure.percentile(samples.sorted(), 0.5) }
}

/// Everything measured on one corpus.
struct CorpusResult {
  let corpus: String
  let files: Int
  let articles: Int
  let skipped: Int
  let bytes: Int
  let generateSeconds: Double?
  let loadSeconds: Double
  /// CPU time over wall time: how many of the cores the phase kept busy.
  let loadCores: Double
  let indexSeconds: Double
  let indexCores: Double
  let queryP50: Double
  let queryP99: Double
  let queryMax: Double
  let rssAfterLoad: Int?
  let rssAfterIndex: Int?
  let peakRSS: Int?
  let peakIsPerCorpus: Bool
  let queries: [QueryResult]
  /// Seconds of update + render per key, sorted.
  let browsingKeys: [Double]
  let searchKeys: [Double]
  /// Each key's fastest over the rounds, sorted.
  let browsingKeysFastest: [Double]
  let searchKeysFastest: [Double]
  /// Seconds of a fixed millisecond of work, timed as often as the keys, sorted.
  let hostJitter: [Double]
  /// Seconds of each search's answer (the query, then update + render with its hits), sorted.
  let searchAnswers: [Double]
  let marks: MarksTiming.Result
}
