import Benchmark
import BenchmarkSupport
import Foundation
import ProtokollExtract
import ProtokollModel
import ProtokollNormalize
import ProtokollSegment

/// The whole pipeline in one process, file to NDJSON bytes: what `protokoll run` does for a
/// document without the worker process, the extract stream between them, and the output files.
let benchmarks: @Sendable () -> Void = {
    for name in Samples.all {
        let path = Samples.path(name)
        Benchmark("pipeline \(name)", configuration: .stage(maxDuration: .seconds(3))) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try Pipeline.ndjson(path: path))
            }
        } setup: {
            try Pipeline.check(path: path)
        }
    }

    // All samples one after another: one iteration is the whole samples/ folder.
    let paths = Samples.all.map(Samples.path)
    Benchmark(
        "pipeline all \(paths.count) samples", configuration: .stage(warmupIterations: 1, maxDuration: .seconds(6))
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            for path in paths {
                blackHole(try Pipeline.ndjson(path: path))
            }
        }
    } setup: {
        for path in paths { try Pipeline.check(path: path) }
    }
}

/// The stages chained in memory.
enum Pipeline {
    /// Extracts, normalizes and segments `path` and encodes its public records as NDJSON, as
    /// `protokoll run` writes them to `<name>.ndjson` (the canonical text is not encoded).
    /// - Returns: The NDJSON bytes.
    /// - Throws: Whatever encoding throws.
    static func ndjson(path: String) throws -> Data {
        var records: [ExtractRecord] = []
        try DocumentExtractor().extract(path: path) { records.append($0) }
        var grouper = DocumentOutput.Grouper()
        var ndjson = Data()
        for record in DocumentSegmenter.segment(DocumentNormalizer.normalize(ExtractedInput(records: records))) {
            if let document = grouper.add(record) {
                ndjson.append(try DocumentOutput.ndjson(document))
            }
        }
        return ndjson
    }

    /// Fails when the sample is missing or does not extract, so the benchmark does not time an
    /// error path.
    static func check(path: String) throws {
        var failure: ExtractFailure?
        try DocumentExtractor().extract(path: path) { record in
            if case .error(let value) = record { failure = value }
        }
        if let failure {
            throw SampleError.notExtracted(path: path, reason: "\(failure.code.rawValue): \(failure.message)")
        }
    }
}
