import ArgumentParser
import MarqueeCore

/// `marquee check`: accounts for every file met while loading.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Report what loaded and every file skipped, with the reason.",
    discussion: """
      JSON: {"files","loaded","skipped":[{"path","reason"}],"ignored","include"}: \
      "ignored" counts the files in folders that no --include glob matched ("include", \
      the globs), which are not among "files". Exits 1 with --strict when anything was \
      skipped.
      """)

  @OptionGroup var corpus: CorpusOptions

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @Flag(help: "Exit with status 1 if any file was skipped.")
  var strict = false

  struct Report: Encodable {
    struct Skip: Encodable {
      let path: String
      let reason: String
    }
    let files: Int
    let loaded: Int
    let skipped: [Skip]
    let ignored: Int
    let include: [String]
  }

  func run() throws {
    let report = try corpus.loadStore(sayingIgnoredFiles: false).report
    if json {
      try Console.printJSON(
        Report(
          files: report.filesSeen, loaded: report.loaded,
          skipped: report.skipped.map { Report.Skip(path: $0.path, reason: $0.reason.description) },
          ignored: report.ignoredFiles, include: report.includeGlobs))
    } else {
      print("\(report.loaded) of \(report.filesSeen) files loaded, \(report.skipped.count) skipped")
      for skip in report.skipped {
        print("  \(Console.safe(skip.path)): \(skip.reason)")
      }
      if let note = report.ignoredNote { print(Console.safe(note)) }
    }
    if strict && !report.skipped.isEmpty { throw ExitCode(1) }
  }
}
