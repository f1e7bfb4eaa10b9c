import Foundation

/// Why a file was not loaded. Every file the loader meets either becomes an article or
/// gets one of these, so `marquee check` can account for all of them.
public enum SkipReason: Error, Sendable, Hashable, CustomStringConvertible {
  case empty
  case noText
  case binary
  case tooLarge(bytes: Int64, limit: Int64)
  case notRegularFile(kind: String)
  case unreadable(String)
  case symlinkLoop
  case danglingSymlink

  public var description: String {
    switch self {
    case .empty: "empty file"
    case .noText: "no text (only whitespace or invisible characters)"
    case .binary: "binary file (contains NUL bytes)"
    case .tooLarge(let bytes, let limit):
      "too large (\(ByteSize.format(bytes)) > --max-size \(ByteSize.format(limit)))"
    case .notRegularFile(let kind): "not a regular file (\(kind))"
    case .unreadable(let why): "unreadable: \(why)"
    case .symlinkLoop: "symbolic link loop"
    case .danglingSymlink: "dangling symbolic link"
    }
  }
}

/// A file that was met but not loaded, and why.
public struct SkippedFile: Sendable, Hashable {
  public let path: String
  public let reason: SkipReason

  public init(path: String, reason: SkipReason) {
    self.path = path
    self.reason = reason
  }
}

/// What a load did: how many files it met, how many became articles, and every skip.
public struct LoadReport: Sendable, Hashable {
  /// Files considered: every file named on the command line, and every file inside a
  /// directory that matched `--include` (plus entries that could not even be examined).
  public var filesSeen: Int
  public var loaded: Int
  /// Sorted by path.
  public var skipped: [SkippedFile]
  /// Regular, visible files inside folders that no include glob matched (not in
  /// `filesSeen`): a folder of files without `.txt` loads nothing, and this says why.
  public var ignoredFiles: Int
  /// The globs files in folders were matched against.
  public var includeGlobs: [String]

  public init(
    filesSeen: Int = 0, loaded: Int = 0, skipped: [SkippedFile] = [], ignoredFiles: Int = 0,
    includeGlobs: [String] = LoadOptions.defaultIncludeGlobs
  ) {
    self.filesSeen = filesSeen
    self.loaded = loaded
    self.skipped = skipped
    self.ignoredFiles = ignoredFiles
    self.includeGlobs = includeGlobs
  }

  /// `219 files without .txt ignored; use --include '*'`, worded from the globs, or nil
  /// when no file was passed over.
  public var ignoredNote: String? {
    guard ignoredFiles > 0 else { return nil }
    let noun = ignoredFiles == 1 ? "file" : "files"
    return "\(ignoredFiles) \(noun) \(Self.unmatched(includeGlobs)) ignored; use --include '*'"
  }

  /// Whether to mention the ignored files where articles are listed (`list`, `search`,
  /// `credits`, the reader's status bar): when nothing loaded, or ten times as many files
  /// were passed over as loaded (3 articles beside 219 files without `.txt` means the
  /// globs are wrong), while a folder of articles beside a few pictures or a README stays
  /// quiet. `check` says it whenever a file was ignored.
  public var ignoredFilesNeedSaying: Bool {
    ignoredFiles > 0 && (loaded == 0 || ignoredFiles >= 10 * loaded)
  }

  /// What the ignored files lack: `without .txt`, `without .txt or .text`, `not matching
  /// 'notes-*'`, `not matching '*.txt' or 'notes-*'`.
  static func unmatched(_ globs: [String]) -> String {
    let extensions = globs.compactMap { glob -> String? in
      guard glob.hasPrefix("*."), glob.count > 2,
        !glob.dropFirst().contains(where: { "*?[]\\".contains($0) })
      else { return nil }
      return String(glob.dropFirst())
    }
    if !globs.isEmpty, extensions.count == globs.count {
      return "without " + listed(extensions)
    }
    return "not matching " + listed(globs.map { "'\($0)'" })
  }

  /// `a`, `a or b`, `a, b or c`.
  private static func listed(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " or " + items.last!
  }
}

/// Byte counts as people write them: `8MiB`, `512k`, `50M`, `1200`.
public enum ByteSize {
  /// Parses a size with an optional binary unit (K, M, G, with optional `i`/`B`).
  public static func parse(_ text: String) -> Int64? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, let number = Int64(digits) else { return nil }
    let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
    let multipliers: [String: Int64] = [
      "": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
      "m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20, "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
    ]
    guard let multiplier = multipliers[unit] else { return nil }
    let (product, overflow) = number.multipliedReportingOverflow(by: multiplier)
    return overflow ? nil : product
  }

  /// A short human form: `8 MiB`, `1.5 KiB`, `300 B`.
  public static func format(_ bytes: Int64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    if unit == 0 || value == value.rounded() { return "\(Int64(value)) \(units[unit])" }
    return "\((value * 10).rounded() / 10) \(units[unit])"
  }
}
