import Foundation

/// Draws ranks with probability proportional to 1 / (rank + 1 + offset)^exponent.
///
/// Word frequencies in real text fall off this way: a few words are everywhere and most
/// are rare. That shape is what makes an index's cost uneven (a handful of huge posting
/// lists, a long tail of tiny ones), so a benchmark corpus needs it more than it needs
/// meaningful sentences. The offset (Zipf–Mandelbrot) flattens the head, so the top
/// content word is about 1% of the text rather than 9%.
struct ZipfTable: Sendable {
  /// Cumulative weights, ascending; the last one is the total.
  private let cumulative: [Double]

  init(count: Int, exponent: Double, offset: Double = 0) {
    precondition(count > 0)
    var total = 0.0
    var cumulative: [Double] = []
    cumulative.reserveCapacity(count)
    for rank in 0..<count {
      total += 1 / pow(Double(rank + 1) + offset, exponent)
      cumulative.append(total)
    }
    self.cumulative = cumulative
  }

  var count: Int { cumulative.count }

  /// A rank in `0..<count`, found by binary search over the cumulative weights.
  func draw(_ random: inout SplitMix64) -> Int {
    let target = random.unit() * cumulative[cumulative.count - 1]
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] <= target { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// One element of `items`, the earlier ones far more often.
  func pick<T>(_ items: [T], _ random: inout SplitMix64) -> T {
    items[draw(&random) % items.count]
  }
}
