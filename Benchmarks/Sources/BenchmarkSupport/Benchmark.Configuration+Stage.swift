public import Benchmark

extension Benchmark.Configuration {
    /// The metrics every stage benchmark reports.
    public static let stageMetrics: [BenchmarkMetric] = [
        .wallClock, .throughput, .cpuTotal, .mallocCountTotal, .peakMemoryResident,
    ]

    /// One document per iteration, so throughput reads as documents per second.
    ///
    /// Timings on a shared 2-core machine wander by tens of percent, so time and memory get
    /// relaxed tolerances (25 % at the median) for `baseline check`; the malloc count barely
    /// moves between runs of the same build, so it keeps the default (5 % at p25 to p75).
    /// - Parameters:
    ///   - warmupIterations: Unmeasured iterations first (caches, lazily built tables).
    ///   - maxDuration: How long to keep iterating after the warm-up.
    ///   - maxIterations: The most iterations, whichever limit comes first.
    public static func stage(
        warmupIterations: Int = 2, maxDuration: Duration = .seconds(2), maxIterations: Int = 1_000
    ) -> Self {
        Self(
            metrics: stageMetrics,
            warmupIterations: warmupIterations,
            maxDuration: maxDuration,
            maxIterations: maxIterations,
            thresholds: [
                .wallClock: .init(relative: BenchmarkThresholds.Relative.relaxed),
                .cpuTotal: .init(relative: BenchmarkThresholds.Relative.relaxed),
                .throughput: .init(relative: BenchmarkThresholds.Relative.relaxed),
                .peakMemoryResident: .init(relative: BenchmarkThresholds.Relative.relaxed),
                .mallocCountTotal: .init(relative: BenchmarkThresholds.Relative.default),
            ]
        )
    }
}
