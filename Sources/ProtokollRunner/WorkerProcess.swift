import Foundation
import ProtokollModel
import ProtokollNormalize
import ProtokollSegment

/// Runs one document through the pipeline: `protokoll-extract` in a child process, so a crash,
/// hang or runaway allocation inside poppler or libxml2 costs that document only, then
/// normalization and segmentation (pure Swift) in this process on the child's records.
///
/// The child gets a fresh process per document (nothing leaks from one file to the next), an
/// address-space limit, a wall-time limit and a stall limit (no record written for too long).
/// Its stdout and stderr go to files in `<output>/.protokoll/tmp/`; the public records and
/// canonical text are published with `AtomicFile`, so the output directory never shows a
/// partial file.
struct WorkerProcess: Sendable {
    let executable: URL
    let limits: PipelineConfig.Limits
    let outputDirectory: URL
    let temporaryDirectory: URL

    func run(input: String, outputName: String) -> DocumentResult {
        let stdoutURL = temporaryDirectory.appendingPathComponent(outputName + ".extract")
        let stderrURL = temporaryDirectory.appendingPathComponent(outputName + ".stderr")
        defer {
            try? FileManager.default.removeItem(at: stdoutURL)
            try? FileManager.default.removeItem(at: stderrURL)
        }
        var result = DocumentResult(input: input, outputName: outputName, status: "ok")
        do {
            let process = Process()
            process.executableURL = executable
            process.arguments = [
                "--max-file-bytes", String(limits.fileBytes), "--max-pages", String(limits.pages),
                "--max-memory-mb", String(limits.memoryMB), "--", input,
            ]
            let stdout = try Self.create(stdoutURL)
            let stderr = try Self.create(stderrURL)
            defer {
                try? stdout.close()
                try? stderr.close()
            }
            process.standardOutput = stdout
            process.standardError = stderr
            process.standardInput = FileHandle.nullDevice
            // A crash report is useless here and slow to produce; the status says enough.
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFT_BACKTRACE"] = "enable=no"
            process.environment = environment
            try process.run()
            let stop = wait(for: process, watching: stdoutURL)
            let errors = String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self)

            if let stop {
                result.status = "timeout"
                result.message = stop
            } else if Self.ranOutOfMemory(errors) {
                result.status = "oom"
                result.message = "the extract worker ran out of its \(limits.memoryMB) MiB memory limit"
            } else if process.terminationReason == .uncaughtSignal {
                result.status = "crashed"
                result.message = "the extract worker died on signal \(process.terminationStatus)"
            } else if let end = Self.lastRecord(of: stdoutURL) {
                result.status = end.status
                if end.status != "ok" {
                    result.message = errors.split(separator: "\n").last { $0.hasPrefix("protokoll-extract:") }.map(
                        String.init)
                }
            } else {
                result.status = "crashed"
                result.message = "the extract worker exited with \(process.terminationStatus) and an incomplete stream"
            }
            if ["timeout", "oom", "crashed"].contains(result.status) {
                try Self.writeFailure(result, to: stdoutURL)
            }
            result.pages = try publish(extracted: stdoutURL, as: outputName)
        } catch {
            result.status = "output_failed"
            result.message = "cannot write the output of '\(input)': \(error.localizedDescription)"
        }
        return result
    }

    /// Normalizes and segments the worker's records and writes `<name>.ndjson` and
    /// `<name>.txt`. - Returns: The document's page count, if known.
    private func publish(extracted: URL, as name: String) throws -> Int? {
        var pages: Int?
        _ = try DocumentStream.forEach(
            ExtractRecord.self, from: NDJSONReader(handle: try FileHandle(forReadingFrom: extracted)),
            closes: \.closesDocument
        ) { records in
            let document = ExtractedInput(records: records)
            pages = document.document?.pageCount
            var output = DocumentOutput.Grouper()
            for record in DocumentSegmenter.segment(DocumentNormalizer.normalize(document)) {
                if let complete = output.add(record) {
                    try DocumentOutput.write(complete, base: name, to: outputDirectory)
                }
            }
            return document.failure != nil
        }
        return pages
    }

    /// Polls the child until it exits. Past the wall-time limit, or when its output has not
    /// grown for the stall limit, it gets SIGTERM and, two seconds later, SIGKILL.
    /// - Returns: Why the worker was stopped, or `nil` when it finished by itself.
    private func wait(for process: Process, watching output: URL) -> String? {
        let started = Date()
        var lastSize: UInt64 = 0
        var lastGrowth = started
        while process.isRunning {
            let now = Date()
            let size = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? UInt64) ?? 0
            if size != lastSize {
                lastSize = size
                lastGrowth = now
            }
            var reason: String?
            if now.timeIntervalSince(started) >= limits.wallSeconds {
                reason = "extraction took longer than \(limits.wallSeconds) s and was stopped"
            } else if now.timeIntervalSince(lastGrowth) >= limits.stallSeconds {
                reason = "extraction wrote nothing for \(limits.stallSeconds) s (stalled) and was stopped"
            }
            if let reason {
                process.terminate()
                let killAt = Date().addingTimeInterval(2)
                while process.isRunning && Date() < killAt { usleep(20_000) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                return reason
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        return nil
    }

    /// Allocation failures as poppler (C++), glibc and the Swift runtime report them.
    static func ranOutOfMemory(_ stderr: String) -> Bool {
        [
            "std::bad_alloc", "Cannot allocate memory", "out of memory", "Could not allocate memory",
            "failed to allocate",
        ]
        .contains { stderr.contains($0) }
    }

    private static func create(_ url: URL) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EACCES)
        }
        return try FileHandle(forWritingTo: url)
    }

    /// The closing `document_end` of a worker's stream, or `nil` when the stream stops early.
    private static func lastRecord(of url: URL) -> DocumentEnd? {
        guard let data = try? Data(contentsOf: url),
            let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
            case .documentEnd(let end)? = try? NDJSON.decode(ExtractRecord.self, from: line)
        else { return nil }
        return end
    }

    /// Replaces a dead worker's partial stream with an error record and a closing record, so
    /// the document still ends as records.
    private static func writeFailure(_ result: DocumentResult, to url: URL) throws {
        let docID = RunPlan.sha256(of: result.input).map(DocumentInfo.docID(forSHA256:))
        var data = try NDJSON.line(
            ExtractRecord.error(
                ExtractFailure(
                    docID: docID, path: result.input, code: FailureCode(rawValue: result.status) ?? .crashed,
                    message: result.message ?? result.status)))
        data.append(
            try NDJSON.line(
                ExtractRecord.documentEnd(
                    DocumentEnd(
                        docID: docID, path: result.input, status: result.status, records: 0))))
        try data.write(to: url)
    }
}
