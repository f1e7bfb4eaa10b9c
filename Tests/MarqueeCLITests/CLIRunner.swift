import Foundation
import MarqueeTestSupport

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
  case timedOut(arguments: [String], seconds: Double)

  var description: String {
    switch self {
    case .timedOut(let arguments, let seconds):
      "marquee \(arguments.joined(separator: " ")) did not finish within \(seconds) s"
    }
  }
}

/// Runs the `marquee` binary that `swift build` / `swift test` put beside the test bundle.
enum CLIRunner {
  /// How long one run may take before it is killed and the test fails.
  static let timeoutSeconds = 60.0

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
    try run(
      executable: MarqueeBinary.url(), arguments, environment: environment,
      currentDirectory: currentDirectory)
  }

  /// Runs a `/bin/sh` script, with `$MARQUEE` naming the binary and `arguments` as `$1`…,
  /// for what only a shell sets up: `>/dev/full`, `>&-`, `2>&-`.
  static func runShell(_ script: String, arguments: [String] = []) throws -> CLIResult {
    try run(
      executable: URL(fileURLWithPath: "/bin/sh"), ["-c", script, "sh"] + arguments,
      environment: ["MARQUEE": try MarqueeBinary.url().path])
  }

  private static func run(
    executable: URL, _ arguments: [String], environment: [String: String?],
    currentDirectory: URL? = nil
  ) throws -> CLIResult {
    let process = Process()
    process.executableURL = executable
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
    // Nothing a test runs reads or writes the user's own read marks; tests of them give
    // a folder of their own.
    environment["MARQUEE_STATE"] = "off"
    // Nor the user's cache; tests of it give a folder of their own.
    environment["MARQUEE_CACHE"] = "off"
    // Nor the user's config file.
    environment["MARQUEE_CONFIG"] = "/nonexistent/marquee-config.toml"
    for (key, value) in overrides {
      environment[key] = value
    }
    return environment
  }

  private static func createWritableFile(at url: URL) throws -> FileHandle {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
    return try FileHandle(forWritingTo: url)
  }
}
