import Foundation
import ProtokollExtract
import ProtokollModel

/// One of the runner's worker slots: a long-lived `protokoll worker` child process that runs
/// the whole pipeline for document after document, so a crash, hang or runaway allocation
/// inside poppler or libxml2 costs the document in hand only.
///
/// The child has an address-space limit; the runner holds it to a wall-time limit per document
/// and a stall limit (no word from the worker for too long). A worker that crashes, is killed
/// or has served `documentsPerWorker` documents is replaced by a fresh one for the next
/// document. The worker publishes the output files itself, atomically; for a document whose
/// worker died, this side writes the error records.
///
/// Unchecked `Sendable`: the runner creates and launches each one, then hands it to the one
/// thread that uses it until the run ends; no two threads use it at once.
final class WorkerProcess: @unchecked Sendable {
    /// Documents one worker serves before it is replaced: bounds what a slow leak in a C
    /// library can accumulate, at the cost of one process start per hundred documents.
    static let documentsPerWorker = 100

    /// The least time between a worker's progress replies: a twentieth of the stall limit, at
    /// most a second. A page's OCR is held to 80 % of the stall limit (`PipelineConfig`), so a
    /// working worker is never silent for more than about 85 % of it.
    static func progressSeconds(stallSeconds: Double) -> Double {
        min(1, max(0, stallSeconds / 20))
    }

    /// `WorkerReply.progress` as the worker writes it, without the newline.
    static let progressLine = String(
        decoding: (try? NDJSON.line(WorkerReply.progress))?.dropLast() ?? Data(), as: UTF8.self)

    let executable: URL
    let limits: PipelineConfig.Limits
    let ocr: OCRSettings
    let outputDirectory: URL
    let errorLog: URL
    private var child: Child?

    private struct Child {
        let process: Process
        let requests: FileHandle
        let replies: DescriptorLineReader
        var served = 0
    }

    /// - Parameters:
    ///   - executable: The `protokoll` executable; the worker is its `worker` subcommand.
    ///   - errorLog: Where the worker's stderr goes, read back when a document fails.
    init(executable: URL, limits: PipelineConfig.Limits, ocr: OCRSettings, outputDirectory: URL, errorLog: URL) {
        self.executable = executable
        self.limits = limits
        self.ocr = ocr
        self.outputDirectory = outputDirectory
        self.errorLog = errorLog
    }

    deinit {
        stop()
    }

    /// Has the worker process one document and waits for its result.
    /// - Parameter meanwhile: Runs once the worker has the request, before the wait: the
    ///   runner finishes the previous document's bookkeeping there while the worker reads.
    func run(input: String, outputName: String, meanwhile: () -> Void = {}) -> DocumentResult {
        var result = DocumentResult(input: input, outputName: outputName, status: "ok")
        let errorsBefore = Self.size(of: errorLog)
        switch converse(WorkerRequest(path: input, outputName: outputName), meanwhile: meanwhile) {
        case .answered(let reply):
            result.status = reply.status ?? "crashed"
            result.message = reply.message
            result.pages = reply.pages
            result.ocrPages = reply.ocrPages
        case .stopped(let reason):
            result.status = "timeout"
            result.message = reason
        case .died(let process):
            let errors = Self.text(of: errorLog, from: errorsBefore)
            if Self.ranOutOfMemory(errors) {
                result.status = "oom"
                result.message = "the worker ran out of its \(limits.memoryMB) MiB memory limit"
            } else if process.terminationReason == .uncaughtSignal {
                result.status = "crashed"
                result.message = "the worker died on signal \(process.terminationStatus)"
            } else {
                result.status = "crashed"
                result.message = "the worker exited with \(process.terminationStatus) before finishing the document"
            }
        case .unavailable(let reason):
            result.status = "crashed"
            result.message = "cannot start a worker: \(reason)"
        }
        if ["timeout", "oom", "crashed"].contains(result.status) {
            do {
                try publishFailure(result)
            } catch {
                result.status = "output_failed"
                result.message = "cannot write the output of '\(input)': \(error.localizedDescription)"
            }
        }
        return result
    }

    /// Starts the worker process ahead of the first document, so that it loads while the
    /// runner plans. A worker that cannot start is tried again, and reported, at the first
    /// document.
    func launch() {
        if child == nil { child = try? start() }
    }

    /// Ends the worker: it exits when its stdin closes.
    func stop() {
        guard let child else { return }
        self.child = nil
        try? child.requests.close()
        child.process.waitUntilExit()
    }

    private enum Outcome {
        case answered(WorkerReply)
        case stopped(reason: String)
        case died(Process)
        case unavailable(String)
    }

