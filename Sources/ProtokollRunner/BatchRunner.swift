public import Foundation
public import Logging
import ProtokollModel
import Synchronization

/// Runs the pipeline over every input document, `jobs` at a time in isolated worker
/// processes, and keeps the ledger, the quarantine list and the run summary.
///
/// A rerun skips what the ledger shows done with the same content, pipeline version and
/// configuration; a run killed at any moment leaves only complete output files and a few
/// documents to redo, so the rerun ends byte-identical to an uninterrupted run.
public struct BatchRunner: Sendable {
    public let config: PipelineConfig
    /// The `protokoll` executable whose `worker` subcommand the workers run.
    public let workerExecutable: URL

    public init(config: PipelineConfig, workerExecutable: URL) {
        self.config = config
        self.workerExecutable = workerExecutable
    }

    /// What a run did, as written to `run-summary.json`.
    public struct Summary: Codable, Sendable, Equatable {
        public struct Failure: Codable, Sendable, Equatable {
            public var path: String
            public var status: String
            public var reason: String?
        }

        public var documents: Int
        public var processed: Int
        public var skipped: Int
        /// Latest status of every input in this run's scope, processed or skipped.
        public var byStatus: [String: Int]
        public var failed: [Failure]
        public var pages: Int
        /// Pages read by OCR, counted apart: each takes seconds where a text page takes
        /// milliseconds, so they explain a slow run.
        public var ocrPages: Int
        /// Processed documents with at least one page read by OCR.
        public var documentsWithOCR: Int
        public var wallSeconds: Double
        public var documentsPerSecond: Double
        public var shard: String?

        enum CodingKeys: String, CodingKey {
            case documents, processed, skipped, failed, pages, shard
            case byStatus = "by_status"
            case ocrPages = "ocr_pages"
            case documentsWithOCR = "documents_with_ocr"
            case wallSeconds = "wall_seconds"
            case documentsPerSecond = "documents_per_second"
        }
    }

    public enum RunError: Error, Equatable {
        case noInput(missing: [String])
        case cannotCreateOutput(String)
        case busy(String)
    }

    /// One line of `--dry-run`: what would happen to an input and why.
    public struct PlannedItem: Sendable, Equatable {
        public var path: String
        public var reason: String
        public var willRun: Bool
    }

    /// Lists what a run would do, without doing it.
    public func plan(shard: Shard?) throws -> [PlannedItem] {
        let (paths, missing) = try discover()
        guard !paths.isEmpty else { throw RunError.noInput(missing: missing) }
        let output = URL(fileURLWithPath: config.output)
        let ledger = try Ledger(directory: output.appendingPathComponent(".protokoll"))
        return RunPlan(
            paths: paths, config: config, shard: shard, ledger: ledger, outputDirectory: output, threads: jobs
        ).documents
            .map {
                PlannedItem(path: $0.path, reason: $0.reason.rawValue, willRun: $0.reason.needsRun)
            }
    }

    /// - Returns: The summary; documents that failed are in it, not thrown.
    /// - Throws: `RunError` when there is nothing to do, nowhere to write, or another run holds
    ///   the output directory.
    public func run(shard: Shard?, logger: Logger, progress: Progress? = nil) throws -> Summary {
        let started = Date()
        let (paths, missing) = try discover()
        for path in missing {
            logger.warning("input does not exist", metadata: ["input.path": "\(path)"])
        }
        guard !paths.isEmpty else { throw RunError.noInput(missing: missing) }

        let output = URL(fileURLWithPath: config.output)
        let state = output.appendingPathComponent(".protokoll")
        let temporary = state.appendingPathComponent("tmp")
        let lock: OutputLock
        do {
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            lock = try OutputLock(directory: state)
            // Leftovers of a killed run: hidden, and removed before anything else.
            try? FileManager.default.removeItem(at: temporary)
            Self.removeStaleTemporaries(in: output)
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        } catch let error as RunError {
            throw error
        } catch {
            throw RunError.cannotCreateOutput("\(config.output): \(error.localizedDescription)")
        }
        defer { lock.release() }
        let ledger = try Ledger(directory: state)
        let jobs = self.jobs
        // The workers start before the inputs are read for the plan, so that they load (tens
        // of milliseconds each) while the runner hashes, not after it with the cores idle. A
        // run with nothing to do pays for those starts, little against reading every input.
        let workers = (0..<min(jobs, paths.count)).map { slot in
            WorkerProcess(
                executable: workerExecutable, limits: config.limits, ocr: config.ocrSettings, outputDirectory: output,
                errorLog: temporary.appendingPathComponent("worker-\(slot).stderr"))
        }
        for worker in workers { worker.launch() }
        let plan = RunPlan(
            paths: paths, config: config, shard: shard, ledger: ledger, outputDirectory: output, threads: jobs)
        let pending = plan.pending
        logger.notice(
            "run started",
            metadata: [
                "documents": "\(plan.documents.count)", "to_process": "\(pending.count)", "jobs": "\(jobs)",
                "shard": "\(shard?.description ?? "all")",
            ])

        // A request to a worker that has just died must fail with EPIPE, not end the runner.
        signal(SIGPIPE, SIG_IGN)
        let results = process(
            pending, workers: workers, output: output, ledger: ledger, logger: logger, progress: progress)
        do {
            return try summarize(
                plan: plan, results: results, ledger: ledger, output: output, shard: shard, started: started)
        } catch {
            // quarantine.txt on a full disk: the documents are accounted for in the ledger.
            throw RunError.cannotCreateOutput("\(config.output): \(error.localizedDescription)")
        }
    }

    /// Documents processed at once: as configured, or one per core this process may use.
    private var jobs: Int { config.jobs > 0 ? config.jobs : AvailableCores.count() }

