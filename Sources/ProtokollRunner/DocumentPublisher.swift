import Foundation
import ProtokollModel
import ProtokollNormalize
import ProtokollSegment

/// The stages after extraction, in memory: normalizes and segments one document's extract
/// records and publishes `<name>.ndjson` and `<name>.txt` atomically.
///
/// The files are renamed into place but not yet flushed to disk: the runner flushes them
/// (`flush(as:in:)`) while the worker reads the next document, and only then enters the
/// document in the ledger.
enum DocumentPublisher {
    static func publish(_ records: [ExtractRecord], as name: String, to directory: URL) throws {
        try publish(ExtractedInput(records: records), as: name, to: directory)
    }

    static func publish(_ document: ExtractedInput, as name: String, to directory: URL) throws {
        var output = DocumentOutput.Grouper()
        for record in DocumentSegmenter.segment(DocumentNormalizer.normalize(document)) {
            if let complete = output.add(record) {
                try DocumentOutput.write(complete, base: name, to: directory, flush: false)
            }
        }
    }

    /// Flushes the files published as `name` to disk, and `directory` with them so their
    /// renames last too.
    /// - Parameter expectFiles: `false` for a document whose files could not be written:
    ///   whichever of them are missing are passed over.
    static func flush(as name: String, in directory: URL, expectFiles: Bool = true) throws {
        let (text, records) = DocumentOutput.files(base: name, in: directory)
        for url in [text, records] {
            do {
                try AtomicFile.flush(url)
            } catch let error as POSIXError where error.code == .ENOENT && !expectFiles {
                continue
            }
        }
        try AtomicFile.flush(directory)
    }
}
