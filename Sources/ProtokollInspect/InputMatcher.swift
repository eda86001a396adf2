import Foundation
import ProtokollModel

/// Finds a run's input files by content: the run's records name an input by its SHA-256
/// (and size), never by a path that may have moved since.
struct InputMatcher {
    /// Input path by SHA-256.
    private(set) var paths: [String: String] = [:]

    /// Hashes the candidates whose size matches one of `sizes` (so a large archive is not
    /// read whole for a small run). Directories are searched recursively for `.pdf` and
    /// `.docx`; files are taken whatever their name; missing paths are skipped.
    init(candidates: [String], sizes: Set<Int>) {
        var seen = Set<String>()
        for path in candidates.flatMap(Self.files) where seen.insert(path).inserted {
            guard let size = Self.size(path), sizes.contains(size),
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            var hasher = SHA256()
            data.withUnsafeBytes { hasher.update(buffer: $0) }
            let digest = hasher.finalizeHex()
            if paths[digest] == nil { paths[digest] = path }
        }
    }

    private static func files(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        var found: [String] = []
        for case let relative as String in walker {
            let lower = relative.lowercased()
            if lower.hasSuffix(".pdf") || lower.hasSuffix(".docx") {
                found.append((path as NSString).appendingPathComponent(relative))
            }
        }
        return found.sorted()
    }

    private static func size(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
    }
}
