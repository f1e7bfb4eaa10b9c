import Foundation

/// Runs independent work on all cores and keeps the results in input order.
enum ParallelMap {
  static func map<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let slots = ResultSlots<T>(count: count)
    let chunks = min(count, ProcessInfo.processInfo.activeProcessorCount * 8)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      var index = chunk
      while index < count {
        slots.store(body(index), at: index)
        index += chunks
      }
    }
    return slots.collect()
  }

  /// Changes `array` in place on all cores, a run of its indices at a time: `body` is
  /// given the elements and one run, and touches no element outside it. Nothing is
  /// copied out and back: a million elements holding strings cost a retain and a
  /// release each that way.
  static func update<T>(
    _ array: inout [T], runs: [Range<Int>],
    _ body: @Sendable (_ elements: UnsafeMutableBufferPointer<T>, _ run: Range<Int>) -> Void
  ) {
    array.withUnsafeMutableBufferPointer { buffer in
      let elements = SharedElements(buffer: buffer)
      DispatchQueue.concurrentPerform(iterations: runs.count) { number in
        body(elements.buffer, runs[number])
      }
    }
  }

  /// One array made of parts on all cores, each part in place: `body` is given part
  /// `number`'s place, `counts[number]` uninitialized elements, and initializes every one
  /// of them. Nothing is made apart and copied in after: a million articles copied cost a
  /// retain and a release of each string they hold.
  static func joined<T>(
    counts: [Int], _ body: @Sendable (_ number: Int, _ place: UnsafeMutableBufferPointer<T>) -> Void
  ) -> [T] {
    var starts = [0]
    for count in counts { starts.append(starts[starts.count - 1] + count) }
    let total = starts[starts.count - 1]
    return [T](unsafeUninitializedCapacity: total) { buffer, initialized in
      let elements = SharedElements(buffer: buffer)
      let starts = starts
      DispatchQueue.concurrentPerform(iterations: counts.count) { number in
        body(
          number,
          UnsafeMutableBufferPointer(rebasing: elements.buffer[starts[number]..<starts[number + 1]])
        )
      }
      initialized = total
    }
  }

  /// Lets go of `value` on another core, for what takes long to free and need not be
  /// waited for: the walk of a million files, a tenth of a second of strings.
  static func release(_ value: some Sendable) {
    DispatchQueue.global().async { [value] in withExtendedLifetime(value) {} }
  }

  /// `first` on another core while `second` runs here; both results once both are done.
  static func both<A: Sendable, B>(_ first: @escaping @Sendable () -> A, _ second: () -> B)
    -> (A, B)
  {
    let slot = ResultSlots<A>(count: 1)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { slot.store(first(), at: 0) }
    let result = second()
    group.wait()
    return (slot.collect()[0], result)
  }
}

/// Storage that parallel workers fill at distinct indices.
///
/// `@unchecked Sendable` is sound here because each index is written by exactly one
/// worker, and `collect()` runs only after `concurrentPerform` has returned. The slots are
/// raw memory, not an `Array`: every write to an array checks that its buffer is unique,
/// and a worker that caught another one mid-access copied the buffer under it (a crash
/// seen in debug builds).
private final class ResultSlots<T>: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<T?>
  private let count: Int

  init(count: Int) {
    self.count = count
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil, count: count)
  }

  deinit {
    slots.deinitialize(count: count)
    slots.deallocate()
  }

  func store(_ value: T, at index: Int) {
    slots[index] = value
  }

  /// Moves the results out (`take()` leaves nil behind), so no value is copied and
  /// released again: the articles hold many strings, and 100k of them add up.
  func collect() -> [T] { (0..<count).map { slots[$0].take()! } }
}

/// An array's elements, lent to the workers of `ParallelMap.update` and `joined`.
///
/// `@unchecked Sendable` is sound here because the runs do not overlap, so no element is
/// touched by two workers, and the array is neither read nor written otherwise until
/// `concurrentPerform` has returned (`withUnsafeMutableBufferPointer`, or the array's
/// uninitialized capacity, holds it, unique).
private struct SharedElements<T>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<T>
}
