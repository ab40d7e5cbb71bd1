// swift-tools-version:6.1
// libFuzzer targets for marketnote's loaders. A separate package, so that `swift build` and
// `swift test` of the main package (what CI runs) never build it. Run a target with run.sh.
//
// The loaders' own sources are compiled here through a link (Sources/MarketData ->
// ../../Sources/MarketData), so that fuzzing builds MarketData and Yams only, each instrumented.
import PackageDescription

/// One libFuzzer binary; its entry point is `LLVMFuzzerTestOneInput`, not top-level code.
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport", "MarketData"],
                      swiftSettings: [.unsafeFlags(["-parse-as-library"])])
}

let package = Package(
    name: "marketnote-fuzz",
    dependencies: [.package(url: "https://github.com/jpsim/Yams", from: "6.2.2")],
    targets: [
        .target(name: "MarketData", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "FuzzSupport", dependencies: ["MarketData"]),
        fuzzTarget("FuzzPriceFile"),
        fuzzTarget("FuzzObservationFile"),
        fuzzTarget("FuzzFrontMatter"),
        fuzzTarget("FuzzConfig"),
    ],
    swiftLanguageModes: [.v6]
)
