import Foundation
import Glibc

/// An exclusive lock on an output directory, so two cron runs that overlap cannot write the
/// same files and ledger. The kernel drops it when the process dies, even on `kill -9`.
struct OutputLock {
    private let descriptor: Int32

    init(directory: URL) throws {
        let path = directory.appendingPathComponent("lock").path
        descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EACCES) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw BatchRunner.RunError.busy(directory.deletingLastPathComponent().path)
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
