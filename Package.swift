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
        .library(name: "ColosimKit", targets: ["ColosimCLI", "Experiments"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // System library: GNU Scientific Library (GPL-3.0). Only Workload may import it.
        .systemLibrary(name: "CGSL", path: "Sources/CGSL",
                       providers: [.apt(["libgsl-dev"])]),

        // Generic discrete-event kernel; knows nothing about GPUs.
        .target(name: "SimEngine"),
        // Domain value types.
        .target(name: "ColoModel", dependencies: ["SimEngine"]),
        // Fluid device model.
        // The node model runs in every cluster test: optimized in debug builds too (#if DEBUG checks stay on).
        .target(name: "GPUDevice", dependencies: ["ColoModel", "SimEngine"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Isolation engines and token ledger: pure state machines.
        .target(name: "Isolation", dependencies: ["ColoModel", "SimEngine"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Cluster scheduler and co-location policies: pure state machines.
        .target(name: "Scheduling", dependencies: ["ColoModel"]),
        // Workload generators, trace importers, random streams (the only module drawing random numbers).
        .target(name: "Workload", dependencies: ["ColoModel", "CGSL"]),
        // Metrics sinks and summaries.
        .target(name: "Metrics", dependencies: [
            "ColoModel", "SimEngine", .product(name: "Histogram", package: "hdrhistogram-swift"),
        ]),
        // Reference DES models (PHOLD, M/M/c) and analytic oracles (Erlang C).
        // Optimized in debug builds too, so the Erlang C test (2M requests) stays quick under
        // `swift test`; SimEngine's @inlinable kernel is specialized into it. #if DEBUG checks stay on.
        .target(name: "ReferenceModels", dependencies: ["SimEngine", "Workload", "Metrics"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Wires engine + device + isolation + scheduling + workloads.
        .target(name: "Simulator", dependencies: [
            "SimEngine", "ColoModel", "GPUDevice", "Isolation", "Scheduling", "Workload", "Metrics",
        ], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Scenario schema, YAML loading, validation with file:line errors.
        .target(name: "Scenario", dependencies: ["ColoModel", "Isolation", "Simulator", "Yams", "Workload", "Scheduling"]),
        // Results store: runs, metrics, time series in SQLite (GRDB over the system libsqlite3).
        .target(name: "ResultStore", dependencies: ["SimEngine", .product(name: "GRDB", package: "GRDB.swift")]),
        // Markdown/HTML reports with charts (vendored Chart.js, MIT; see Sources/Reports/Resources).
        .target(name: "Reports", dependencies: ["ResultStore"],
                exclude: ["Resources/CHARTJS-LICENSE.md"],
                resources: [.copy("Resources/chart.min.js")]),
        // Distributed sweeps: shard plans rendered as a Slurm job array or a Kubernetes Indexed Job (pure text).
        .target(name: "SweepDispatch"),
        // Golden-result regression model: golden files, per-metric tolerances, verdict table (pure logic).
        .target(name: "Regression"),
        // Experiment setup: scenario loading + overrides + runs into records and metrics (ScenarioRunner),
        // the node-response store adapter, the placement replay experiment. No argument parsing or printing.
        .target(name: "Experiments", dependencies: [
            "ColoModel", "Scheduling", "Workload", "Metrics", "Simulator", "Scenario", "ResultStore", "Yams",
        ]),
        // Command implementations (a library so tests can drive them in-process).
        .target(name: "ColosimCLI", dependencies: [
            "Experiments", "SimEngine", "ColoModel", "GPUDevice", "Isolation", "Scheduling", "Workload", "Metrics",
            "ReferenceModels", "Simulator", "Scenario", "ResultStore", "Reports", "Yams", "Regression", "SweepDispatch",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "colosim", dependencies: ["ColosimCLI"]),
        // In-process mutation fuzzing of the input readers (`make fuzz`, docs/fuzzing.md).
        .target(name: "ColosimFuzz", dependencies: [
            "ColosimCLI", "Scenario", "Simulator", "Workload", "SimEngine", "ResultStore",
        ]),
        .executableTarget(name: "colosim-fuzz", dependencies: ["ColosimFuzz"]),

        .target(name: "TestSupport", dependencies: ["SimEngine", "ColoModel"]),

        .testTarget(name: "SimEngineTests", dependencies: ["SimEngine", "TestSupport"]),
        .testTarget(name: "WorkloadTests", dependencies: ["Workload", "TestSupport"]),
        .testTarget(name: "ColoModelTests", dependencies: ["ColoModel", "TestSupport"]),
        .testTarget(name: "GPUDeviceTests", dependencies: ["GPUDevice", "ColoModel", "SimEngine", "TestSupport"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "GPUDevice", "ColoModel", "SimEngine", "Metrics", "Workload", "TestSupport"]),
        .testTarget(name: "IsolationTests", dependencies: ["Isolation", "ColoModel", "TestSupport"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "Isolation", "ColoModel", "Simulator", "TestSupport"]),
        .testTarget(name: "ResultStoreTests", dependencies: ["ResultStore"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "ResultStore"]),
        .testTarget(name: "SchedulingTests", dependencies: ["Scheduling", "ColoModel", "Workload", "TestSupport"]),
        .testTarget(name: "ClusterTests", dependencies: ["Scheduling", "Simulator", "Scenario", "Workload", "ColoModel", "TestSupport"]),
        .testTarget(name: "ReferenceModelsTests", dependencies: ["ReferenceModels", "TestSupport"]),
        .testTarget(name: "ProductTests", dependencies: ["ColosimCLI", "Experiments", "Simulator", "Workload", "ResultStore", "TestSupport"]),
        .testTarget(name: "RegressionTests", dependencies: ["Regression"]),
        .testTarget(name: "SweepDispatchTests", dependencies: ["SweepDispatch", "Yams"]),
        .testTarget(name: "IntegrationTests", dependencies: ["colosim", "ColosimCLI", "Experiments", "Simulator", "TestSupport"]),
        .testTarget(name: "FuzzTests", dependencies: ["ColosimFuzz", "SimEngine", "TestSupport"],
                    exclude: ["Regressions"]),
    ]
)
