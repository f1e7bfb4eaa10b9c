import Foundation

/// Wall-clock timing and process memory, the two things the harness reports.
enum Measure {
  /// Runs `body` and returns its result with the wall time in seconds.
  static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    return (result, seconds(clock.now - start))
  }

  /// Runs `body` and returns its result with the wall time and the CPU time (user +
  /// system, all threads) in seconds: their ratio says how many cores the work kept busy.
  static func timeWithCPU<T>(_ body: () throws -> T) rethrows -> (T, wall: Double, cpu: Double) {
    let cpuBefore = cpuSeconds()
    let (result, wall) = try time(body)
    return (result, wall, cpuSeconds() - cpuBefore)
  }

  /// User plus system time of the whole process so far.
  static func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double {
      Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }

  static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) * 1e-18
  }

  /// A field of /proc/self/status in bytes (`VmHWM` is the peak resident set, `VmRSS`
  /// the current one); nil where there is no /proc (macOS).
  static func status(_ field: String) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
      let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
      return kilobytes.map { $0 * 1024 }
    }
    return nil
  }

  /// Resets `VmHWM` to the current resident set (Linux ≥ 4.0), so each corpus size gets
  /// its own peak rather than the largest so far. Returns false where that is refused.
  static func resetPeakMemory() -> Bool {
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else {
      return false
    }
    defer { try? handle.close() }
    return (try? handle.write(contentsOf: Data("5".utf8))) != nil
  }

  /// The value at quantile `q` of ascending `sorted`, by the nearest-rank method.
  static func percentile(_ sorted: [Double], _ q: Double) -> Double {
    precondition(!sorted.isEmpty)
    let rank = Int((q * Double(sorted.count)).rounded(.up))
    return sorted[min(sorted.count - 1, max(0, rank - 1))]
  }

  /// The files under `directory` and their total size.
  static func tree(_ directory: String) -> (files: Int, bytes: Int) {
    var files = 0
    var bytes = 0
    let keys: [URLResourceKey] = [.fileSizeKey, .isRegularFileKey]
    let enumerator = FileManager.default.enumerator(
      at: URL(fileURLWithPath: directory), includingPropertiesForKeys: keys)
    while let url = enumerator?.nextObject() as? URL {
      guard let values = try? url.resourceValues(forKeys: Set(keys)),
        values.isRegularFile == true
      else { continue }
      files += 1
      bytes += values.fileSize ?? 0
    }
    return (files, bytes)
  }
}
