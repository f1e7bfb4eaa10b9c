/// A read-only run of plain values that is either an ordinary array or a piece of a
/// memory-mapped cache file, so that an index segment or an article's packed text reads
/// the same whether it was built in this process or mapped from the last one's cache.
///
/// Mapped values are read in place: nothing is copied at open, and only the pages a
/// query or a screen touches are ever read from the file.
struct FlatArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
  // @unchecked Sendable: both backings are immutable; a mapping is never written.
  private enum Backing {
    case array([Element])
    /// `count` values at `base`, kept mapped by `file`.
    case mapped(file: MappedFile, base: UnsafePointer<Element>)
  }

  private let backing: Backing
  let count: Int

  init(_ array: [Element]) {
    backing = .array(array)
    count = array.count
  }

  /// `count` values starting `offset` bytes into `file`. The caller has checked that
  /// they lie inside the file and that `offset` is aligned for `Element`.
  init(mapped file: MappedFile, offset: Int, count: Int) {
    precondition(
      offset >= 0 && count >= 0 && offset + count * MemoryLayout<Element>.stride <= file.size)
    precondition(offset % MemoryLayout<Element>.alignment == 0, "misaligned values in a mapping")
    backing = .mapped(
      file: file, base: (file.base + offset).assumingMemoryBound(to: Element.self))
    self.count = count
  }

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  @inline(__always)
  subscript(position: Int) -> Element {
    switch backing {
    case .array(let array): return array[position]
    case .mapped(_, let base):
      precondition(position >= 0 && position < count, "index out of range")
      return base[position]
    }
  }

  @inline(__always)
  func withUnsafeBufferPointer<Result>(
    _ body: (UnsafeBufferPointer<Element>) throws -> Result
  ) rethrows -> Result {
    switch backing {
    case .array(let array): return try array.withUnsafeBufferPointer(body)
    case .mapped(_, let base): return try body(UnsafeBufferPointer(start: base, count: count))
    }
  }

  /// Bytes this holds in memory of its own: an array's capacity; nothing for a mapping,
  /// whose pages the kernel shares with the page cache and can drop.
  var heapBytes: Int {
    switch backing {
    case .array(let array): array.capacity * MemoryLayout<Element>.stride
    case .mapped: 0
    }
  }
}
