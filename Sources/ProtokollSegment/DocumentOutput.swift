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

        /// Takes `record` over rather than copying it: a document has hundreds of records, each
        /// holding dozens of strings.
        public mutating func add(_ record: consuming PublicRecord) -> Document? {
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

    /// The bytes of `<name>.ndjson`: one line per record, as `NDJSON.line` writes it.
    ///
    /// All lines go into one buffer through `JSONObjectWriter`; a number with no JSON form
    /// sends the document through `NDJSON.line` instead, which throws the error.
    public static func ndjson(_ document: Document) throws -> Data {
        var json = JSONObjectWriter(capacity: 1024 * document.records.count)
        for record in document.records {
            json.object(record)
            json.newline()
        }
        if !json.hasNonFiniteNumber { return json.withBytes { Data($0) } }
        var data = Data()
        for record in document.records {
            data.append(try NDJSON.line(record))
        }
        return data
    }

    /// The two files written for `base`: `<base>.txt` and `<base>.ndjson`.
    public static func files(base: String, in directory: URL) -> (text: URL, records: URL) {
        (directory.appendingPathComponent(base + ".txt"), directory.appendingPathComponent(base + ".ndjson"))
    }

    /// Writes `<base>.ndjson` and `<base>.txt` into `directory`: both are written in full
    /// under hidden names first and only then renamed into place, so a full disk leaves
    /// neither, not one without the other.
    /// - Parameter flush: `false` leaves flushing them to disk to the caller (`AtomicFile.stage`).
    public static func write(_ document: Document, base: String, to directory: URL, flush: Bool = true) throws {
        let data = try ndjson(document)
        let (text, records) = files(base: base, in: directory)
        let temporaries = [AtomicFile.temporaryURL(for: text), AtomicFile.temporaryURL(for: records)]
        do {
            try AtomicFile.stage(Data(document.canonicalText.utf8), at: temporaries[0], flush: flush)
            try AtomicFile.stage(data, at: temporaries[1], flush: flush)
            try AtomicFile.commit(temporaries[0], as: text)
            try AtomicFile.commit(temporaries[1], as: records)
        } catch {
            for url in temporaries { try? FileManager.default.removeItem(at: url) }
            throw error
        }
    }
}
