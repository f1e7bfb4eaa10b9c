import Foundation

/// Formats results: a Markdown table for people, tab-separated lines for compare.sh.
struct Report {
  let results: [CorpusResult]
  let options: Options

  /// Queries whose hit counts are worth showing next to the timings.
  static let hitQueries = [
    "the", "premiere", "shousbrousprioxfliond", "quixotry", "\"red carpet\"", "kl*",
    "credit:\"getty images\"", "premiere -sequel",
  ]

  func markdown() -> String {
    var lines: [String] = []
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let queryCount = results.first?.queries.count ?? 0
    lines.append(
      "marquee-bench: seed \(options.seed), \(cores) cores, release build, page cache warm; "
        + "\(queryCount) queries × \(options.runs) runs (first discarded); MB = 10^6 bytes")
    lines.append("")
    lines.append(
      "| | " + results.map { "\(grouped($0.articles)) articles" }.joined(separator: " | ") + " |")
    lines.append("|---|" + results.map { _ in "---:|" }.joined())
    func row(_ name: String, _ cell: (CorpusResult) -> String) {
      lines.append("| \(name) | " + results.map(cell).joined(separator: " | ") + " |")
    }
    row("corpus on disk") { "\(grouped($0.files)) files, \(megabytes($0.bytes))" }
    if results.contains(where: { $0.generateSeconds != nil }) {
      row("generate + write") { $0.generateSeconds.map { seconds($0) } ?? "—" }
    }
    row("load + parse (`ArticleLoader.load`)") {
      seconds($0.loadSeconds) + " (\(rate($0.bytes, $0.loadSeconds)), \(busy($0.loadCores)))"
    }
    row("index build (`SearchIndex(articles:)`)") {
      seconds($0.indexSeconds) + " (\(busy($0.indexCores)))"
    }
    row("query p50") { milliseconds($0.queryP50) }
    row("query p99") { milliseconds($0.queryP99) }
    row("query max") { milliseconds($0.queryMax) }
    func keys(_ samples: [Double]) -> String {
      [0.5, 0.99].map { milliseconds(Measure.percentile(samples, $0)) }.joined(separator: " / ")
        + " / " + milliseconds(samples.last ?? 0)
    }
    row("key → frame, browsing (p50 / p99 / max)") { keys($0.browsingKeys) }
    row("key → frame, typing a search (p50 / p99 / max)") { keys($0.searchKeys) }
    row("key → frame, the slowest key at its fastest round: browsing / typing") {
      milliseconds($0.browsingKeysFastest.last ?? 0) + " / "
        + milliseconds($0.searchKeysFastest.last ?? 0)
    }
    row("the machine: a fixed 1 ms of work timed as often (p50 / p99 / max)") {
      keys($0.hostJitter)
    }
    row("a search's answer off the key's path: query + update + render (p50 / p99 / max)") {
      keys($0.searchAnswers)
    }
    row("read marks on every article: save / load / match (file)") {
      [$0.marks.save, $0.marks.load, $0.marks.match].map(milliseconds).joined(separator: " / ")
        + " (\(megabytes($0.marks.fileBytes)))"
    }
    row("peak RSS (VmHWM)") { result in
      guard let peak = result.peakRSS else { return "—" }
      let ratio = String(format: "%.1f", Double(peak) / Double(max(1, result.bytes)))
      return megabytes(peak) + " (\(ratio)× text)" + (result.peakIsPerCorpus ? "" : " †")
    }
    row("RSS after load / after index") {
      ($0.rssAfterLoad.map(megabytes) ?? "—") + " / " + ($0.rssAfterIndex.map(megabytes) ?? "—")
    }
    for query in Self.hitQueries {
      row("hits: `\(query)`") { result in
        result.queries.first { $0.text == query }.map { grouped($0.hits) } ?? "—"
      }
    }
    if results.contains(where: { $0.skipped > 0 }) {
      row("files skipped by the loader") { grouped($0.skipped) }
    }
    if results.contains(where: { !$0.peakIsPerCorpus }) {
      lines.append("")
      lines.append("† could not reset VmHWM: the peak covers every corpus measured before.")
    }
    lines.append("")
    lines.append("Per query (median of the timed runs, and hits):")
    lines.append("")
    lines.append(
      "| query | "
        + results.map { "\(grouped($0.articles)): median | hits" }
        .joined(separator: " | ") + " |")
    lines.append("|---|" + results.map { _ in "---:|---:|" }.joined())
    for (position, query) in (results.first?.queries ?? []).enumerated() {
      let cells = results.map { result in
        let measured = result.queries[position]
        return milliseconds(measured.median) + " | " + grouped(measured.hits)
      }
      let shown = query.text.replacingOccurrences(of: "|", with: "\\|")
      lines.append("| `\(shown)` | " + cells.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n")
  }

  /// `bench SIZE KEY VALUE` and `query SIZE MEDIAN_MS HITS TEXT`, tab-separated, with
  /// times in seconds or milliseconds as the key says.
  func machineLines() -> String {
    var lines: [String] = []
    for result in results {
      let size = String(result.articles)
      var values: [(String, String)] = [
        ("corpus", result.corpus), ("files", String(result.files)),
        ("bytes", String(result.bytes)), ("load_s", String(result.loadSeconds)),
        ("load_cores", String(result.loadCores)), ("index_s", String(result.indexSeconds)),
        ("index_cores", String(result.indexCores)), ("p50_ms", String(result.queryP50 * 1000)),
        ("p99_ms", String(result.queryP99 * 1000)), ("max_ms", String(result.queryMax * 1000)),
        ("browse_key_p99_ms", String(Measure.percentile(result.browsingKeys, 0.99) * 1000)),
        ("search_key_p99_ms", String(Measure.percentile(result.searchKeys, 0.99) * 1000)),
        ("search_answer_p99_ms", String(Measure.percentile(result.searchAnswers, 0.99) * 1000)),
        ("browse_key_fastest_max_ms", String((result.browsingKeysFastest.last ?? 0) * 1000)),
        ("search_key_fastest_max_ms", String((result.searchKeysFastest.last ?? 0) * 1000)),
        ("jitter_p50_ms", String(Measure.percentile(result.hostJitter, 0.5) * 1000)),
        ("jitter_p99_ms", String(Measure.percentile(result.hostJitter, 0.99) * 1000)),
      ]
      if let peak = result.peakRSS { values.append(("peak_rss_bytes", String(peak))) }
      if let generate = result.generateSeconds { values.append(("generate_s", String(generate))) }
      for (key, value) in values {
        lines.append(["bench", size, key, value].joined(separator: "\t"))
      }
      for query in result.queries {
        lines.append(
          ["query", size, String(query.median * 1000), String(query.hits), query.text]
            .joined(separator: "\t"))
      }
    }
    return lines.joined(separator: "\n")
  }

  private func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }

  private func busy(_ value: Double) -> String { String(format: "%.1f cores busy", value) }

  private func milliseconds(_ value: Double) -> String {
    let ms = value * 1000
    return ms < 10 ? String(format: "%.3f ms", ms) : String(format: "%.1f ms", ms)
  }

  private func megabytes(_ bytes: Int) -> String {
    String(format: "%.0f MB", Double(bytes) / 1e6)
  }

  private func rate(_ bytes: Int, _ seconds: Double) -> String {
    String(format: "%.0f MB/s", Double(bytes) / 1e6 / max(seconds, 1e-9))
  }

  private func grouped(_ value: Int) -> String {
    let digits = String(value)
    var out = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { out += "," }
      out.append(character)
    }
    return out
  }
}
