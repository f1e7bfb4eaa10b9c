// C's `stdout` is a global variable, which Swift 6 will not touch in a file that imports
// Foundation; this file imports only the C library, and only flushes and checks it.
#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// The C stream that `print` writes through.
enum StandardOutput {
  /// Puts `/dev/null` on any of descriptors 0–2 that is closed, so that no file Marquee
  /// opens later takes its number: with standard output closed, the first folder opened
  /// became descriptor 1 and output went to it. Standard output gets it read-only, so
  /// that writing still fails (and is reported) rather than vanishing.
  static func reserveClosedDescriptors() {
    for descriptor in Int32(0)...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
      let opened = open("/dev/null", descriptor == 2 ? O_WRONLY : O_RDONLY)
      if opened >= 0, opened != descriptor {
        _ = dup2(opened, descriptor)
        _ = close(opened)
      }
    }
  }

  /// Flushes it; nil when everything written reached it, else the `errno` of the
  /// failure (0 when an earlier write failed and left only the stream's error flag).
  static func flushError() -> Int32? {
    if fflush(stdout) != 0 { return errno }
    return ferror(stdout) != 0 ? 0 : nil
  }
}
