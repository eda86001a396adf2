import Benchmark
import BenchmarkSupport
import Foundation
import ProtokollExtract
import ProtokollModel

/// The extract stage on each sample: poppler-glib for the PDFs, ZIPFoundation and libxml2 for
/// the DOCX files. The bytes are read in setup, so the disk is not measured; hashing, sniffing
/// and every extract record are.
let benchmarks: @Sendable () -> Void = {
    for name in Samples.all {
        var bytes = Data()
        Benchmark("extract \(name)", configuration: .stage()) { benchmark in
            let extractor = DocumentExtractor()
            for _ in benchmark.scaledIterations {
                var records = 0
                let failure = try extractor.extract(bytes: bytes, path: name) { record in
                    records += 1
                    blackHole(record)
                }
                if let failure { benchmark.error("\(name): \(failure.message)") }
                blackHole(records)
            }
        } setup: {
            bytes = try Samples.bytes(name)
        }
    }
}
