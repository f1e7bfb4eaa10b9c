#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A whole file mapped read-only into memory, unmapped when the last value reading it
/// goes. A cache file is mapped once at open; `FlatArray`s read their pieces of it.
///
/// The mapping is private and read-only: a process writing the same path meanwhile
/// writes a new file and renames it over this one (never in place), so what is mapped
/// here stays the file that was checked.
final class MappedFile: @unchecked Sendable {
  // @unchecked Sendable: the mapping is never written and lives until deinit.
  let base: UnsafeRawPointer
  let size: Int

  /// Maps the file open on `descriptor`, `size` bytes long (at least one).
  init?(descriptor: Int32, size: Int) {
    guard size > 0 else { return nil }
    let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
    guard let address, address != MAP_FAILED else { return nil }
    base = UnsafeRawPointer(address)
    self.size = size
  }

  /// The mapped bytes.
  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: size) }

  /// Tells the kernel the pages of `range` are not needed for now: they leave this
  /// process's resident memory (they stay in the page cache, and a later read maps them
  /// again). Checking a file's checksum reads every page once; this keeps that from
  /// counting as memory held.
  func release(_ range: Range<Int>) {
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = (range.lowerBound + page - 1) / page * page
    let end = range.upperBound == size ? size : range.upperBound / page * page
    guard start < end else { return }
    madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, Int32(MADV_DONTNEED))
  }

  deinit {
    munmap(UnsafeMutableRawPointer(mutating: base), size)
  }
}
