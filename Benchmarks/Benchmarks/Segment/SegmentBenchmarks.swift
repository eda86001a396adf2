import Benchmark
import BenchmarkSupport
import ProtokollModel
import ProtokollSegment

/// The segment stage on each sample's normalize records (items, decisions, votes, attendance,
/// signatures, the public v1 records). Extraction and normalization run in setup.
let benchmarks: @Sendable () -> Void = {
    for name in Samples.all {
        var input: [NormalizeRecord] = []
        Benchmark("segment \(name)", configuration: .stage()) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(DocumentSegmenter.segment(input))
            }
        } setup: {
            input = try Samples.normalized(name)
        }
    }
}
