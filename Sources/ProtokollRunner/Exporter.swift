public import Foundation
import ProtokollModel

/// Writes one NDJSON file per record type across every document of a run's output
/// (`meetings.ndjson`, `participants.ndjson`, `agenda_items.ndjson`, …), ready for DuckDB's
/// `read_ndjson_auto` without a `type` filter.
///
/// Streams: a run's output can be far larger than memory, so each document is read, split and
/// appended to hidden per-type files, which are renamed into place only when all are complete.
public enum Exporter {
    /// - Returns: Lines written per file name.
    @discardableResult
    public static func exportByType(from runOutput: URL, to directory: URL) throws -> [String: Int] {
        let files = try FileManager.default.contentsOfDirectory(atPath: runOutput.path)
            .filter { $0.hasSuffix(".ndjson") && $0 != "run-summary.json" }.sorted()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var outputs: [String: TypeFile] = [:]
        var counts: [String: Int] = [:]
        do {
            for file in files {
                let data = try Data(contentsOf: runOutput.appendingPathComponent(file))
                for line in data.split(separator: 0x0A) where !line.isEmpty {
                    guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                        let type = object["type"] as? String
                    else { continue }
                    let name = fileName(for: type)
                    if outputs[name] == nil {
                        outputs[name] = try TypeFile(target: directory.appendingPathComponent(name))
                    }
                    try outputs[name]?.append(line)
                    counts[name, default: 0] += 1
                }
            }
            for name in outputs.keys.sorted() {
                try outputs[name]?.publish()
            }
        } catch {
            for output in outputs.values { output.discard() }
            throw error
        }
        return counts
    }

    /// "agenda_item" → "agenda_items.ndjson"; "furniture" stays uncounted.
    static func fileName(for type: String) -> String {
        (type == "furniture" ? type : type + "s") + ".ndjson"
    }

    /// One export file, written under its hidden temporary name until `publish`.
    private final class TypeFile {
        let target: URL
        let temporary: URL
        let handle: FileHandle
        private var buffer = Data()

        init(target: URL) throws {
            self.target = target
            temporary = AtomicFile.temporaryURL(for: target)
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EACCES)
            }
            handle = try FileHandle(forWritingTo: temporary)
        }

        func append(_ line: Data.SubSequence) throws {
            buffer.append(contentsOf: line)
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 { try flush() }
        }

        func publish() throws {
            try flush()
            try handle.close()
            try AtomicFile.publish(temporary, as: target)
        }

        func discard() {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
        }

        private func flush() throws {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
