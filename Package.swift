// swift-tools-version:6.0
import PackageDescription

// Built and tested on Linux (CI runs on Debian with Swift 6). macOS is not a target: no
// machine here builds or tests it, so the package claims no Apple platform.
let package = Package(
  name: "Marquee",
  products: [
    .executable(name: "marquee", targets: ["marquee"]),
    .library(name: "MarqueeCore", targets: ["MarqueeCore"]),
    // For the Benchmarks package, which can only use products.
    .library(name: "MarqueeSynthetic", targets: ["MarqueeSynthetic"]),
    .library(name: "MarqueeUI", targets: ["MarqueeUI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
  ],
  targets: [
    // Foundation only: the article model, decoding, parsing, loading and the store.
    .target(name: "MarqueeCore"),
    // Foundation and MarqueeCore only: a seeded generator of articles in the seed layout,
    // and the fixed benchmark queries, for Benchmarks/ and for tests that need volume.
    .target(name: "MarqueeSynthetic", dependencies: ["MarqueeCore"]),
    // No curses: reader state, a pure update(state, action), render(state, size) -> Screen,
    // and the keymap as data.
    .target(name: "MarqueeUI", dependencies: ["MarqueeCore"]),
    // ncursesw, seen through a small C shim header (macros and globals Swift can't import).
    .systemLibrary(
      name: "CNcursesw", path: "Sources/CNcursesw", providers: [.apt(["libncurses-dev"])]),
    // The only code that touches curses: opens the terminal, flushes a Screen, decodes keys
    // (a `TerminalBackend`).
    .target(name: "MarqueeTerminal", dependencies: ["CNcursesw", "MarqueeUI"]),
    // The reader's event loop over any `TerminalBackend`: loading, the search worker and
    // the effects `update` asks for. No curses.
    .target(name: "MarqueeRuntime", dependencies: ["MarqueeCore", "MarqueeUI"]),
    // The config file (TOML, read with TOMLKit): settings over the defaults, and a
    // line for each problem.
    .target(
      name: "MarqueeConfig",
      dependencies: ["MarqueeCore", "MarqueeUI", .product(name: "TOMLKit", package: "TOMLKit")]),
    // The sample articles that `marquee` opens when given no path.
    .target(name: "MarqueeResources", path: "Resources", resources: [.copy("articles")]),
    .executableTarget(
      name: "marquee",
      dependencies: [
        "MarqueeConfig",
        "MarqueeCore",
        "MarqueeResources",
        "MarqueeRuntime",
        "MarqueeTerminal",
        "MarqueeUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What several test targets need: the built binary's location, temporary folders,
    // where ../shared is, hostile text and trees. Foundation and MarqueeSynthetic only.
    .target(
      name: "MarqueeTestSupport", dependencies: ["MarqueeSynthetic"],
      path: "Tests/MarqueeTestSupport"),
    // Labels/ and Fixtures/ are read from the source tree by path (hand labels of real
    // pages, and invented pages), not bundled.
    .testTarget(
      name: "MarqueeCoreTests",
      dependencies: ["MarqueeCore", "MarqueeResources", "MarqueeSynthetic", "MarqueeTestSupport"],
      exclude: ["Labels", "Fixtures"]
    ),
    .testTarget(
      name: "MarqueeUITests", dependencies: ["MarqueeUI", "MarqueeCore", "MarqueeSynthetic"]),
    .testTarget(
      name: "MarqueeConfigTests", dependencies: ["MarqueeConfig", "MarqueeCore", "MarqueeUI"]),
    .testTarget(
      name: "MarqueeTerminalTests", dependencies: ["MarqueeTerminal", "MarqueeUI", "MarqueeCore"]),
    // The loop driven by a scripted backend: no terminal, no tmux.
    .testTarget(
      name: "MarqueeRuntimeTests",
      dependencies: ["MarqueeRuntime", "MarqueeUI", "MarqueeCore", "MarqueeTestSupport"]),
    // Runs the built `marquee` binary, so it depends on the executable target.
    .testTarget(
      name: "MarqueeCLITests",
      dependencies: ["marquee", "marquee-state-writer", "MarqueeCore", "MarqueeTestSupport"]),
    // Writes read state until killed, for the crash-safety test of the state files.
    .executableTarget(
      name: "marquee-state-writer", dependencies: ["MarqueeCore"], path: "Tests/StateWriter"),
    .testTarget(
      name: "MarqueeReaderTests",
      dependencies: ["marquee", "MarqueeSynthetic", "MarqueeTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
