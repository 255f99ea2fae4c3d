// swift-tools-version: 6.1
// colosim — GPU co-location scheduling simulator and benchmark suite.
// Module map and dependency direction: ../shared/DESIGN.md §2 (README "Architecture").
import PackageDescription

let package = Package(
    name: "colosim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "colosim", targets: ["colosim"]),
        /// The reusable decision core: no simulator, GSL, SQLite or YAML inside.
        .library(name: "ColoCore", targets: ["ColoModel", "Isolation", "Scheduling"]),
        .library(name: "SimEngine", targets: ["SimEngine"]),
        .library(name: "ReferenceModels", targets: ["ReferenceModels"]),
        .library(name: "ColosimKit", targets: ["ColosimCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.1.0"),
    ],
    targets: [
        // System library: GNU Scientific Library (GPL-3.0). Only Workload may import it.
        .systemLibrary(name: "CGSL", path: "Sources/CGSL",
                       providers: [.apt(["libgsl-dev"])]),

        // Generic discrete-event kernel; knows nothing about GPUs.
        .target(name: "SimEngine"),
        // Domain value types.
        .target(name: "ColoModel"),
        // Fluid device model.
        .target(name: "GPUDevice", dependencies: ["ColoModel"]),
        // Isolation engines and token ledger: pure state machines.
        .target(name: "Isolation", dependencies: ["ColoModel"]),
        // Cluster scheduler and co-location policies: pure state machines.
        .target(name: "Scheduling", dependencies: ["ColoModel"]),
        // Workload generators, trace importers, random streams (the only module drawing random numbers).
        .target(name: "Workload", dependencies: ["ColoModel", "CGSL"]),
        // Metrics sinks and summaries.
        .target(name: "Metrics", dependencies: [
            "ColoModel", .product(name: "Histogram", package: "hdrhistogram-swift"),
        ]),
        // Reference DES models (PHOLD, M/M/c) and analytic oracles (Erlang C).
        // Optimized in debug builds too, so the Erlang C test (2M requests) stays quick under
        // `swift test`; SimEngine's @inlinable kernel is specialized into it. #if DEBUG checks stay on.
        .target(name: "ReferenceModels", dependencies: ["SimEngine", "Workload", "Metrics"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Wires engine + device + isolation + scheduling + workloads.
        .target(name: "Simulator", dependencies: [
            "SimEngine", "ColoModel", "GPUDevice", "Isolation", "Scheduling", "Workload", "Metrics",
        ]),
        // Scenario schema, YAML loading, validation with file:line errors.
        .target(name: "Scenario", dependencies: ["ColoModel", "Simulator", "Yams"]),
        // Command implementations (a library so tests can drive them in-process).
        .target(name: "ColosimCLI", dependencies: [
            "SimEngine", "ColoModel", "GPUDevice", "Isolation", "Scheduling", "Workload", "Metrics",
            "ReferenceModels", "Simulator", "Scenario",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "colosim", dependencies: ["ColosimCLI"]),

        .target(name: "TestSupport", dependencies: ["SimEngine", "ColoModel"]),

        .testTarget(name: "SimEngineTests", dependencies: ["SimEngine", "TestSupport"]),
        .testTarget(name: "WorkloadTests", dependencies: ["Workload", "TestSupport"]),
        .testTarget(name: "ReferenceModelsTests", dependencies: ["ReferenceModels", "TestSupport"]),
        .testTarget(name: "IntegrationTests", dependencies: ["colosim", "ColosimCLI", "TestSupport"]),
    ]
)
