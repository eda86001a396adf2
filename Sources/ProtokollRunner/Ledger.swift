public import Foundation
import ProtokollModel

/// What the batch runner knows about every input it has processed: an append-only NDJSON file,
/// `<output>/.protokoll/ledger.ndjson`.
///
/// Why not a database: every change is one appended line, written with `O_APPEND` once the
/// document's output files are on disk. A crash can leave at most one torn last line, which
/// `load` skips, so the worst case after `kill -9` is a few documents (two per worker)
/// processed again — with byte-identical output, since output is deterministic. The latest
/// line for a key wins.
///
/// Lines are flushed to disk (`fsync`) every `linesPerFlush` lines and by `flush()`, not one
/// by one: a line on disk is only ever right, because its document's files were flushed before
/// it was written, and a line lost to a power cut costs its document processed again. On a
/// virtual disk each `fsync` cost the runner about 0.3 ms of CPU time.
public final class Ledger: @unchecked Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        public var v = 1
        /// `sha256|pipeline version|config hash`: what makes an output valid.
        public var key: String
        public var sha256: String?
        public var path: String
        /// Output base name in the output directory.
        public var output: String
        public var status: String
        public var reason: String?

        public init(key: String, sha256: String?, path: String, output: String, status: String, reason: String?) {
            self.key = key
            self.sha256 = sha256
            self.path = path
            self.output = output
            self.status = status
            self.reason = reason
        }
    }

    public let url: URL
    private let lock = NSLock()
    public private(set) var entries: [Entry] = []
    /// At most this many lines wait for a flush: what a power cut can cost.
    static let linesPerFlush = 64
    private var unflushed = 0

    /// Opens (creating when absent) and reads the ledger.
    public init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent("ledger.ndjson")
        if let data = FileManager.default.contents(atPath: url.path) {
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                // A torn line from an interrupted append is skipped, not fatal.
                if let entry = try? NDJSON.decode(Entry.self, from: line) { entries.append(entry) }
            }
            // Cut a torn tail off, so the next append starts on a line of its own.
            if let last = data.last, last != 0x0A {
                let keep = data.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                guard truncate(url.path, off_t(keep)) == 0 else {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
            }
        }
    }

    /// The latest entry per key.
    public var byKey: [String: Entry] {
        Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { _, latest in latest })
    }

    /// The latest entry per input path.
    public var byPath: [String: Entry] {
        Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { _, latest in latest })
    }

    /// Appends an entry, flushing the ledger when `linesPerFlush` lines are not yet on disk.
    public func append(_ entry: Entry) throws {
        let line = try NDJSON.line(entry)
        try lock.withLock {
            let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw Self.posixError() }
            defer { close(descriptor) }
            let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == line.count else { throw Self.posixError() }
            entries.append(entry)
            unflushed += 1
            if unflushed >= Self.linesPerFlush {
                guard fsync(descriptor) == 0 else { throw Self.posixError() }
                unflushed = 0
            }
        }
    }

    /// Flushes the lines appended so far to disk: at the end of a run.
    public func flush() throws {
        try lock.withLock {
            guard unflushed > 0 else { return }
            let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Self.posixError() }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else { throw Self.posixError() }
            unflushed = 0
        }
    }

    private static func posixError() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}
