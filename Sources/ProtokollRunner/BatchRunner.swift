public import Foundation
public import Logging
import ProtokollModel
import Synchronization

/// Runs the pipeline over every input document, `jobs` at a time, each in its own worker
/// process, and writes one NDJSON file per document plus `run-summary.json`.
public struct BatchRunner: Sendable {
    public let config: PipelineConfig
    /// The `protokoll-extract` executable the workers run.
    public let workerExecutable: URL

    public init(config: PipelineConfig, workerExecutable: URL) {
        self.config = config
        self.workerExecutable = workerExecutable
    }

    /// What a run did, as written to `run-summary.json`.
    public struct Summary: Codable, Sendable, Equatable {
        public var documents: Int
        public var byStatus: [String: Int]
        public var failed: [String]
        public var wallSeconds: Double

        enum CodingKeys: String, CodingKey {
            case documents, failed
            case byStatus = "by_status"
            case wallSeconds = "wall_seconds"
        }
    }

    public enum RunError: Error, Equatable {
        case noInput(missing: [String])
        case cannotCreateOutput(String)
    }

    /// - Returns: The summary; documents that failed are in it, not thrown.
    /// - Throws: `RunError` when there is nothing to do or nowhere to write.
    public func run(logger: Logger) throws -> Summary {
        let started = Date()
        let (documents, missing) = InputDiscovery.documents(in: config.inputs)
        for path in missing {
            logger.warning("input does not exist", metadata: ["input.path": "\(path)"])
        }
        guard !documents.isEmpty else { throw RunError.noInput(missing: missing) }

        let output = URL(fileURLWithPath: config.output)
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw RunError.cannotCreateOutput("\(config.output): \(error.localizedDescription)")
        }
        let worker = WorkerProcess(executable: workerExecutable, limits: config.limits, outputDirectory: output)
        let names = Self.outputNames(for: documents)
        let jobs = config.jobs > 0 ? config.jobs : ProcessInfo.processInfo.activeProcessorCount
        logger.notice("run started", metadata: ["documents": "\(documents.count)", "jobs": "\(jobs)"])

        let next = Mutex(0)
        let results = Mutex([DocumentResult?](repeating: nil, count: documents.count))
        let group = DispatchGroup()
        for _ in 0..<min(jobs, documents.count) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while true {
                    let index = next.withLock { value -> Int in
                        defer { value += 1 }
                        return value
                    }
                    guard index < documents.count else { return }
                    let result = worker.run(input: documents[index], outputName: names[index])
                    let level: Logger.Level = result.status == "ok" ? .info : .warning
                    logger.log(
                        level: level, "document \(result.status)",
                        metadata: ["document.path": "\(result.input)", "reason": "\(result.message ?? "")"])
                    results.withLock { $0[index] = result }
                }
            }
        }
        group.wait()

        let finished = results.withLock { $0.compactMap { $0 } }
        var byStatus: [String: Int] = [:]
        for result in finished { byStatus[result.status, default: 0] += 1 }
        let summary = Summary(
            documents: finished.count, byStatus: byStatus,
            failed: finished.filter { $0.status != "ok" }.map(\.input),
            wallSeconds: (Date().timeIntervalSince(started) * 1000).rounded() / 1000)
        try? AtomicFile.write(NDJSON.line(summary), to: output.appendingPathComponent("run-summary.json"))
        return summary
    }

    /// One output name per document: its file name (the runner adds `.ndjson` and `.txt`);
    /// documents that share a file name get their parent folders joined in front.
    static func outputNames(for documents: [String]) -> [String] {
        let fileNames = documents.map { ($0 as NSString).lastPathComponent }
        var counts: [String: Int] = [:]
        for name in fileNames { counts[name, default: 0] += 1 }
        return zip(documents, fileNames).map { path, name in
            let stem =
                counts[name] == 1
                ? name
                : path.split(separator: "/").filter { $0 != "." && $0 != ".." }.joined(separator: "__")
            return stem
        }
    }
}
