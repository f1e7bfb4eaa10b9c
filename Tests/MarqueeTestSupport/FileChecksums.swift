import Foundation

/// The content digest, size and modification time of every regular file under a folder,
/// to prove that reading articles never changes one.
///
/// `sha256sum` and `find` do the work: they read 50 MB in a blink, where a hash written
/// here in a debug build would take seconds. Links, FIFOs and folders are not followed or
/// read (reading the FIFO would block). Files the test user cannot read are left out.
public enum FileChecksums {
  /// Two lines per file, `digest path` and `path size mtime`, in a fixed order.
  public static func of(_ folder: String) throws -> [String] {
    let script = """
      cd "$1" && find . -type f -readable -print0 | sort -z | xargs -0 -r sha256sum \
        && find . -type f -readable -printf '%p %s %T@\\n' | sort
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script, "checksums", folder]
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: folder])
    }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }
}
