import Foundation

/// Finds the sample articles bundled with Marquee, which it opens when given no path.
///
/// `Bundle.module` is not used: on Linux it calls `fatalError` when the bundle folder is
/// missing (a binary copied away from its build folder), and a reader must fail with a
/// message, never a crash. So the folder is looked for by hand, in order:
/// `$MARQUEE_SAMPLES`, the resource bundle beside the executable, then the source
/// checkout this file was built from.
public enum BundledArticles {
  /// The environment variable that overrides where the samples are looked for.
  public static let environmentKey = "MARQUEE_SAMPLES"

  /// The folder of bundled articles, or nil when none exists.
  public static func directory(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL? {
    candidates(environment: environment).first { isDirectory($0) }
  }

  static func candidates(environment: [String: String]) -> [URL] {
    var urls: [URL] = []
    if let override = environment[environmentKey], !override.isEmpty {
      return [URL(fileURLWithPath: override)]
    }
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    let executableDirectory = (Bundle.main.executableURL ?? executable)
      .resolvingSymlinksInPath().deletingLastPathComponent()
    urls.append(
      executableDirectory.appendingPathComponent("Marquee_MarqueeResources.resources/articles"))
    urls.append(
      executableDirectory.appendingPathComponent("Marquee_MarqueeResources.bundle/articles"))
    urls.append(
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "articles"))
    return urls
  }

  private static func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}
