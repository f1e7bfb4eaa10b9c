import Foundation

/// Keeps the heap from holding on to memory a large load no longer uses.
///
/// Loading and indexing make bursts of short-lived arrays (a file's bytes, a segment's
/// scratch token ids) between long-lived ones, spread over one malloc arena per thread.
/// glibc keeps freed pages of those arenas resident, and its mmap threshold rises each
/// time a large block is freed, after which large blocks come from the arenas too and
/// leave holes there. Both are glibc behaviour tuned through glibc extensions the Swift
/// Glibc module does not import, so they are looked up at run time; elsewhere these do
/// nothing.
public enum MemoryTrim {
  /// Gives freed heap pages back to the system after a burst of scratch allocations.
  static func returnFreePages() {
    _ = trim?(0)
  }

  /// Makes every block of 8 MiB or more (a load batch's article text, a segment's
  /// scratch) its own mapping, returned to the system the moment it is freed, for the
  /// rest of the process: the `marquee` command calls this first. Measured on 100,000
  /// articles: glibc's own rising threshold peaked 8 MB higher; lower thresholds slowed
  /// the queries with the most hits (`the`: 4.5 ms at 8 MiB, 6.4 ms at 1 MiB; the
  /// median query doubled at glibc's starting 128 KiB), as their scratch arrays were
  /// mapped and zeroed afresh each time.
  public static func mapLargeBlocks() {
    // M_MMAP_THRESHOLD; setting it also stops glibc from raising it.
    _ = option?(-3, 8 << 20)
  }

  private typealias Trim = @convention(c) (Int) -> Int32
  private typealias Option = @convention(c) (Int32, Int32) -> Int32

  private static let trim: Trim? = symbol("malloc_trim")
  private static let option: Option? = symbol("mallopt")

  private static func symbol<Function>(_ name: String) -> Function? {
    #if canImport(Glibc)
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
      return unsafeBitCast(symbol, to: Function.self)
    #else
      return nil
    #endif
  }
}
