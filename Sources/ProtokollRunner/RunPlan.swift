import Foundation
import ProtokollModel

/// What a run will do with each input, decided before any work starts: its content hash and
/// ledger key, its output name, and whether it needs processing and why.
struct RunPlan {
    enum Reason: String, Sendable {
        /// Never seen.
        case new
        /// Seen at this path with other content.
        case changed
        /// Seen with the same content, pipeline and configuration, and its output is there.
        case unchanged
        /// Same content as a file processed under another path that no longer exists: the file
        /// was renamed or moved, and is not processed again.
        case moved
        /// Failed before with the same content, pipeline and configuration.
        case failedBefore = "failed_before"
        /// Failed before, and the configuration asks to try again.
        case retry
        /// Processed before, but its output files are gone.
        case missingOutput = "missing_output"

        var needsRun: Bool { ![.unchanged, .moved, .failedBefore].contains(self) }
    }

    struct Document: Sendable {
        var path: String
        var sha256: String?
        var key: String
        var outputName: String
        var reason: Reason
        /// The ledger's entry when the document is skipped.
        var previous: Ledger.Entry?
    }

    var documents: [Document]

    init(paths: [String], config: PipelineConfig, shard: Shard?, ledger: Ledger, outputDirectory: URL) {
        let names = Self.outputNames(for: paths)
        let byKey = ledger.byKey
        let byPath = ledger.byPath
        let byKeyAndPath = Dictionary(
            ledger.entries.map { ($0.key + "\n" + $0.path, $0) }, uniquingKeysWith: { _, latest in latest })
        var documents: [Document] = []
        for (path, name) in zip(paths, names) {
            if let shard, !shard.contains(sha256: Self.shardKey(of: path) ?? SHA256.hex(Array(path.utf8))) { continue }
            let sha256 = Self.sha256(of: path)
            let key = [sha256 ?? "path:" + path, PipelineVersion.current, config.configHash].joined(separator: "|")
            var document = Document(path: path, sha256: sha256, key: key, outputName: name, reason: .new)
            let outputExists = { (name: String) in
                FileManager.default.fileExists(atPath: outputDirectory.appendingPathComponent(name + ".ndjson").path)
            }
            if config.incremental.enabled, let seen = byKeyAndPath[key + "\n" + path] ?? byKey[key] {
                document.previous = seen
                let renamed = seen.path != path && !FileManager.default.fileExists(atPath: seen.path)
                if seen.status == "ok", seen.path == path || renamed {
                    document.reason = outputExists(seen.output) ? (renamed ? .moved : .unchanged) : .missingOutput
                } else if seen.status == "ok" {
                    // A copy of a file that is still there: its own output under its own name.
                    document.reason = byPath[path] == nil ? .new : .changed
                } else {
                    document.reason = config.incremental.retryFailed ? .retry : .failedBefore
                }
            } else if byPath[path] != nil {
                document.reason = .changed
            }
            documents.append(document)
        }
        self.documents = documents
    }

    /// One output name per document: its file name; documents that share a file name get
    /// their parent folders joined in front. Computed over all inputs, so shards agree.
    static func outputNames(for documents: [String]) -> [String] {
        let fileNames = documents.map { ($0 as NSString).lastPathComponent }
        var counts: [String: Int] = [:]
        for name in fileNames { counts[name, default: 0] += 1 }
        return zip(documents, fileNames).map { path, name in
            counts[name] == 1
                ? name : path.split(separator: "/").filter { $0 != "." && $0 != ".." }.joined(separator: "__")
        }
    }

    /// The SHA-256 of a file, streamed; `nil` when it cannot be read (the worker then
    /// records why).
    static func sha256(of path: String) -> String? {
        withRegularFile(path) { handle, _ in
            var hasher = SHA256()
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                chunk.withUnsafeBytes { hasher.update(buffer: $0) }
            }
            return hasher.finalizeHex()
        }
    }

    /// What decides a file's shard: the SHA-256 of its size and its first and last 4 KiB.
    ///
    /// Like the content hash it depends on the bytes alone, so copies and renamed files land in
    /// the same shard on every machine; unlike it, it reads 8 KiB per file, so each of N shards
    /// reads every input's ends but hashes in full only its own share. The ends tell files
    /// apart well enough to spread them: a PDF's trailer holds its file ID and cross-reference
    /// offsets, a DOCX's zip directory the checksum of every part. Files that share size and
    /// ends only land in the same shard.
    static func shardKey(of path: String) -> String? {
        let edge = 1 << 12
        return withRegularFile(path) { handle, size in
            var hasher = SHA256()
            hasher.update(Array(String(size).utf8))
            hasher.update(try handle.read(upToCount: edge) ?? Data())
            if size > UInt64(edge) {
                try handle.seek(toOffset: max(UInt64(edge), size - UInt64(edge)))
                hasher.update(try handle.readToEnd() ?? Data())
            }
            return hasher.finalizeHex()
        }
    }

    /// Runs `body` on a regular file opened for reading; `nil` for anything else, or when
    /// reading fails. Only regular files: opening a FIFO named x.pdf would block the run.
    private static func withRegularFile(_ path: String, _ body: (FileHandle, UInt64) throws -> String) -> String? {
        // Symbolic links followed; a loop stays a link, which is not a regular file.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = (attributes[.size] as? NSNumber)?.uint64Value,
            let handle = FileHandle(forReadingAtPath: target)
        else { return nil }
        defer { try? handle.close() }
        return try? body(handle, size)
    }
}
