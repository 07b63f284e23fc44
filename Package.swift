// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "claudio",
    products: [
        .executable(name: "claudio", targets: ["ClaudioBotMain"]),
        .executable(name: "claudio-tui", targets: ["ClaudioTUIMain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // The event loops the admin server runs on also carry the jobs' pipes.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket", from: "1.6.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        // `GET /metrics`: swift-metrics objects over a Prometheus registry each daemon owns (never the global system).
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Benchmarks only (`make bench`); the malloc interposer counts allocations.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Thin C shims: system libraries plus static inline wrappers for variadic calls and macros.
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),

        .target(
            name: "Shared",
            dependencies: [
                "CCurl",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ClaudioBot",
            dependencies: [
                "Shared",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(name: "ClaudioBotMain", dependencies: ["ClaudioBot"]),
        .target(
            name: "ClaudioTUI",
            dependencies: [
                "Shared",
                "CNCursesW",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(name: "ClaudioTUIMain", dependencies: ["ClaudioTUI"]),

        // What the fakes and the tests share: one local-server bootstrap and a clock that moves only when told.
        .target(
            name: "ClaudioTestSupport",
            dependencies: [
                "ClaudioBot",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ClaudioTestSupport"
        ),
        // A fake Telegram Bot API on 127.0.0.1, shared by the tests and the end-to-end benchmarks.
        .target(
            name: "FakeTelegram",
            dependencies: [
                "Shared", "ClaudioTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Tests/FakeTelegram"
        ),

        .testTarget(
            name: "SharedTests",
            dependencies: [
                "Shared", "ClaudioTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ClaudioBotTests",
            dependencies: [
                "ClaudioBot", "Shared", "FakeTelegram", "ClaudioTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ClaudioTestSupportTests",
            dependencies: ["ClaudioTestSupport", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .testTarget(name: "ClaudioTUITests", dependencies: ["ClaudioTUI", "Shared"]),

        // `make demo`: the daemon against the fake Telegram with scripted users and the scripted claude, and the console
        // on it. Built from the test fakes, so it is no product shipped to users.
        .executableTarget(
            name: "ClaudioDemo",
            dependencies: ["FakeTelegram", .product(name: "UnixSignals", package: "swift-service-lifecycle")],
            path: "Demo/ClaudioDemo"
        ),

        // `make bench`: in-process measurements, and the release `claudio` binary driven end to end.
        .systemLibrary(name: "CMallocInfo", path: "Benchmarks/CMallocInfo"),
        .executableTarget(
            name: "ClaudioBenchmarks",
            dependencies: ["ClaudioBot", "Shared", "CMallocInfo", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/ClaudioBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "DaemonBenchmarks",
            dependencies: [
                "Shared", "FakeTelegram",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/DaemonBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
