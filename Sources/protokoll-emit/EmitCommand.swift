public import ArgumentParser
import Foundation
public import Logging
import ProtokollModel
import ProtokollSegment

/// `protokoll-emit`: the last pipeline stage. Passes the public records on to stdout, or with
/// `--output DIR` writes one `<file name>.ndjson` per document plus its canonical text as
/// `<file name>.txt`, each written atomically.
@main
struct EmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protokoll-emit",
        abstract: "Write the public records: to stdout, or one file per document with --output.",
        discussion: """
            Usage: … | protokoll-segment | protokoll-emit [--output DIR]. Every line is a v1 \
            record (docs/records.md); the canonical text, which offsets point into, goes to \
            <file name>.txt beside the records when --output is given.

            \(ExitStatus.helpText)
            """
    )

    @Option(help: "Write one <file name>.ndjson and <file name>.txt per document into this directory.")
    var output: String?

    @Option(help: "Log level for stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .notice

    func run() throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        let logger = Logger(label: "protokoll-emit")
        let directory = output.map { URL(fileURLWithPath: $0) }
        if let directory {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                logger.error("cannot create the output directory \(directory.path): \(error.localizedDescription)")
                throw ExitCode(ExitStatus.cannotWrite.rawValue)
            }
        }
        let writer = NDJSONWriter()
        var grouper = DocumentOutput.Grouper()
        var written: [String: String] = [:]
        var lineNumber = 0
        do {
            for line in NDJSONReader() {
                lineNumber += 1
                guard let record = try? NDJSON.decode(PublicRecord.self, from: line) else {
                    logger.error(
                        "stdin line \(lineNumber) is not a public record; is the input from protokoll-segment?")
                    throw ExitCode(ExitStatus.usage.rawValue)
                }
                guard let document = grouper.add(record) else { continue }
                if let directory {
                    // Two different files with one name both keep their output.
                    var base = document.fileName
                    if let other = written[base], other != document.docID {
                        base += "." + document.docID.replacingOccurrences(of: "sha256:", with: "").prefix(8)
                    }
                    written[base] = document.docID
                    try DocumentOutput.write(document, base: base, to: directory)
                } else {
                    for record in document.records { try writer.write(record) }
                }
            }
            if !grouper.leftover.isEmpty {
                logger.error("the input ended inside a document (no canonical_text line); that document is left out")
                throw ExitCode(ExitStatus.someDocumentsFailed.rawValue)
            }
            try writer.flush()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            logger.critical("cannot write output: \(error)")
            throw ExitCode(ExitStatus.cannotWrite.rawValue)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
