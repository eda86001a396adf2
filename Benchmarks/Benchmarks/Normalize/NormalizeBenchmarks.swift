import Benchmark
import BenchmarkSupport
import ProtokollNormalize

/// The normalize stage on each sample's extract records (furniture, blocks, text repair,
/// canonical text). Extraction runs in setup, outside the measurement.
let benchmarks: @Sendable () -> Void = {
    for name in Samples.all {
        var input: ExtractedInput?
        Benchmark("normalize \(name)", configuration: .stage()) { benchmark in
            guard let input else { return benchmark.error("\(name): no extract records were prepared") }
            for _ in benchmark.scaledIterations {
                blackHole(DocumentNormalizer.normalize(input))
            }
        } setup: {
            input = try Samples.extracted(name)
        }
    }
}
