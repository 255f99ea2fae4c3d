// swift-tools-version: 6.1
// Package benchmarks for colosim (ordo-one/benchmark), kept apart from the root package so the
// product build stays free of benchmark dependencies. Thresholds: Thresholds/6.3 (make bench-check).
// The root is named explicitly: a bare path: "../" breaks when the repository is cloned into a
// folder of another name, as CI does (../shared/SWIFT-NOTES.md).
import PackageDescription

let package = Package(
    name: "colosim-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "colosim", path: "../"),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SimEngine", package: "colosim"),
                .product(name: "ReferenceModels", package: "colosim"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Simulator benchmarks (issue 6): device model step, openb placement, single-GPU and cluster scenarios.
        .executableTarget(
            name: "ColosimBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ColosimKit", package: "colosim"),
            ],
            path: "Benchmarks/ColosimBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
