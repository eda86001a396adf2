public import Foundation
import ProtokollModel

/// Writes one NDJSON file per record type across every document of a run's output
/// (`meetings.ndjson`, `participants.ndjson`, `agenda_items.ndjson`, …), ready for DuckDB's
/// `read_ndjson_auto` without a `type` filter.
public enum Exporter {
    /// - Returns: Lines written per file name.
    @discardableResult
    public static func exportByType(from runOutput: URL, to directory: URL) throws -> [String: Int] {
        let files = try FileManager.default.contentsOfDirectory(atPath: runOutput.path)
            .filter { $0.hasSuffix(".ndjson") && $0 != "run-summary.json" }.sorted()
        var byType: [String: Data] = [:]
        var counts: [String: Int] = [:]
        for file in files {
            let data = try Data(contentsOf: runOutput.appendingPathComponent(file))
            for line in data.split(separator: 0x0A) where !line.isEmpty {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                    let type = object["type"] as? String
                else { continue }
                let name = fileName(for: type)
                byType[name, default: Data()].append(contentsOf: line)
                byType[name]?.append(0x0A)
                counts[name, default: 0] += 1
            }
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, data) in byType {
            try AtomicFile.write(data, to: directory.appendingPathComponent(name))
        }
        return counts
    }

    /// "agenda_item" → "agenda_items.ndjson"; "furniture" stays uncounted.
    static func fileName(for type: String) -> String {
        (type == "furniture" ? type : type + "s") + ".ndjson"
    }
}
