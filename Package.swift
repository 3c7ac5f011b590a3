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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "SwitchyardConfig"),
        .target(name: "SwitchyardPlan", dependencies: ["SwitchyardConfig"]),
        .target(
            name: "SwitchyardEngine",
            dependencies: ["SwitchyardConfig", "SwitchyardPlan", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .executableTarget(
            name: "switchyard",
            dependencies: [
                "SwitchyardConfig",
                "SwitchyardPlan",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SwitchyardConfigTests", dependencies: ["SwitchyardConfig"]),
        .testTarget(name: "SwitchyardPlanTests", dependencies: ["SwitchyardPlan", "SwitchyardConfig"]),
        .testTarget(name: "SwitchyardGoldenTests", dependencies: ["SwitchyardPlan", "SwitchyardConfig"]),
    ]
)
