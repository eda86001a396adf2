import Foundation
import ProtokollModel
import ProtokollNormalize
import ProtokollSegment

/// Runs one document through the pipeline: `protokoll-extract` in a child process, so a crash
/// or hang inside poppler or libxml2 costs that document only, then normalization and
/// segmentation (pure Swift) in this process on the child's records.
///
/// The child's stdout goes to a hidden temporary file in the output directory; the public
/// records and canonical text are published with `AtomicFile`, so a reader of the output
/// directory never sees a partial file.
struct WorkerProcess {
    let executable: URL
    let limits: PipelineConfig.Limits
    let outputDirectory: URL

    func run(input: String, outputName: String) -> DocumentResult {
        let final = outputDirectory.appendingPathComponent(outputName + ".ndjson")
        let temporary = AtomicFile.temporaryURL(for: outputDirectory.appendingPathComponent(outputName + ".extract"))
        defer { try? FileManager.default.removeItem(at: temporary) }
        var result = DocumentResult(input: input, outputName: outputName, status: "ok")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw POSIXError(.EACCES)
            }
            let sink = try FileHandle(forWritingTo: temporary)
            defer { try? sink.close() }
            let process = Process()
            process.executableURL = executable
            process.arguments = [
                "--max-file-bytes", String(limits.fileBytes), "--max-pages", String(limits.pages), "--", input,
            ]
            process.standardOutput = sink
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let timedOut = wait(for: process, seconds: limits.wallSeconds)
            try sink.synchronize()

            if timedOut {
                result.status = "timeout"
                result.message = "extraction took longer than \(limits.wallSeconds) s and was stopped"
            } else if process.terminationReason == .uncaughtSignal {
                result.status = "crashed"
                result.message = "the extract worker died on signal \(process.terminationStatus)"
            } else if let end = Self.lastRecord(of: temporary) {
                result.status = end.status
            } else {
                result.status = "crashed"
                result.message = "the extract worker exited with \(process.terminationStatus) and an incomplete stream"
            }
            if result.status == "timeout" || result.status == "crashed" {
                try Self.writeFailure(result, to: temporary)
            }
            try publish(extracted: temporary, as: outputName)
        } catch {
            result.status = "output_failed"
            result.message = "cannot write '\(final.path)': \(error.localizedDescription)"
        }
        return result
    }

    /// Normalizes and segments the worker's records and writes `<name>.ndjson` and
    /// `<name>.txt`.
    private func publish(extracted: URL, as name: String) throws {
        var grouper = ExtractStreamGrouper()
        var reader = NDJSONReader(handle: try FileHandle(forReadingFrom: extracted))
        while let line = reader.next() {
            let record = try NDJSON.decode(ExtractRecord.self, from: line)
            guard let document = grouper.add(record) else { continue }
            let records = DocumentSegmenter.segment(DocumentNormalizer.normalize(document))
            var output = DocumentOutput.Grouper()
            for record in records {
                if let complete = output.add(record) {
                    try DocumentOutput.write(complete, base: name, to: outputDirectory)
                }
            }
        }
    }

    /// Polls the child until it exits or the deadline passes; then SIGTERM, and SIGKILL two
    /// seconds later for a worker stuck where SIGTERM cannot reach it.
    /// - Returns: Whether the worker was stopped for taking too long.
    private func wait(for process: Process, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() >= deadline {
                process.terminate()
                let killAt = Date().addingTimeInterval(2)
                while process.isRunning && Date() < killAt { usleep(20_000) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                return true
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        return false
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
        let docID = try? fileDocID(result.input)
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

    private static func fileDocID(_ path: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var hasher = SHA256()
        data.withUnsafeBytes { hasher.update(buffer: $0) }
        return DocumentInfo.docID(forSHA256: hasher.finalizeHex())
    }
}
