import CoreFoundation  // `stat`'s fields resolve there under MemberImportVisibility
import Foundation
import Glibc
import ProtokollModel

/// What a run will do with each input, decided before any work starts: its content hash and
/// ledger key, its output name, and whether it needs processing and why.
///
/// The inputs are read `threads` at a time: until the plan is made no worker runs, so reading
/// them one by one would leave every core but one idle for as long as that takes.
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
        /// Bytes; 0 when the file cannot be read.
        var size: UInt64
        var key: String
        var outputName: String
        var reason: Reason
        /// The ledger's entry when the document is skipped.
        var previous: Ledger.Entry?
    }

    var documents: [Document]

    /// The documents to process, largest first, so that no long document is left to run
    /// alone at the end while the other workers have nothing to do; equal sizes in input
    /// order.
    var pending: [Document] {
        documents.enumerated().filter { $0.element.reason.needsRun }
            .sorted { ($0.element.size, $1.offset) > ($1.element.size, $0.offset) }
            .map(\.element)
    }

    init(
        paths: [String], config: PipelineConfig, shard: Shard?, ledger: Ledger, outputDirectory: URL, threads: Int = 1
    ) {
        let names = Self.outputNames(for: paths)
        let byKey = ledger.byKey
        let byPath = ledger.byPath
        let byKeyAndPath = Dictionary(
            ledger.entries.map { ($0.key + "\n" + $0.path, $0) }, uniquingKeysWith: { _, latest in latest })
        let contents = paths.concurrentMap(threads: threads) { path -> Content? in
            if let shard, !shard.contains(sha256: Self.shardKey(of: path) ?? SHA256.hex(Array(path.utf8))) {
                return nil
            }
            return Self.content(of: path) ?? Content(sha256: nil, size: 0)
        }
        var documents: [Document] = []
        for (path, (name, content)) in zip(paths, zip(names, contents)) {
            guard let content else { continue }
            let sha256 = content.sha256
            let key = [sha256 ?? "path:" + path, PipelineVersion.current, config.configHash].joined(separator: "|")
            var document = Document(
                path: path, sha256: sha256, size: content.size, key: key, outputName: name, reason: .new)
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

    /// A file's content hash and size.
    struct Content: Sendable {
        var sha256: String?
        var size: UInt64
    }

    /// The SHA-256 of a file, streamed; `nil` when it cannot be read (the worker then
    /// records why).
    static func sha256(of path: String) -> String? {
        content(of: path)?.sha256
    }

    /// The content hash and size of a regular file, streamed through one buffer; `nil` for
    /// anything else, or when reading fails.
    static func content(of path: String) -> Content? {
        withRegularFile(path) { file, size in
            var hasher = SHA256()
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 17, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let count = read(file, buffer.baseAddress, buffer.count)
                if count == 0 { break }
                if count < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                hasher.update(buffer: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            }
            return Content(sha256: hasher.finalizeHex(), size: size)
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
        return withRegularFile(path) { file, size in
            var hasher = SHA256()
            hasher.update(Array(String(size).utf8))
            guard let head = bytes(of: file, at: 0, count: edge) else { return nil }
            hasher.update(head)
            if size > UInt64(edge) {
                let start = max(UInt64(edge), size - UInt64(edge))
                guard let tail = bytes(of: file, at: start, count: Int(size - start)) else { return nil }
                hasher.update(tail)
            }
            return hasher.finalizeHex()
        }
    }

    /// Up to `count` bytes of an open file from `offset`, fewer at its end; `nil` when reading
    /// fails.
    private static func bytes(of file: Int32, at offset: UInt64, count: Int) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = 0
            while filled < count {
                let read = pread(file, buffer.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
                if read < 0 && errno == EINTR { continue }
                if read <= 0 {
                    failed = read < 0
                    return
                }
                filled += read
            }
        }
        return failed ? nil : bytes
    }

    /// Runs `body` on a regular file opened for reading, with its size; `nil` for anything
    /// else, or when it cannot be opened. Only regular files: reading a FIFO named x.pdf would
    /// block the run, so it is opened without waiting for a writer and then refused. Symbolic
    /// links are followed; a loop fails to open.
    private static func withRegularFile<T>(_ path: String, _ body: (Int32, UInt64) -> T?) -> T? {
        let file = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var status = Glibc.stat()
        guard fstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return body(file, UInt64(status.st_size))
    }
}
