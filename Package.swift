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
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "SwitchyardConfig"),
        .target(name: "SwitchyardPlan", dependencies: ["SwitchyardConfig"]),
        .target(
            name: "SwitchyardEngine",
            dependencies: ["SwitchyardConfig", "SwitchyardPlan", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "SwitchyardReports", dependencies: ["CLibXML2"]),
        .target(
            name: "SwitchyardSimulator",
            dependencies: ["SwitchyardConfig", "SwitchyardPlan", "SwitchyardEngine", "SwitchyardReports"]
        ),
        .executableTarget(
            name: "switchyard",
            dependencies: [
                "SwitchyardConfig",
                "SwitchyardPlan",
                "SwitchyardEngine",
                "SwitchyardSimulator",
                "SwitchyardReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SwitchyardConfigTests", dependencies: ["SwitchyardConfig"]),
        .testTarget(name: "SwitchyardPlanTests", dependencies: ["SwitchyardPlan", "SwitchyardConfig"]),
        .testTarget(
            name: "SwitchyardGoldenTests",
            dependencies: ["SwitchyardPlan", "SwitchyardConfig", "SwitchyardSimulator", "SwitchyardReports"]
        ),
        .testTarget(name: "SwitchyardSimulatorTests", dependencies: ["SwitchyardSimulator", "SwitchyardConfig"]),
        .testTarget(
            name: "SwitchyardReportsTests",
            dependencies: ["SwitchyardReports", "CLibXML2"],
            exclude: ["junit_consumer_check.py"],
            resources: [.copy("Resources")]
        ),
    ]
)
