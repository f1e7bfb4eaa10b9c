import Foundation

/// The package root (the folder holding Package.swift), found from this file's path, so
/// tests find it whatever the working directory.
public enum PackageRoot {
  public static let url = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // MarqueeTestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
}

/// `../shared` beside the checkout: real corpora and the seed article, which nobody on
/// this project wrote. A clone may not have it, so tests that use it are enabled with
/// `SharedFolder.exists(…)` and say what is missing when they are skipped.
public enum SharedFolder {
  public static let root = PackageRoot.url
    .appendingPathComponent("../shared", isDirectory: true).standardizedFileURL

  /// The absolute path of `relative` inside `../shared` (it need not exist).
  public static func path(_ relative: String) -> String {
    root.appendingPathComponent(relative).path
  }

  public static func exists(_ relative: String) -> Bool {
    FileManager.default.fileExists(atPath: path(relative))
  }

  /// The real scraped article the project started from.
  public static let seedArticle = "seeds/000_c8922d68917c0944.txt"
}
