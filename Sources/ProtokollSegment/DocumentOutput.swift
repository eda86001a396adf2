public import Foundation
import ProtokollModel

/// Writes a document's public records as `<name>.ndjson` and its canonical text as
/// `<name>.txt`, both atomically, so analysts can resolve every offset.
public enum DocumentOutput {
    /// The records of one document, without its `canonical_text` line.
    public struct Document: Sendable {
        public var records: [PublicRecord]
        public var canonicalText: String
        public var fileName: String
        public var docID: String
    }

    /// Splits a stream of public records into documents at each `canonical_text`.
    public struct Grouper {
        private var pending: [PublicRecord] = []

        public init() {}

        public mutating func add(_ record: PublicRecord) -> Document? {
            guard case .canonicalText(let text) = record else {
                pending.append(record)
                return nil
            }
            defer { pending = [] }
            var fileName = text.doc_id
            if case .sourceDocument(let source)? = pending.first { fileName = source.file_name }
            return Document(records: pending, canonicalText: text.text, fileName: fileName, docID: text.doc_id)
        }

        public var leftover: [PublicRecord] { pending }
    }

    /// Writes `<base>.ndjson` and `<base>.txt` into `directory`.
    public static func write(_ document: Document, base: String, to directory: URL) throws {
        var data = Data()
        for record in document.records {
            data.append(try NDJSON.line(record))
        }
        try AtomicFile.write(Data(document.canonicalText.utf8), to: directory.appendingPathComponent(base + ".txt"))
        try AtomicFile.write(data, to: directory.appendingPathComponent(base + ".ndjson"))
    }
}
