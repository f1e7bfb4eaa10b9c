import ArgumentParser
import Foundation
import MarqueeCore
import MarqueeResources

/// The options every command that reads a corpus shares: which paths, which files in
/// them, and how large a file may be.
struct CorpusOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Article files and folders (folders are read recursively).",
      discussion: """
        Default: $MARQUEE_PATH (colon-separated), else the config file's [library] paths, \
        else the bundled samples.
        """),
    completion: .file())
  var paths: [String] = []

  @Option(
    name: .customLong("include"),
    help: ArgumentHelp(
      "Load files in folders whose name matches this glob (repeatable; default: the "
        + "config file's, else *.txt).",
      valueName: "glob"))
  var includeGlobs: [String] = []

  @Option(
    name: .customLong("max-size"),
    help: ArgumentHelp(
      "Skip files larger than this (e.g. 512K, 8MiB, 1G; default: the config file's, else "
        + "\(ByteSize.format(LoadOptions.defaultMaxFileSize))).", valueName: "size"),
    transform: { text in
      guard let bytes = ByteSize.parse(text), bytes > 0 else {
        throw ValidationError("--max-size expects a size such as 512K or 8MiB, not '\(text)'")
      }
      guard bytes <= LoadOptions.largestMaxFileSize else {
        throw ValidationError(
          "--max-size can be at most \(ByteSize.format(LoadOptions.largestMaxFileSize))")
      }
      return bytes
    })
  var maxSize: Int64?

  @Flag(
    name: .customLong("no-cache"),
    help: ArgumentHelp(
      "Neither read nor write the cache of parsed articles and index (as MARQUEE_CACHE=off)."))
  var noCache = false

  /// The cache folder in use: none with `--no-cache` or `MARQUEE_CACHE=off`.
  var cacheFolder: CacheFolder? { noCache ? nil : CacheFolder.standard() }

  /// The command line's, else the config file's, else the built-in defaults; and the
  /// config file's `[layout]` additions.
  var loadOptions: LoadOptions {
    let library = UserConfig.library
    return LoadOptions(
      includeGlobs: includeGlobs.isEmpty
        ? library.includeGlobs ?? LoadOptions.defaultIncludeGlobs : includeGlobs,
      maxFileSize: maxSize ?? library.maxFileSize ?? LoadOptions.defaultMaxFileSize,
      layout: UserConfig.layout)
  }

  /// The paths to read: those given, else `$MARQUEE_PATH`, else the config file's
  /// `[library] paths`, else the bundled samples.
  func resolvedPaths(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> [String] {
    if !paths.isEmpty { return paths }
    if let list = environment["MARQUEE_PATH"] {
      let fromEnvironment = list.split(separator: ":").map(String.init)
      if !fromEnvironment.isEmpty { return fromEnvironment }
    }
    if let configured = UserConfig.library.paths { return configured }
    guard let bundled = BundledArticles.directory(environment: environment) else {
      throw Console.failure("no bundled articles found; give a file or folder to read")
    }
    return [bundled.path]
  }

  /// Loads the corpus through the cache (with its index when asked for), turning a bad
  /// path into a one-line message and exit status 2, and saying on standard error what
  /// was worth saying about the cache (a damaged file made again). When nothing or next
  /// to nothing loaded while files in the folders matched no `--include` glob, says so
  /// (`marquee: 219 files without .txt ignored; use --include '*'`), unless the command
  /// reports them itself (`check`).
  func loadLibrary(withIndex: Bool = false, sayingIgnoredFiles: Bool = true) throws
    -> CachedLibrary
  {
    UserConfig.reportProblems()
    let paths = try resolvedPaths()
    let library: CachedLibrary
    do {
      library = try CachedLibrary.load(
        paths: paths, options: loadOptions, cacheFolder: cacheFolder?.path,
        withIndex: withIndex)
    } catch {
      throw Console.failure(error.description)
    }
    KeptUntilExit.keep(library)
    for note in library.notes { Console.warn(note) }
    let report = library.store.report
    if sayingIgnoredFiles, report.ignoredFilesNeedSaying, let note = report.ignoredNote {
      Console.warn(note)
    }
    return library
  }

  /// `loadLibrary`'s articles alone.
  func loadStore(sayingIgnoredFiles: Bool = true) throws -> ArticleStore {
    try loadLibrary(sayingIgnoredFiles: sayingIgnoredFiles).store
  }
}
