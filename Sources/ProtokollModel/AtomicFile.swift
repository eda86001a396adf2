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
            try data.write(to: temporary)
            try publish(temporary, as: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Flushes a finished temporary file and renames it over `url`.
    public static func publish(_ temporary: URL, as url: URL) throws {
        let descriptor = open(temporary.path, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }
}
