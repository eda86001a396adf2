import Foundation
import ProtokollModel
import ProtokollNormalize
import ProtokollSegment

/// The stages after extraction, in memory: normalizes and segments one document's extract
/// records and publishes `<name>.ndjson` and `<name>.txt` atomically.
enum DocumentPublisher {
    static func publish(_ records: [ExtractRecord], as name: String, to directory: URL) throws {
        try publish(ExtractedInput(records: records), as: name, to: directory)
    }

    static func publish(_ document: ExtractedInput, as name: String, to directory: URL) throws {
        var output = DocumentOutput.Grouper()
        for record in DocumentSegmenter.segment(DocumentNormalizer.normalize(document)) {
            if let complete = output.add(record) {
                try DocumentOutput.write(complete, base: name, to: directory)
            }
        }
    }
}
