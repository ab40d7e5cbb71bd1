// swift-tools-version:6.1
import PackageDescription

/// Benchmark tools, kept out of the main package so that `swift build` and CI do not build them.
/// Run everything with `Benchmarks/run.sh` (see BENCHMARKS.md).
let package = Package(
    name: "marketnote-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "marketnote", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .executableTarget(
            name: "BenchTools",
            dependencies: [
                .product(name: "MarketNoteKit", package: "marketnote"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
