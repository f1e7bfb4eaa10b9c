import Foundation

/// What one run of `marquee` did.
struct CLIResult: Sendable {
  let status: Int32
  let stdout: String
  let stderr: String

  /// Standard output split into lines, without the final empty piece after the last newline.
  var stdoutLines: [String] { Self.lines(of: stdout) }

  /// Standard error split into lines, without the final empty piece after the last newline.
  var stderrLines: [String] { Self.lines(of: stderr) }

  private static func lines(of text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
  }
}

/// Errors the runner itself can meet (not failures of `marquee`).
enum CLIRunnerError: Error, CustomStringConvertible {
  case binaryNotFound(searched: [String])
  case timedOut(arguments: [String], seconds: Double)

  var description: String {
    switch self {
    case .binaryNotFound(let searched):
      "the built `marquee` binary was not found; looked at: \(searched.joined(separator: ", "))"
    case .timedOut(let arguments, let seconds):
      "marquee \(arguments.joined(separator: " ")) did not finish within \(seconds) s"
    }
  }
}

/// Runs the `marquee` binary that `swift build` / `swift test` put beside the test bundle.
enum CLIRunner {
  /// How long one run may take before it is killed and the test fails.
  static let timeoutSeconds = 60.0

  /// The executable's name in the build folder.
  static let binaryName = "marquee"

  /// Runs `marquee` with `arguments`.
  ///
  /// The environment starts from the test process's own, without `MARQUEE_PATH` and
  /// `MARQUEE_SAMPLES` (so the developer's settings cannot leak into a test), with
  /// `NO_COLOR=1`; then `environment` is applied, where a nil value removes a variable.
  /// Standard input is /dev/null; standard output and error go to temporary files, so a
  /// large output can never fill a pipe and deadlock the run.
  static func run(
    _ arguments: [String],
    environment: [String: String?] = [:],
    currentDirectory: URL? = nil
  ) throws -> CLIResult {
    let process = Process()
    process.executableURL = try binaryURL()
    process.arguments = arguments
    process.environment = makeEnvironment(overrides: environment)
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }

    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("marquee-cli-output-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    let outHandle = try createWritableFile(at: outURL)
    defer { try? outHandle.close() }
    let errHandle = try createWritableFile(at: errURL)
    defer { try? errHandle.close() }

    process.standardInput = FileHandle.nullDevice
    process.standardOutput = outHandle
    process.standardError = errHandle

    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    if finished.wait(timeout: .now() + timeoutSeconds) == .timedOut {
      process.terminate()
      _ = finished.wait(timeout: .now() + 5)
      throw CLIRunnerError.timedOut(arguments: arguments, seconds: timeoutSeconds)
    }

    let stdout = try Data(contentsOf: outURL)
    let stderr = try Data(contentsOf: errURL)
    return CLIResult(
      status: process.terminationStatus,
      stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// The environment for a run: see `run`.
  static func makeEnvironment(overrides: [String: String?]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "MARQUEE_PATH")
    environment.removeValue(forKey: "MARQUEE_SAMPLES")
    environment["NO_COLOR"] = "1"
    for (key, value) in overrides {
      environment[key] = value
    }
    return environment
  }

  /// The `marquee` binary built next to the running test binary.
  ///
  /// With `swift test` on Linux the test binary is `.build/<triple>/debug/*.xctest` and
  /// `marquee` sits in the same folder. On macOS the test binary lives inside an `.xctest`
  /// bundle directory (`X.xctest/Contents/MacOS/X`), and `marquee` sits beside the bundle.
  static func binaryURL() throws -> URL {
    let candidates = candidateDirectories().map { $0.appendingPathComponent(binaryName) }
    for candidate in candidates
    where FileManager.default.isExecutableFile(atPath: candidate.path) {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        return candidate
      }
    }
    throw CLIRunnerError.binaryNotFound(searched: candidates.map(\.path))
  }

  private static func candidateDirectories() -> [URL] {
    var executables: [URL] = []
    let procSelf = URL(fileURLWithPath: "/proc/self/exe")
    if FileManager.default.fileExists(atPath: procSelf.path) {
      executables.append(procSelf.resolvingSymlinksInPath())
    }
    if let main = Bundle.main.executableURL {
      executables.append(main.resolvingSymlinksInPath())
    }
    var directories: [URL] = []
    for executable in executables {
      let directory = executable.deletingLastPathComponent()
      directories.append(directory)
      // Inside a bundle directory: look beside the outermost `.xctest` ancestor.
      var ancestor = directory
      while ancestor.path != "/" && !ancestor.path.isEmpty {
        if ancestor.pathExtension == "xctest" {
          directories.append(ancestor.deletingLastPathComponent())
        }
        ancestor = ancestor.deletingLastPathComponent()
      }
    }
    // Test bundles loaded by a separate runner (XCTest / swiftpm-testing-helper on macOS).
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
      directories.append(bundle.bundleURL.resolvingSymlinksInPath().deletingLastPathComponent())
    }
    var seen = Set<String>()
    return directories.filter { seen.insert($0.standardizedFileURL.path).inserted }
  }

  private static func createWritableFile(at url: URL) throws -> FileHandle {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
    return try FileHandle(forWritingTo: url)
  }
}
