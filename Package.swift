// swift-tools-version:6.1
import PackageDescription

/// Targets follow the data flow of the design: a library depends only on the
/// stages before it, and the text and scoring cores depend on Foundation alone.
let package = Package(
    name: "vigil",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vigil", targets: ["vigil"]),
        .library(name: "VigilText", targets: ["VigilText"]),
        .library(name: "VigilScoring", targets: ["VigilScoring"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // The dashboard's server without its optional swift-configuration support,
        // which vigil does not use and which would lengthen every first build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // The one owner of libcurl: easy handles, the multi engine, politeness
        // and the address policy. Feeds and alerts reach the network only through it.
        .target(
            name: "VigilHTTP",
            dependencies: ["CCurl"]
        ),
        // GitHub's REST API as a source: the three listings vigil reads per
        // repository, over the HTTP engine and its address policy.
        .target(name: "VigilGitHub", dependencies: ["VigilHTTP"]),
        .target(
            name: "VigilFeeds",
            dependencies: ["VigilHTTP", "VigilBytes", "VigilText"]
        ),
        // The byte-level helpers the feed tokenizer and the text code share, and
        // the HTML entity table (scripts/generate-entities.py writes it).
        .target(name: "VigilBytes", resources: [.embedInCode("HTMLEntities.txt")]),
        .target(name: "VigilText", dependencies: ["VigilBytes"]),
        // What an assessment of a text says (severity, kind, evidence): the
        // scorer writes it, the store keeps it, the alerts route on it.
        .target(name: "VigilAssessment"),
        // The shipped models, compiled in with C's #embed: an installed `vigil`
        // needs nothing beside it, and a megabyte costs the build a fraction of a
        // second here where `.embedInCode` takes minutes.
        .target(name: "CShippedModels", exclude: ["Models"]),
        // Optimised in debug builds too: the tests encode sentences.
        .target(name: "CDenseKernels", cSettings: [.unsafeFlags(["-O2"])]),
        .target(
            name: "VigilScoring",
            dependencies: ["CShippedModels", "CDenseKernels", "VigilText", "VigilAssessment"]
        ),
        .target(
            name: "VigilStore",
            dependencies: [
                "VigilText", "VigilAssessment",
                .product(name: "GRDB", package: "GRDB.swift"),
                // Several workers on one PostgreSQL (the embedded default stays SQLite).
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.embedInCode("schema.sql")]
        ),
        .target(
            name: "VigilAlerts",
            dependencies: [
                "VigilHTTP", "VigilText", "VigilStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "VigilDigest",
            dependencies: ["VigilText", "VigilStore", "VigilAlerts"]
        ),
        .target(
            name: "VigilDaemon",
            dependencies: [
                "VigilFeeds", "VigilText", "VigilAssessment", "VigilScoring", "VigilStore", "VigilAlerts", "VigilDigest",
                "VigilGitHub", "VigilHTTP",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            exclude: ["Demo/Samples/README.md", "Demo/Samples/expected.json"],
            // The demo's feeds and watchlist are compiled in, so `vigil demo`
            // works from any folder with nothing but the binary.
            resources: [
                .embedInCode("Demo/Samples/people.toml"),
                .embedInCode("Demo/Samples/dispatch-news.rss.xml"),
                .embedInCode("Demo/Samples/small-thanks.atom.xml"),
                .embedInCode("Demo/Samples/patchwright-agent-blog.json"),
                .embedInCode("Demo/Samples/oss-tsushin-ja.rss.xml"),
                .embedInCode("Demo/Samples/saltpan-forum.rdf"),
                .embedInCode("Demo/Samples/broken-planet.xml"),
                .embedInCode("Demo/Samples/github-trail/pulls.json"),
                .embedInCode("Demo/Samples/github-trail/events.json"),
                .embedInCode("Demo/Samples/github-trail/comments.json"),
                .embedInCode("Demo/Samples/github-trail/lathe-review.html"),
                .embedInCode("Demo/Samples/github-trail/lathe-feed.xml"),
            ]
        ),
        // The dashboard (`vigil serve`): server-rendered pages over the store,
        // with the same scope rules as the CLI.
        .target(
            name: "VigilWeb",
            dependencies: [
                "VigilText", "VigilAssessment", "VigilStore", "VigilDigest",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "vigil",
            dependencies: [
                "VigilBytes", "VigilFeeds", "VigilText", "VigilAssessment", "VigilScoring", "VigilStore", "VigilAlerts",
                "VigilDigest", "VigilDaemon", "VigilWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(name: "MatcherBenchmark", dependencies: ["VigilText"], path: "Benchmarks/matcher/Sources"),
        .executableTarget(name: "FetchBenchmark", dependencies: ["VigilFeeds"], path: "Benchmarks/fetch/Sources"),
        .target(name: "VigilTestSupport", path: "Tests/VigilTestSupport"),
        .testTarget(name: "VigilHTTPTests", dependencies: ["VigilHTTP", "CCurl", "VigilTestSupport"]),
        .testTarget(name: "VigilGitHubTests", dependencies: ["VigilGitHub", "VigilHTTP", "VigilTestSupport"]),
        .testTarget(name: "VigilFeedsTests", dependencies: ["VigilFeeds", "VigilHTTP", "VigilTestSupport"]),
        .testTarget(
            name: "FeedConformanceTests", dependencies: ["VigilFeeds"],
            exclude: ["feed_conformance.py"]
        ),
        .testTarget(name: "VigilBytesTests", dependencies: ["VigilBytes"]),
        .testTarget(name: "VigilTextTests", dependencies: ["VigilText"]),
        .testTarget(name: "VigilScoringTests", dependencies: ["VigilScoring", "VigilAssessment", "VigilText"]),
        .testTarget(
            name: "VigilStoreTests",
            dependencies: ["VigilStore", "VigilTestSupport", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .testTarget(name: "VigilAlertsTests", dependencies: ["VigilAlerts", "VigilStore", "VigilTestSupport"]),
        .testTarget(
            name: "VigilDigestTests",
            dependencies: ["VigilDigest", "VigilStore", "VigilAlerts", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Golden"]
        ),
        .testTarget(name: "VigilDaemonTests", dependencies: ["VigilDaemon", "VigilStore", "VigilScoring", "VigilTestSupport"]),
        .testTarget(name: "VigilCLITests", dependencies: ["vigil", "VigilTestSupport"]),
        .testTarget(
            name: "VigilWebTests",
            dependencies: ["VigilWeb", "VigilStore", "VigilTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (docs/fuzzing.md), declared only when VIGIL_FUZZ=1, as
// scripts/fuzz.sh sets it: they link only against the libFuzzer runtime that
// `-sanitize=fuzzer` adds, so declared always they would break the ordinary build.
if Context.environment["VIGIL_FUZZ"] == "1" {
    package.targets += [
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .executableTarget(name: "FeedParserFuzzer", dependencies: ["CLibFuzzer", "VigilFeeds"], path: "Fuzz/FeedParser"),
        .executableTarget(name: "HTMLTextFuzzer", dependencies: ["CLibFuzzer", "VigilText"], path: "Fuzz/HTMLText"),
    ]
}
