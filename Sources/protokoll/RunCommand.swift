import ArgumentParser
import Foundation
import Logging
import ProtokollModel
import ProtokollRunner

/// `protokoll run`: processes every configured input in isolated worker processes
/// (`protokoll worker`), and writes one NDJSON file per document into the output directory.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Process the inputs named in pipeline.yml (or on the command line).",
        discussion: """
            Command-line options override the configuration file. A document that fails \
            (encrypted, corrupt, timeout, oom, crashed, …) is written as records with its \
            error and the batch goes on; inputs already done with the same content, pipeline \
            and configuration are skipped. run-summary.json and quarantine.txt in the output \
            directory report every status. The shard also comes from JOB_COMPLETION_INDEX or \
            SLURM_ARRAY_TASK_ID (with N from --shard-count or SLURM_ARRAY_TASK_COUNT).

            \(ExitStatus.helpText)
            """
    )

    @OptionGroup var configOptions: ConfigOptions

    @Option(
        name: .customLong("input"),
        help: "A file, directory or glob to process; repeatable. Replaces the configured inputs.")
    var inputs: [String] = []

    @Option(help: "Documents processed at once (default: one per CPU core).")
    var jobs: Int?

    @Option(help: "Process only shard I of N, e.g. 2/4; documents are assigned by content hash.")
    var shard: String?

    @Option(help: "N for a shard index taken from the environment.")
    var shardCount: Int?

    @Flag(help: "List what would be processed and why (new, changed, unchanged, failed before), and stop.")
    var dryRun = false

    @Option(help: "Log level for stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level?

    func run() throws {
        var settings = try configOptions.load()
        if !inputs.isEmpty {
            settings.inputs = inputs
            settings.manifest = nil
        }
        if let jobs { settings.jobs = jobs }
        if let shard { settings.shard = shard }
        let logger = bootstrapLogging(logLevel ?? Logger.Level(rawValue: settings.logLevel) ?? .notice)
        let selectedShard: Shard?
        if let text = settings.shard {
            guard let parsed = Shard(text) else {
                logger.error("--shard: expected I/N with 0 ≤ I < N, got \(text)")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
            selectedShard = parsed
        } else {
            let environment = ProcessInfo.processInfo.environment
            selectedShard = Shard.fromEnvironment(environment, count: shardCount)
            // An index from the scheduler without a valid N would silently process everything.
            if selectedShard == nil, environment["JOB_COMPLETION_INDEX"] ?? environment["SLURM_ARRAY_TASK_ID"] != nil,
                shardCount != nil || environment["SLURM_ARRAY_TASK_COUNT"] != nil
            {
                logger.error("the shard index from the environment does not fit the shard count")
                throw ExitCode(ExitStatus.usage.rawValue)
            }
        }

        let runner = BatchRunner(
            config: settings, workerExecutable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
        do {
            if dryRun {
                let writer = FileHandle.standardOutput
                for item in try runner.plan(shard: selectedShard) {
                    writer.write(Data("\(item.willRun ? "run" : "skip")\t\(item.reason)\t\(item.path)\n".utf8))
                }
                return
            }
            let summary = try runner.run(shard: selectedShard, logger: logger, progress: Progress(logger: logger))
            let ocr =
                summary.ocrPages > 0
                ? "; \(summary.ocrPages) of \(summary.pages) pages read by OCR in \(summary.documentsWithOCR) documents"
                : ""
            let counts = summary.byStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
                separator: ", ")
            FileHandle.standardError.write(
                Data(
                    """
                    protokoll: \(summary.documents) documents (\(summary.processed) processed, \(summary.skipped) skipped) \
                    in \(summary.wallSeconds) s: \(counts)\(ocr)

                    """.utf8))
            if summary.failed.contains(where: { $0.status == "output_failed" }) {
                throw ExitCode(ExitStatus.cannotWrite.rawValue)
            }
            let failedShare = Double(summary.failed.count) / Double(max(summary.documents, 1))
            if !summary.failed.isEmpty && failedShare > settings.failureThreshold {
                throw ExitCode(ExitStatus.someDocumentsFailed.rawValue)
            }
        } catch BatchRunner.RunError.noInput(let missing) {
            logger.error("no input documents found", metadata: ["missing": "\(missing)"])
            throw ExitCode(ExitStatus.noInput.rawValue)
        } catch BatchRunner.RunError.cannotCreateOutput(let reason) {
            logger.error("cannot use the output directory: \(reason)")
            throw ExitCode(ExitStatus.cannotWrite.rawValue)
        } catch BatchRunner.RunError.busy(let directory) {
            logger.error("another protokoll run is using \(directory)")
            throw ExitCode(ExitStatus.busy.rawValue)
        }
    }

}
