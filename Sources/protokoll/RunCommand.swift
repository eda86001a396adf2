public import ArgumentParser
import Foundation
public import Logging
import ProtokollModel
import ProtokollRunner

/// `protokoll run`: processes every configured input, each document in its own worker
/// process, and writes one NDJSON file per document into the output directory.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Process the inputs named in pipeline.yml (or on the command line).",
        discussion: """
            Command-line options override the configuration file. A document that fails \
            (encrypted, corrupt, timeout, crashed, …) is written as an error record and the \
            batch goes on; run-summary.json in the output directory counts every status.

            \(ExitStatus.helpText)
            """
    )

    @Option(help: "The pipeline configuration file.")
    var config = "pipeline.yml"

    @Option(
        name: .customLong("input"), help: "A file or directory to process; repeatable. Replaces the configured inputs.")
    var inputs: [String] = []

    @Option(help: "Output directory.")
    var output: String?

    @Option(help: "Documents processed at once (default: one per CPU core).")
    var jobs: Int?

    @Option(help: "Log level for stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level?

    func run() throws {
        var settings: PipelineConfig
        do {
            settings =
                FileManager.default.fileExists(atPath: config)
                ? try PipelineConfig.load(path: config) : PipelineConfig()
        } catch {
            FileHandle.standardError.write(Data("protokoll: \(error.localizedDescription)\n".utf8))
            throw ExitCode(ExitStatus.badConfiguration.rawValue)
        }
        if !inputs.isEmpty { settings.inputs = inputs }
        if let output { settings.output = output }
        if let jobs { settings.jobs = jobs }
        let level = logLevel ?? Logger.Level(rawValue: settings.logLevel) ?? .notice
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "protokoll")

        let runner = BatchRunner(config: settings, workerExecutable: Self.siblingExecutable("protokoll-extract"))
        let summary: BatchRunner.Summary
        do {
            summary = try runner.run(logger: logger)
        } catch BatchRunner.RunError.noInput(let missing) {
            logger.error("no input documents found", metadata: ["missing": "\(missing)"])
            throw ExitCode(ExitStatus.noInput.rawValue)
        } catch BatchRunner.RunError.cannotCreateOutput(let reason) {
            logger.error("cannot create the output directory: \(reason)")
            throw ExitCode(ExitStatus.cannotWrite.rawValue)
        }
        let counts = summary.byStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        FileHandle.standardError.write(
            Data(
                "protokoll: \(summary.documents) documents in \(summary.wallSeconds) s: \(counts)\n".utf8))
        if !summary.failed.isEmpty {
            throw ExitCode(ExitStatus.someDocumentsFailed.rawValue)
        }
    }

    /// Workers are the stage executables installed beside this one.
    private static func siblingExecutable(_ name: String) -> URL {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent(name)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
