import Foundation
import MarqueeCore
import MarqueeSynthetic

/// `marquee-bench --pathological`: each `PathologicalShape` against normal articles, in
/// time and memory per byte of text, each shape parsed in a process of its own (so that
/// the peak memory it reports, `getrusage`'s, is its own).
///
/// The bounds: no shape over 5× a normal article's time per byte, none over 20×
/// its size in memory. Memory is the child's peak RSS less that of a child that parses
/// nothing, over the text's size.
enum Pathological {
  /// The bytes of text each shape, and the normal articles, are made of.
  static let bytes = 4 << 20

  /// Runs in the child: parses `shape` (or normal articles, for "normal", or nothing,
  /// for "empty") three times and prints the best time in seconds and its peak memory
  /// in bytes.
  static func parseInChild(_ name: String) -> Never {
    let texts: [String]
    switch name {
    case "empty": texts = []
    case "normal":
      let corpus = SyntheticCorpus(seed: 1)
      var all: [String] = []
      var total = 0
      while total < bytes {
        all.append(corpus.articleText(all.count))
        total += all.last!.utf8.count
      }
      texts = all
    default:
      guard let shape = PathologicalShape(rawValue: name) else { exit(2) }
      texts = [shape.article(bytes: bytes)]
    }
    var best = Double.infinity
    for _ in 0..<3 {
      let start = DispatchTime.now().uptimeNanoseconds
      for (index, text) in texts.enumerated() {
        _ = ArticleParser.parse(text: text, path: "\(index).txt")
      }
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print(best, usage.ru_maxrss * 1024)
    exit(0)
  }

  /// What one child measured.
  struct Run {
    let seconds: Double
    let peakBytes: Int
  }

  static func run(_ name: String) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    process.arguments = ["--parse-shape", name]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let fields = text.split(separator: " ").map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    guard fields.count == 2, let seconds = Double(fields[0]), let peak = Int(fields[1]) else {
      throw BenchError("the child parsing \(name) printed \(text.debugDescription)")
    }
    return Run(seconds: seconds, peakBytes: peak)
  }

  struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }

  /// The table: each shape's time and memory per byte against normal articles'.
  static func report() throws -> String {
    let empty = try run("empty")
    let normal = try run("normal")
    let normalTime = normal.seconds / Double(bytes)
    func memory(_ run: Run) -> Double { Double(run.peakBytes - empty.peakBytes) / Double(bytes) }
    var lines = [
      "| shape (\(bytes >> 20) MiB of text) | time per byte vs normal | memory vs text |",
      "|---|---:|---:|",
      String(
        format: "| normal articles | 1.0× (%.0f ns/byte) | %.1f× |", normalTime * 1e9,
        memory(normal)),
    ]
    for shape in PathologicalShape.allCases {
      MarqueeBench.progress("parsing \(shape.rawValue)")
      let result = try run(shape.rawValue)
      lines.append(
        String(
          format: "| %@ | %.1f× | %.1f× |", shape.rawValue,
          result.seconds / Double(bytes) / normalTime, memory(result)))
    }
    return lines.joined(separator: "\n")
  }
}
