// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "marketnote",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "marketnote", targets: ["marketnote"]),
        .executable(name: "marketnote-sample", targets: ["SampleGenerator"]),
        .library(name: "MarketNoteKit", targets: ["MarketData", "Analytics", "Newsletter", "Publishing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CFileSwap"),
        .target(name: "CMarkdownArena"),
        .target(
            name: "MarketData",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(name: "Analytics", dependencies: ["MarketData"]),
        .target(
            name: "Newsletter",
            dependencies: [
                "MarketData", "Analytics",
                .product(name: "Mustache", package: "swift-mustache"), .product(name: "Yams", package: "Yams"),
            ],
            // The sample project's templates/ are the shipped defaults, compiled into the binary.
            resources: ["note.md", "email.md", "partials/body.md", "phrases.yml", "layout.html", "note.html",
                        "index.html", "archive.html", "not-found.html", "email.html", "style.css"]
                .map { .embedInCode("DefaultTemplates/" + $0) }
        ),
        .target(
            name: "Publishing",
            dependencies: [
                "MarketData", "Analytics", "Newsletter", "CCmarkGFM", "CFileSwap", "CMarkdownArena",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "marketnote",
            dependencies: [
                "MarketData", "Analytics", "Newsletter", "Publishing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "SampleGenerator",
            dependencies: ["MarketData", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["MarketData", "Analytics", "Newsletter", "Publishing"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "MarketDataTests", dependencies: ["MarketData", "TestSupport"]),
        .testTarget(name: "AnalyticsTests", dependencies: ["MarketData", "Analytics", "TestSupport"]),
        .testTarget(name: "NewsletterTests", dependencies: ["MarketData", "Analytics", "Newsletter", "TestSupport",
                                                          .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(
            name: "PublishingTests",
            dependencies: ["MarketData", "Analytics", "Newsletter", "Publishing", "TestSupport", "CCmarkGFM", "CMarkdownArena"]
        ),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["MarketData", "Analytics", "Newsletter", "Publishing", "TestSupport"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["MarketData", "Analytics", "Newsletter", "Publishing", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
