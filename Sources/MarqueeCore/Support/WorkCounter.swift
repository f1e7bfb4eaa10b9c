import Synchronization

/// Counts a piece of work done in the current task, so that a test can check that a
/// layout does something once per item rather than once per item per item (an
/// article's images unpacked once per image made an 8,000-image article take half a
/// minute to show). Timing is no test; a count is.
public final class WorkCounter: Sendable {
  private let count = Atomic<Int>(0)

  public init() {}

  public var value: Int { count.load(ordering: .relaxed) }

  func add() { count.add(1, ordering: .relaxed) }

  /// Images unpacked from an article's packed fields, each time one is, in the task that
  /// set it; nil (nothing counted) outside tests.
  @TaskLocal public static var imageUnpacking: WorkCounter?
}
