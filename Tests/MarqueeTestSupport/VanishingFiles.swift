import Foundation

/// Makes a file or folder really disappear at the exact moment marquee reaches for it,
/// so the "deleted while loading" paths run on every test run instead of when a race
/// happens to be won.
///
/// It is a tiny library preloaded into marquee (`LD_PRELOAD`), compiled from C by the
/// first test that needs it. It wraps two C library calls and changes nothing else:
/// - `open` of the path in `MARQUEE_VANISH_ON_OPEN` first deletes that file, as if it
///   were removed between the loader's walk (which saw it) and its read;
/// - `stat` of the path in `MARQUEE_VANISH_OFF_MAIN_THREAD` from any thread but the main
///   one first renames it to `<path>.gone`: the reader checks its paths on the main
///   thread before opening the terminal and walks them on a background thread after, so
///   the folder is there for the check and gone for the walk.
///
/// Linux only (glibc's `stat` and `open` symbols); nil elsewhere or without a C compiler.
public enum VanishingFiles {
  public static let onOpen = "MARQUEE_VANISH_ON_OPEN"
  public static let offMainThread = "MARQUEE_VANISH_OFF_MAIN_THREAD"

  /// The compiled library, or why there is none (for a test's skip message).
  public static let library: Result<String, Unavailable> = compile()

  /// Whether the library could be built: the condition of every test that needs it.
  public static var isAvailable: Bool { (try? library.get()) != nil }

  public struct Unavailable: Error, CustomStringConvertible {
    public let description: String
  }

  /// The environment that makes marquee delete `file` when it opens it.
  public static func deleting(onOpen file: String) throws -> [String: String] {
    ["LD_PRELOAD": try library.get(), onOpen: file]
  }

  /// The environment that makes marquee's background walk find `path` gone.
  public static func moving(offMainThread path: String) throws -> [String: String] {
    ["LD_PRELOAD": try library.get(), offMainThread: path]
  }

  static let source = #"""
    #define _GNU_SOURCE
    #include <dlfcn.h>
    #include <fcntl.h>
    #include <stdarg.h>
    #include <stdio.h>
    #include <stdlib.h>
    #include <string.h>
    #include <sys/stat.h>
    #include <sys/syscall.h>
    #include <unistd.h>

    static int matches(const char *variable, const char *path) {
      const char *target = getenv(variable);
      return target != NULL && path != NULL && strcmp(target, path) == 0;
    }

    static int open_after_vanishing(const char *symbol, const char *path, int flags,
                                    mode_t mode) {
      int (*real_open)(const char *, int, ...) =
          (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, symbol);
      if (matches("MARQUEE_VANISH_ON_OPEN", path)) unlink(path);
      return real_open(path, flags, mode);
    }

    /* open's optional third argument, present only when a file may be created. */
    #define MODE_ARGUMENT(flags, mode) do { va_list arguments; va_start(arguments, flags); \
        mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(arguments, int) : 0; \
        va_end(arguments); } while (0)

    int open(const char *path, int flags, ...) {
      mode_t mode;
      MODE_ARGUMENT(flags, mode);
      return open_after_vanishing("open", path, flags, mode);
    }

    int open64(const char *path, int flags, ...) {
      mode_t mode;
      MODE_ARGUMENT(flags, mode);
      return open_after_vanishing("open64", path, flags, mode);
    }

    int stat(const char *path, struct stat *info) {
      int (*real_stat)(const char *, struct stat *) =
          (int (*)(const char *, struct stat *))dlsym(RTLD_NEXT, "stat");
      if (matches("MARQUEE_VANISH_OFF_MAIN_THREAD", path) && syscall(SYS_gettid) != getpid()) {
        char moved[4096];
        snprintf(moved, sizeof moved, "%s.gone", path);
        rename(path, moved);
      }
      return real_stat(path, info);
    }
    """#

  private static func compile() -> Result<String, Unavailable> {
    #if os(Linux)
      let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
      let compilers = ["cc", "clang", "gcc"].flatMap { name in
        path.split(separator: ":").map { "\($0)/\(name)" }
      }
      guard let compiler = compilers.first(where: FileManager.default.isExecutableFile) else {
        return .failure(Unavailable(description: "no C compiler (cc, clang, gcc) on PATH"))
      }
      // One library per version of the source, shared by test runs: built once, under a
      // temporary name, then renamed into place, so parallel runs never see half a file.
      let digest = source.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) {
        ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3
      }
      let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("marquee-vanishing-\(String(digest, radix: 16))")
      let library = folder.appendingPathComponent("libvanishing.so")
      if FileManager.default.fileExists(atPath: library.path) { return .success(library.path) }
      let unique = UUID().uuidString
      let sourceFile = folder.appendingPathComponent("vanishing-\(unique).c")
      let building = folder.appendingPathComponent("libvanishing-\(unique).so")
      defer { try? FileManager.default.removeItem(at: sourceFile) }
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(source.utf8).write(to: sourceFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: compiler)
        process.arguments = ["-shared", "-fPIC", "-o", building.path, sourceFile.path, "-ldl"]
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, rename(building.path, library.path) == 0 else {
          return .failure(Unavailable(description: "\(compiler) could not build the library"))
        }
        return .success(library.path)
      } catch {
        return .failure(Unavailable(description: "could not build the library: \(error)"))
      }
    #else
      return .failure(Unavailable(description: "preloading a C library is set up for Linux only"))
    #endif
  }
}
