/// A read-only run of plain values that is either an ordinary array or a piece of a
/// memory-mapped cache file, so that an index segment or an article's packed text reads
/// the same whether it was built in this process or mapped from the last one's cache.
///
/// Mapped values are read in place: nothing is copied at open, and only the pages a
/// query or a screen touches are ever read from the file.
struct FlatArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
  // @unchecked Sendable: the values are never written after init, and `owner` keeps
  // them alive.
  /// What keeps `base` valid: an allocation of this type's own, or a mapped file.
  private let owner: AnyObject
  private let base: UnsafePointer<Element>
  let count: Int
  /// Whether the values are in memory of their own (not a mapping).
  private let isOwned: Bool

  /// The array's values, copied once into an allocation of their own: reading them is
  /// then a pointer and an offset, the same as for a mapping, with no branch on which.
  init(_ array: [Element]) {
    self.init(count: array.count) { _ = $0.initialize(from: array) }
  }

  /// `count` values written in place by `fill`, which must initialize every one of
  /// them: a stream or a batch's text is made where it stays, never copied in after.
  init(count: Int, _ fill: (UnsafeMutableBufferPointer<Element>) -> Void) {
    let allocation = Allocation(capacity: count)
    fill(UnsafeMutableBufferPointer(start: allocation.pointer, count: count))
    owner = allocation
    base = UnsafePointer(allocation.pointer)
    self.count = count
    isOwned = true
  }

  /// `count` values starting `offset` bytes into `file`. The caller has checked that
  /// they lie inside the file and that `offset` is aligned for `Element`.
  init(mapped file: MappedFile, offset: Int, count: Int) {
    precondition(
      offset >= 0 && count >= 0 && offset + count * MemoryLayout<Element>.stride <= file.size)
    precondition(offset % MemoryLayout<Element>.alignment == 0, "misaligned values in a mapping")
    owner = file
    base = (file.base + offset).assumingMemoryBound(to: Element.self)
    self.count = count
    isOwned = false
  }

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  @inline(__always)
  subscript(position: Int) -> Element {
    precondition(position >= 0 && position < count, "index out of range")
    return base[position]
  }

  @inline(__always)
  func withUnsafeBufferPointer<Result>(
    _ body: (UnsafeBufferPointer<Element>) throws -> Result
  ) rethrows -> Result {
    try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
  }

  /// Bytes this holds in memory of its own; nothing for a mapping, whose pages the
  /// kernel shares with the page cache and can drop.
  var heapBytes: Int { isOwned ? count * MemoryLayout<Element>.stride : 0 }

  /// Memory of this type's own, freed with the last `FlatArray` reading it.
  private final class Allocation {
    let pointer: UnsafeMutablePointer<Element>

    init(capacity: Int) {
      pointer = .allocate(capacity: Swift.max(1, capacity))
    }

    deinit { pointer.deallocate() }
  }
}
