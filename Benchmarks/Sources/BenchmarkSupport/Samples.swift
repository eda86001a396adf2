public import Foundation
import ProtokollExtract
public import ProtokollModel
public import ProtokollNormalize

/// The sample protocols in the repository's `samples/` folder, and each stage's input made
/// from them, so a benchmark's setup can prepare what the measured stage reads.
public enum Samples {
    /// The PDF samples: two LibreOffice exports and two reportlab drawings (see samples/README.md).
    public static let pdfs = [
        "lsvo-2021-06-04.pdf", "orebro-2020-01-31.pdf", "psvo-2024-03-01.pdf", "vasterbotten-2024-03-15.pdf",
    ]

    /// The DOCX samples, written by python-docx.
    public static let docx = ["lsvo-2021-06-04.docx", "psvo-2024-03-01.docx"]

    /// Every sample, PDFs first.
    public static var all: [String] { pdfs + docx }

    /// `PROTOKOLL_SAMPLES` when set; otherwise `samples/` of the checkout these benchmarks were
    /// built from, found from this source file, so the suite runs from any working directory.
    public static let directory: URL = {
        if let folder = ProcessInfo.processInfo.environment["PROTOKOLL_SAMPLES"], !folder.isEmpty {
            return URL(fileURLWithPath: folder, isDirectory: true)
        }
        // Benchmarks/Sources/BenchmarkSamples/Samples.swift → the repository root.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "samples", isDirectory: true)
    }()

    /// The path of sample `name`, as the stages are given it.
    public static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// The bytes of sample `name`.
    /// - Throws: `SampleError.unreadable` when the file cannot be read.
    public static func bytes(_ name: String) throws(SampleError) -> Data {
        do {
            return try Data(contentsOf: directory.appendingPathComponent(name))
        } catch {
            throw .unreadable(path: path(name), reason: error.localizedDescription)
        }
    }

    /// The extract records of sample `name`, gathered as the normalize stage reads them.
    /// - Throws: `SampleError` when the file cannot be read or does not extract cleanly: a
    ///   benchmark of a failed document would measure the error path.
    public static func extracted(_ name: String) throws(SampleError) -> ExtractedInput {
        let bytes = try bytes(name)
        var records: [ExtractRecord] = []
        let failure: ExtractFailure?
        do {
            failure = try DocumentExtractor().extract(bytes: bytes, path: path(name)) { records.append($0) }
        } catch {
            throw .notExtracted(path: path(name), reason: error.localizedDescription)
        }
        if let failure {
            throw .notExtracted(path: path(name), reason: "\(failure.code.rawValue): \(failure.message)")
        }
        return ExtractedInput(records: records)
    }

    /// The normalize records of sample `name`, as the segment stage reads them.
    /// - Throws: `SampleError` when the sample does not extract cleanly.
    public static func normalized(_ name: String) throws(SampleError) -> [NormalizeRecord] {
        DocumentNormalizer.normalize(try extracted(name))
    }
}