    /// Sends one request, runs `meanwhile`, and waits for the `done` reply within the limits.
    private func converse(_ request: WorkerRequest, meanwhile: () -> Void) -> Outcome {
        let sent = Result { try send(request) }
        let started = Date()
        meanwhile()
        var child: Child
        switch sent {
        case .success(let running): child = running
        case .failure(let error): return .unavailable(error.localizedDescription)
        }
        var lastWord = started
        while true {
            let now = Date()
            let wallLeft = limits.wallSeconds - now.timeIntervalSince(started)
            let stallLeft = limits.stallSeconds - now.timeIntervalSince(lastWord)
            switch child.replies.next(timeout: max(0, min(wallLeft, stallLeft))) {
            case .line(let text):
                lastWord = Date()
                // Most lines are `progress`, the same bytes each time: they need no JSON decoder.
                if text == Self.progressLine { continue }
                guard let reply = try? NDJSON.decode(WorkerReply.self, from: text), reply.event == "done" else {
                    continue
                }
                child.served += 1
                self.child = child
                if child.served >= Self.documentsPerWorker { stop() }
                return .answered(reply)
            case .timedOut:
                kill(child.process.processIdentifier, SIGKILL)
                discard(child)
                return .stopped(
                    reason: wallLeft <= stallLeft
                        ? "the document took longer than \(limits.wallSeconds) s and was stopped"
                        : "the worker said nothing for \(limits.stallSeconds) s (stalled) and was stopped")
            case .endOfFile:
                discard(child)
                return .died(child.process)
            }
        }
    }

    /// Writes `request` to the worker, starting one when there is none.
    private func send(_ request: WorkerRequest) throws -> Child {
        let line = try NDJSON.line(request)
        var child = try self.child ?? start()
        do {
            try child.requests.write(contentsOf: line)
        } catch {
            // The worker died between documents (its pipe is closed): this document has not
            // reached it, so a fresh worker gets it.
            discard(child)
            child = try start()
            try child.requests.write(contentsOf: line)
        }
        self.child = child
        return child
    }

    private func start() throws -> Child {
        let process = Process()
        process.executableURL = executable
        let extraction = ExtractionLimits(maxFileBytes: limits.fileBytes, maxPages: limits.pages)
        process.arguments = [
            "worker", "--output", outputDirectory.path, "--max-memory-mb", String(limits.memoryMB),
            "--limits", String(decoding: try JSONEncoder().encode(extraction), as: UTF8.self),
            "--ocr-settings", String(decoding: try JSONEncoder().encode(ocr), as: UTF8.self),
            "--progress-seconds", String(Self.progressSeconds(stallSeconds: limits.stallSeconds)),
        ]
        let requests = Pipe()
        let replies = Pipe()
        // Successive workers of this slot append, so the log read back after a failure is
        // the part written since that document was sent.
        let descriptor = open(errorLog.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EACCES) }
        let errors = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? errors.close() }
        process.standardInput = requests
        process.standardOutput = replies
        process.standardError = errors
        // A crash report is useless here and slow to produce; the status says enough.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        // Tesseract's OpenMP reads this once, when the library loads, so it must be in the
        // environment the worker starts with. One thread per worker: the runner already runs
        // one worker per core, and more threads only spin (3× slower here, same output).
        environment["OMP_THREAD_LIMIT"] = "1"
        process.environment = environment
        try process.run()
        return Child(
            process: process, requests: requests.fileHandleForWriting,
            replies: DescriptorLineReader(descriptor: replies.fileHandleForReading.fileDescriptor))
    }

    /// Forgets a dead or killed worker once it has exited.
    private func discard(_ child: Child) {
        self.child = nil
        try? child.requests.close()
        child.process.waitUntilExit()
    }

    /// Writes the error records of a document whose worker died, so it still ends as records.
    private func publishFailure(_ result: DocumentResult) throws {
        let docID = RunPlan.sha256(of: result.input).map(DocumentInfo.docID(forSHA256:))
        let records: [ExtractRecord] = [
            .error(
                ExtractFailure(
                    docID: docID, path: result.input, code: FailureCode(rawValue: result.status) ?? .crashed,
                    message: result.message ?? result.status)),
            .documentEnd(DocumentEnd(docID: docID, path: result.input, status: result.status, records: 0)),
        ]
        try DocumentPublisher.publish(records, as: result.outputName, to: outputDirectory)
    }

    /// Allocation failures as poppler (C++), glibc and the Swift runtime report them.
    static func ranOutOfMemory(_ stderr: String) -> Bool {
        [
            "std::bad_alloc", "Cannot allocate memory", "out of memory", "Could not allocate memory",
            "failed to allocate",
        ]
        .contains { stderr.contains($0) }
    }

    private static func size(of url: URL) -> UInt64 {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? UInt64) ?? 0
    }

    private static func text(of url: URL, from offset: UInt64) -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return "" }
        defer { try? handle.close() }
        try? handle.seek(toOffset: offset)
        return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
    }
}
