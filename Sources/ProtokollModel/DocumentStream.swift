/// Reads a stage's NDJSON input document by document: every stage between extract and emit
/// consumes records until the one that closes a document, then handles that document whole.
public enum DocumentStream {
    public enum Failure: Error {
        /// Line `line` (1-based) is not a record of the expected kind.
        case notARecord(line: Int)
    }

    /// How a stream ended.
    public struct Outcome: Sendable, Equatable {
        /// Documents the handler reported as failed.
        public var failedDocuments: Int
        /// The input stopped inside a document (no closing record); that document was not
        /// handled.
        public var truncated: Bool
    }

    /// Decodes each line as `Record` and calls `handle` with each document's records.
    /// - Parameters:
    ///   - closes: Whether a record ends a document (`document_end`).
    ///   - handle: Processes one document; returns whether it had failed.
    /// - Throws: `Failure.notARecord` for an undecodable line, or what `handle` throws.
    public static func forEach<Record: Decodable>(
        _ type: Record.Type, from reader: NDJSONReader = NDJSONReader(), closes: (Record) -> Bool,
        handle: ([Record]) throws -> Bool
    ) throws -> Outcome {
        var reader = reader
        var pending: [Record] = []
        var outcome = Outcome(failedDocuments: 0, truncated: false)
        var lineNumber = 0
        while let line = reader.next() {
            lineNumber += 1
            guard let record = try? NDJSON.decode(Record.self, from: line) else {
                throw Failure.notARecord(line: lineNumber)
            }
            pending.append(record)
            guard closes(record) else { continue }
            if try handle(pending) { outcome.failedDocuments += 1 }
            pending = []
        }
        outcome.truncated = !pending.isEmpty
        return outcome
    }
}
