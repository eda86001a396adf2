public import Foundation
public import Logging

/// Shows how far a run is: a progress bar with ETA on a terminal, a log line every ten
/// seconds otherwise (cron mail and log files get no control characters).
public final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    private let isTerminal: Bool
    private let logger: Logger
    private var lastLog = Date()

    public init(logger: Logger, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.logger = logger
        self.isTerminal = isTerminal
    }

    /// - Parameters:
    ///   - share: The part of the work done, 0 to 1, which the ETA follows. The runner counts
    ///     it in bytes: it hands out the largest documents first, so the first tenth of the
    ///     documents is far more than a tenth of the work.
    ///   - ocrPages: Pages read by OCR so far, shown apart because they are the slow path: a
    ///     run crawling through a scanned archive says so.
    func update(done: Int, total: Int, share: Double, ocrPages: Int = 0) {
        lock.withLock {
            let elapsed = Date().timeIntervalSince(started)
            let remaining = share > 0 ? elapsed / share * max(0, 1 - share) : 0
            let eta = String(format: "%d:%02d", Int(remaining) / 60, Int(remaining) % 60)
            if isTerminal {
                let width = 30
                let filled = total > 0 ? width * done / total : width
                let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
                let ocr = ocrPages > 0 ? " OCR pages \(ocrPages)" : ""
                FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)\(ocr) ETA \(eta) ".utf8))
            } else if Date().timeIntervalSince(lastLog) >= 10 || done == total {
                lastLog = Date()
                logger.notice(
                    "progress",
                    metadata: ["done": "\(done)", "total": "\(total)", "ocr_pages": "\(ocrPages)", "eta": "\(eta)"])
            }
        }
    }

    func finish() {
        if isTerminal { lock.withLock { FileHandle.standardError.write(Data("\n".utf8)) } }
    }
}
