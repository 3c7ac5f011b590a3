// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Switchyard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "switchyard", targets: ["switchyard"]),
        .library(name: "SwitchyardConfig", targets: ["SwitchyardConfig"]),
        .library(name: "SwitchyardPlan", targets: ["SwitchyardPlan"]),
        .library(name: "SwitchyardEngine", targets: ["SwitchyardEngine"]),
        .library(name: "SwitchyardSimulator", targets: ["SwitchyardSimulator"]),
        .library(name: "SwitchyardReports", targets: ["SwitchyardReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-atomics", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "SwitchyardConfig"),
        .target(name: "SwitchyardPlan", dependencies: ["SwitchyardConfig", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "SwitchyardEngine",
            dependencies: ["SwitchyardConfig", "SwitchyardPlan", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: hotPathSettings
        ),
        .target(name: "SwitchyardReports", dependencies: ["CLibXML2"]),
        .target(
            name: "SwitchyardGateway",
            dependencies: [
                "SwitchyardEngine", "SwitchyardPlan", "SwitchyardConfig",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Atomics", package: "swift-atomics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "SwitchyardSimulator",
            dependencies: [
                "SwitchyardConfig", "SwitchyardPlan", "SwitchyardEngine", "SwitchyardReports", "SwitchyardGateway",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: hotPathSettings
        ),
        .executableTarget(
            name: "switchyard",
            dependencies: [
                "SwitchyardConfig",
                "SwitchyardPlan",
                "SwitchyardEngine",
                "SwitchyardSimulator",
                "SwitchyardReports",
                "SwitchyardGateway",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SwitchyardConfigTests", dependencies: ["SwitchyardConfig"]),
        .testTarget(name: "SwitchyardPlanTests", dependencies: ["SwitchyardPlan", "SwitchyardConfig"], exclude: ["Templates/Cases"]),
        .testTarget(
            name: "SwitchyardEngineTests",
            dependencies: ["SwitchyardEngine", "SwitchyardPlan", "SwitchyardConfig", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "SwitchyardGoldenTests",
            dependencies: ["SwitchyardPlan", "SwitchyardConfig", "SwitchyardSimulator", "SwitchyardReports"]
        ),
        .testTarget(
            name: "SwitchyardGatewayTests",
            dependencies: [
                "SwitchyardGateway", "SwitchyardEngine", "SwitchyardPlan", "SwitchyardConfig", "SwitchyardSimulator",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "SwitchyardSimulatorTests",
            dependencies: [
                "SwitchyardSimulator", "SwitchyardConfig", "SwitchyardPlan", "SwitchyardEngine",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "SwitchyardFuzzTests",
            dependencies: ["SwitchyardConfig", "SwitchyardPlan", "SwitchyardSimulator", "SwitchyardGateway"],
            path: "Tests/Fuzz",
            exclude: ["corpus", "README.md"]
        ),
        .testTarget(
            name: "SwitchyardReportsTests",
            dependencies: ["SwitchyardReports", "CLibXML2"],
            exclude: ["junit_consumer_check.py"],
            resources: [.copy("Resources")]
        ),
    ]
)

/// The engine and the simulator step millions of requests through class-held state. Their accesses are proven
/// exclusive at compile time where Swift can, and by the debug builds the tests run; release builds skip the
/// per-access runtime check, which is several percent of a simulated request.
var hotPathSettings: [SwiftSetting] {
    [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
}
