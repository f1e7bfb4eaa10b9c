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
}
