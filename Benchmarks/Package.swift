// swift-tools-version: 6.1
// In-process timings and allocations of the pipeline stages on the files in samples/, with
// ordo-one/benchmark. Not part of the main build or the tests; run with `make bench-stages`.
import Foundation
import PackageDescription

/// A path dependency is named after its folder, whatever the clone is called.
let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

/// One executable per stage; each registers a benchmark per sample.
let stages: [(name: String, folder: String, modules: [String])] = [
    ("ExtractBenchmarks", "Extract", ["ProtokollExtract", "ProtokollModel"]),
    ("NormalizeBenchmarks", "Normalize", ["ProtokollNormalize", "ProtokollModel"]),
    ("SegmentBenchmarks", "Segment", ["ProtokollSegment", "ProtokollModel"]),
    (
        "PipelineBenchmarks", "Pipeline",
        ["ProtokollExtract", "ProtokollNormalize", "ProtokollSegment", "ProtokollModel"]
    ),
]

let package = Package(
    name: "ProtokollBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The samples, the inputs the later stages need (prepared outside the measurement), and
        // the configuration every stage benchmark shares.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ProtokollExtract", package: parent),
                .product(name: "ProtokollNormalize", package: parent),
                .product(name: "ProtokollModel", package: parent),
            ]
        )
    ]
        + stages.map { stage in
            .executableTarget(
                name: stage.name,
                dependencies: ["BenchmarkSupport", .product(name: "Benchmark", package: "benchmark")]
                    + stage.modules.map { .product(name: $0, package: parent) },
                path: "Benchmarks/\(stage.folder)",
                plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
            )
        }
)

for target in package.targets {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .swiftLanguageMode(.v6),
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("InternalImportsByDefault"),
        ]
}
