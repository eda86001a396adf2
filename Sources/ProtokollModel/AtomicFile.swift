public import Foundation

/// Publishes output files atomically: write beside the target under a hidden name, flush to
/// disk, then `rename(2)` over the target. A reader never sees a half-written file, and a
/// killed process leaves at most a hidden temporary behind.
public enum AtomicFile {
    /// The hidden temporary name used for `url` by this process.
    public static func temporaryURL(for url: URL) -> URL {
        url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Writes `data` to `url` atomically.
    public static func write(_ data: Data, to url: URL) throws {
        let temporary = temporaryURL(for: url)
        do {
            try stage(data, at: temporary)
            try commit(temporary, as: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes `data` to the file `temporary` and, unless `flush` is false, flushes it to disk
    /// with one `fsync`: the flush is most of what writing a document's files costs, so
    /// `protokoll run` leaves it to the runner, which flushes while the worker reads the next
    /// document. (`Data.write(to:)` flushes as well, so publishing what it wrote flushed twice.)
    public static func stage(_ data: Data, at temporary: URL, flush: Bool = true) throws {
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw posixError() }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count, let start = buffer.baseAddress {
                let written = Foundation.write(descriptor, start + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw posixError()
                }
                offset += written
            }
        }
        guard !flush || fsync(descriptor) == 0 else { throw posixError() }
    }

    /// Renames a staged temporary over `url`.
    public static func commit(_ temporary: URL, as url: URL) throws {
        guard rename(temporary.path, url.path) == 0 else { throw posixError() }
    }

    /// Flushes a temporary file written some other way and renames it over `url`.
    public static func publish(_ temporary: URL, as url: URL) throws {
        try flush(temporary)
        try commit(temporary, as: url)
    }

    /// Flushes the file or directory at `url` to disk (`fsync`). Flushing a directory makes the
    /// renames into it durable.
    public static func flush(_ url: URL) throws {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw posixError() }
        let flushed = fsync(descriptor) == 0
        let error = posixError()
        close(descriptor)
        guard flushed else { throw error }
    }

    private static func posixError() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}
