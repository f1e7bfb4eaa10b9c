import Testing

@testable import MarqueeCore

/// `ParallelMap` fills one result slot per index from many threads at once (it once
/// raced on a shared array and crashed debug builds); every slot
/// must end up holding its own index's result, however the work is scheduled.
@Suite("Parallel map")
struct ParallelMapTests {
  @Test
  func everyIndexKeepsItsOwnResultUnderContention() {
    for round in 0..<200 {
      let results = ParallelMap.map(count: 5_000) { $0 &* 3 }
      #expect(results == (0..<5_000).map { $0 &* 3 }, "round \(round)")
    }
  }

  /// `joined` makes each part in its own place: the parts' elements, strings (which a
  /// wrong place would leak or free twice under ASan), in order, empty parts included.
  @Test
  func joinedPartsLandInOrderEachInItsPlace() {
    let counts = [3, 0, 1, 700, 0, 0, 12, 5_000, 1]
    let expected = counts.enumerated().flatMap { part, count in
      (0..<count).map { "part \(part) element \($0)" }
    }
    for round in 0..<20 {
      let joined: [String] = ParallelMap.joined(counts: counts) { number, place in
        #expect(place.count == counts[number])
        for index in place.indices {
          (place.baseAddress! + index).initialize(to: "part \(number) element \(index)")
        }
      }
      #expect(joined == expected, "round \(round)")
    }
    let none: [String] = ParallelMap.joined(counts: []) { _, _ in Issue.record("no parts") }
    #expect(none.isEmpty)
  }
}
