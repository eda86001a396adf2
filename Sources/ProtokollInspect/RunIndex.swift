public import Foundation
import ProtokollModel

/// What a run wrote, per document: read from the `<file>.ndjson` files of its output
/// directory, for the run-level index page.
///
/// Lines are read by their `type`, `status` and `severity` only, so an index can be made of
/// an older run whose records no longer decode into today's types.
public enum RunIndex {
    /// One document of the run.
    public struct Entry: Sendable, Equatable {
        /// The output base name (`psvo-2024-03-01.pdf` for `psvo-2024-03-01.pdf.ndjson`).
        public var outputName: String
        /// The input's file name, as `source_document.file_name`.
        public var fileName: String
        /// The input's SHA-256, to find the input file by content; `nil` when it was unreadable.
        public var sha256: String?
        /// The input's size, checked before hashing a candidate input.
        public var byteSize: Int?
        /// `source_document.status`: `ok` or the failure code.
        public var status: String
        public var counts: RecordCounts
        /// The first error's message, for a failed document.
        public var message: String?
        /// The report's file name beside the index, once written.
        public var report: String?
        /// Why there is no report: the document failed, its input was not found, or rendering
        /// failed.
        public var note: String?

        /// A failed document, or one with an error-severity issue.
        public var failed: Bool { status != "ok" || counts.errors > 0 }
    }

    /// The documents in `directory`, in name order.
    /// - Throws: ``InspectError/noRunOutput(directory:)`` when there are none.
    public static func read(directory: URL) throws -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var entries: [Entry] = []
        for name in names.sorted() where name.hasSuffix(".ndjson") {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                let entry = entry(outputName: String(name.dropLast(".ndjson".count)), data: data)
            else { continue }
            entries.append(entry)
        }
        if entries.isEmpty { throw InspectError.noRunOutput(directory: directory.path) }
        return entries
    }

    /// Worst first: failed documents, then those with the most parse issues, then those in
    /// which no agenda item was found; ties by name. The order an auditor works through.
    public static func worstFirst(_ entries: [Entry]) -> [Entry] {
        entries.sorted { a, b in
            if a.failed != b.failed { return a.failed }
            if a.counts.parseIssues != b.counts.parseIssues { return a.counts.parseIssues > b.counts.parseIssues }
            if (a.counts.items == 0) != (b.counts.items == 0) { return a.counts.items == 0 }
            return a.outputName < b.outputName
        }
    }

    /// A document's entry, or `nil` when the file is not a document's public records (an
    /// older run's `*.extract.ndjson`, say): those start with something else.
    static func entry(outputName: String, data: Data) -> Entry? {
        var entry: Entry?
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            guard let fields = try? JSONDecoder().decode(Fields.self, from: line) else { continue }
            if entry == nil {
                guard fields.type == "source_document" else { return nil }
                entry = Entry(
                    outputName: outputName, fileName: fields.file_name ?? outputName, sha256: fields.sha256,
                    byteSize: fields.byte_size, status: fields.status ?? "unknown", counts: RecordCounts())
                continue
            }
            entry?.counts.add(type: fields.type, severity: fields.severity)
            if fields.type == "parse_issue" && fields.severity == "error" && entry?.message == nil {
                entry?.message = fields.message
            }
        }
        return entry
    }

    /// The few fields the index reads from any line.
    private struct Fields: Decodable {
        var type: String
        var status: String?
        var severity: String?
        var message: String?
        var file_name: String?
        var sha256: String?
        var byte_size: Int?
    }
}
