/// The lines the story filter found to be only a credit, with the credit and the rule,
/// by line number, for the layout to take rather than read them again.
///
/// Lines are found in order, so this is two arrays in line order searched by halves:
/// a page of a hundred thousand credit lines rehashed a dictionary as it grew, and
/// hashed every line number looked up.
struct KnownCredits {
  private var numbers: [Int] = []
  private var found: [(credit: String, rule: String)] = []

  mutating func add(line number: Int, _ credit: (credit: String, rule: String)) {
    let position = numbers.last.map { $0 < number } ?? true ? numbers.count : place(of: number)
    if position < numbers.count, numbers[position] == number {
      found[position] = credit
      return
    }
    numbers.insert(number, at: position)
    found.insert(credit, at: position)
  }

  subscript(line number: Int) -> (credit: String, rule: String)? {
    let position = place(of: number)
    return position < numbers.count && numbers[position] == number ? found[position] : nil
  }

  /// Where `number` is, or would go, in `numbers`.
  private func place(of number: Int) -> Int {
    var (low, high) = (0, numbers.count)
    while low < high {
      let middle = (low + high) / 2
      if numbers[middle] < number { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
