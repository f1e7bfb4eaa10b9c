// swift-tools-version:6.0
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder: read the root package's name off
/// the folder we are in (`main` in one checkout, `marquee` in another).
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
  .lastPathComponent

// A separate package so that `swift build` and `swift test` at the root never build the
// fuzzer (it needs `--sanitize=fuzzer`). Build and run it with Fuzz/run.sh.
let package = Package(
  name: "MarqueeFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: "..")],
  targets: [
    .executableTarget(
      name: "marquee-fuzz",
      dependencies: [
        .product(name: "MarqueeCore", package: root), .product(name: "MarqueeUI", package: root),
      ]
    )
  ],
  swiftLanguageModes: [.v6]
)
