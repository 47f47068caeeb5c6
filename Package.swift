// swift-tools-version:6.1
import PackageDescription

/// Earshot: a batch social-listening pipeline. See ../shared/DESIGN.md for the map of modules.
let package = Package(
    name: "earshot",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "earshot", targets: ["EarshotCLI"]),
    ],
    traits: [
        .trait(name: "PostgreSQL", description: "Build the PostgreSQL MentionStore (postgres-nio) for shared multi-worker history."),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "EarshotCore"),
        .target(
            name: "EarshotIngest",
            dependencies: [
                "EarshotCore", "CLibXML2",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "EarshotAnalysis", dependencies: ["EarshotCore"]),
        .target(
            name: "EarshotStore",
            dependencies: [
                "EarshotCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "EarshotOutput",
            dependencies: [
                "EarshotCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "EarshotCLI",
            dependencies: [
                "EarshotCore", "EarshotIngest", "EarshotAnalysis", "EarshotStore", "EarshotOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            // A release build on Linux carries the Swift runtime and Foundation inside the binary
            // (as `swift build --static-swift-stdlib` does): it runs where no Swift toolchain is
            // installed (copy it to the server cron runs on; it still needs Debian's libxml2,
            // SQLite and ICU), and every command starts ~6 ms sooner: the dynamic loader binds
            // some 30,000 fewer symbols (18M -> 5M instructions before `main`). The compile flag
            // gives the module the static libraries' link list; debug builds and the tests keep
            // the shared libraries. `--no-export-dynamic` keeps the binary's 33,000 symbols out of
            // its dynamic symbol table (no plugin links against them): the Swift runtime's start
            // looks its own path up with `dladdr`, which walks that table (1.2M instructions).
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(name: "EarshotCoreTests", dependencies: ["EarshotCore"]),
        .testTarget(
            name: "EarshotIngestTests",
            dependencies: [
                "EarshotIngest",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "EarshotAnalysisTests", dependencies: ["EarshotAnalysis"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "EarshotStoreTests",
            dependencies: ["EarshotStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "EarshotOutputTests",
            dependencies: [
                "EarshotOutput",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Servers"]  // the Python SMTP and webhook servers the tests start
        ),
        // Support/ holds the feed server and the report probe the tests run, not Swift.
        .testTarget(name: "EarshotCLITests", dependencies: ["EarshotCLI"], exclude: ["Support"]),
    ]
)
