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

  /// Makes every block of 1 MiB or more its own mapping, returned to the system the
  /// moment it is freed, for the rest of the process: the `marquee` command calls this
  /// first. Measured on 100,000 articles: glibc's own rising threshold peaked 12 MB
  /// higher; 128 KiB (glibc's starting value) doubled query times, as a query's
  /// mid-sized scratch arrays were mapped and zeroed afresh each time.
  public static func mapLargeBlocks() {
    // M_MMAP_THRESHOLD; setting it also stops glibc from raising it.
    _ = option?(-3, 1 << 20)
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