    private func discover() throws -> (documents: [String], missing: [String]) {
        do {
            return try InputDiscovery.documents(in: config.inputs, manifest: config.manifest)
        } catch {
            throw RunError.noInput(missing: [config.manifest ?? ""])
        }
    }

    /// Fills one thread per worker from one queue; the workers are stopped when it is empty.
    ///
    /// A document's files are flushed to disk and its ledger line written while its worker
    /// already reads the thread's next document: the flushes wait for the disk (a few
    /// milliseconds a document), and a worker waiting with them would leave its core idle. A
    /// document is in the ledger only once its files are on disk, so a run killed at any moment
    /// leaves at most two documents per thread to do again.
    private func process(
        _ documents: [RunPlan.Document], workers: [WorkerProcess], output: URL, ledger: Ledger, logger: Logger,
        progress: Progress?
    ) -> [DocumentResult] {
        let next = Mutex(0)
        let results = Mutex(Finished(all: [DocumentResult?](repeating: nil, count: documents.count)))
        let totalBytes = documents.reduce(0) { $0 + $1.size }
        /// Flushes a finished document's files, enters it in the ledger, logs and counts it.
        let finish: @Sendable (Int, DocumentResult) -> Void = { index, processed in
            let document = documents[index]
            var result = processed
            do {
                try DocumentPublisher.flush(
                    as: document.outputName, in: output, expectFiles: result.status != "output_failed")
            } catch {
                result.status = "output_failed"
                result.message = "cannot flush the output of '\(document.path)' to disk: \(error.localizedDescription)"
            }
            do {
                try ledger.append(
                    Ledger.Entry(
                        key: document.key, sha256: document.sha256, path: document.path,
                        output: document.outputName, status: result.status, reason: result.message))
            } catch {
                logger.error("cannot write the ledger: \(error)", metadata: ["document.path": "\(document.path)"])
            }
            logger.log(
                level: result.status == "ok" ? .info : .warning, "document \(result.status)",
                metadata: [
                    "document.path": "\(result.input)", "reason": "\(result.message ?? "")",
                    "pages": "\(result.pages ?? 0)", "ocr_pages": "\(result.ocrPages ?? 0)",
                ])
            let (done, bytes, ocrPages) = results.withLock { finished -> (Int, UInt64, Int) in
                finished.add(result, at: index, bytes: document.size)
                return (finished.count, finished.bytes, finished.ocrPages)
            }
            progress?.update(
                done: done, total: documents.count,
                share: totalBytes > 0 ? Double(bytes) / Double(totalBytes) : Double(done) / Double(documents.count),
                ocrPages: ocrPages)
        }
        let group = DispatchGroup()
        for worker in workers.dropFirst(documents.count) { worker.stop() }
        for worker in workers.prefix(documents.count) {
            group.enter()
            Thread.detachNewThread {
                var previous: (index: Int, result: DocumentResult)?
                defer {
                    if let previous { finish(previous.index, previous.result) }
                    worker.stop()
                    group.leave()
                }
                while true {
                    let index = next.withLock { value -> Int in
                        defer { value += 1 }
                        return value
                    }
                    guard index < documents.count else { return }
                    let document = documents[index]
                    let result = worker.run(input: document.path, outputName: document.outputName) {
                        if let previous { finish(previous.index, previous.result) }
                    }
                    previous = (index, result)
                }
            }
        }
        group.wait()
        do {
            try ledger.flush()
        } catch {
            logger.error("cannot flush the ledger: \(error)")
        }
        progress?.finish()
        return results.withLock { $0.all.compactMap { $0 } }
    }

    /// The results so far, in input order, with the totals progress reports kept as they
    /// change: a run over a backlog of a hundred thousand documents must not recount them all
    /// after each one.
    private struct Finished {
        var all: [DocumentResult?]
        var count = 0
        var bytes: UInt64 = 0
        var ocrPages = 0

        mutating func add(_ result: DocumentResult, at index: Int, bytes size: UInt64) {
            all[index] = result
            count += 1
            bytes += size
            ocrPages += result.ocrPages ?? 0
        }
    }

    /// Removes the hidden temporaries (`AtomicFile`) a killed worker or run left in `output`.
    private static func removeStaleTemporaries(in output: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(name))
        }
    }

    private func summarize(
        plan: RunPlan, results: [DocumentResult], ledger: Ledger, output: URL, shard: Shard?, started: Date
    ) throws -> Summary {
        let processed = Dictionary(results.map { ($0.input, $0) }, uniquingKeysWith: { first, _ in first })
        var byStatus: [String: Int] = [:]
        var failed: [Summary.Failure] = []
        for document in plan.documents {
            let status = processed[document.path]?.status ?? document.previous?.status ?? "ok"
            byStatus[status, default: 0] += 1
            if status != "ok" {
                let reason = processed[document.path]?.message ?? document.previous?.reason
                failed.append(.init(path: document.path, status: status, reason: reason))
            }
        }
        let wall = Date().timeIntervalSince(started)
        let summary = Summary(
            documents: plan.documents.count, processed: results.count, skipped: plan.documents.count - results.count,
            byStatus: byStatus, failed: failed, pages: results.compactMap(\.pages).reduce(0, +),
            ocrPages: results.compactMap(\.ocrPages).reduce(0, +),
            documentsWithOCR: results.count { ($0.ocrPages ?? 0) > 0 },
            wallSeconds: (wall * 1000).rounded() / 1000,
            documentsPerSecond: wall > 0 ? (Double(results.count) / wall * 100).rounded() / 100 : 0,
            shard: shard?.description)
        try? AtomicFile.write(NDJSON.line(summary), to: output.appendingPathComponent("run-summary.json"))
        try Quarantine(directory: output, copy: config.quarantine.copy).record(failed)
        return summary
    }
}
