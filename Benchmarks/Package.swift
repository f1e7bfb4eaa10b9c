// swift-tools-version:6.0
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, so the root package is `main` in
/// one checkout and `marquee` in another: read the name off the folder we are in.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
  .lastPathComponent

// A separate package so that neither `swift build` nor `swift test` at the root, nor
// .ci/run, ever compiles or runs the benchmarks. Build it in release mode only:
// `swift build -c release`, then `.build/release/marquee-bench`.
let package = Package(
  name: "MarqueeBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: "..")],
  targets: [
    .executableTarget(
      name: "marquee-bench",
      dependencies: [
        .product(name: "MarqueeCore", package: root),
        .product(name: "MarqueeSynthetic", package: root),
        .product(name: "MarqueeUI", package: root),
      ]
    )
  ],
  swiftLanguageModes: [.v6]
)
