import Foundation

/// The command line of `marquee-bench`, parsed by hand: the harness has five options
/// and no reason to pull swift-argument-parser into a second package graph.
struct Options {
  var sizes = [10_000, 100_000]
  var corpus: String?
  var keep = false
  var seed: UInt64 = 1
  var runs = 5
  /// Tab-separated lines for compare.sh instead of the table.
  var machine = false

  static let usage = """
    usage: marquee-bench [--articles N,N…] [--corpus DIR] [--keep] [--seed N] [--runs N]
                         [--machine]
           marquee-bench --pathological

      --articles N,N…  corpus sizes to generate and measure (default 10000,100000)
      --corpus DIR     measure this folder instead of generating one
      --keep           keep the generated corpora and print where they are
      --seed N         generator seed (default 1)
      --runs N         runs of the query set; the first is discarded (default 5)
      --machine        print tab-separated results for compare.sh
      --pathological   time and memory per byte of each hostile article shape against
                       normal articles (each parsed in a process of its own)
    """

  /// Parses the arguments, or explains what is wrong.
  init(_ arguments: [String]) throws(UsageError) {
    var rest = arguments[...]
    func value(_ name: String) throws(UsageError) -> String {
      guard let next = rest.popFirst() else { throw UsageError("\(name) needs a value") }
      return next
    }
    while let argument = rest.popFirst() {
      switch argument {
      case "--articles":
        let text = try value(argument)
        let sizes = text.split(separator: ",").map { Int($0.filter { $0 != "_" }) }
        guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) > 0 }) else {
          throw UsageError("--articles takes positive counts separated by commas: \(text)")
        }
        self.sizes = sizes.map { $0! }
      case "--corpus": corpus = try value(argument)
      case "--keep": keep = true
      case "--seed":
        let text = try value(argument)
        guard let seed = UInt64(text) else { throw UsageError("--seed takes a number: \(text)") }
        self.seed = seed
      case "--runs":
        let text = try value(argument)
        guard let runs = Int(text), runs >= 2 else {
          throw UsageError("--runs takes a number of at least 2: \(text)")
        }
        self.runs = runs
      case "--machine": machine = true
      case "-h", "--help": throw UsageError(nil)
      default: throw UsageError("unknown argument \(argument)")
      }
    }
  }
}

/// A bad command line; nil message for `--help`.
struct UsageError: Error {
  let message: String?
  init(_ message: String?) { self.message = message }
}
