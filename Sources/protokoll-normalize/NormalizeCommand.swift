public import ArgumentParser
import Foundation
public import Logging
import ProtokollModel
import ProtokollNormalize

/// `protokoll-normalize`: the second pipeline stage. Reads extract records on stdin and writes
/// each document's body as blocks of repaired text, with a `furniture` record for every line
/// it removed (format `protokoll.normalize`, version 1).
@main
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protokoll-normalize",
        abstract: "Remove page furniture and repair text: extract records in, normalize records out.",
        discussion: """
            Usage: protokoll-extract FILE... | protokoll-normalize. Running headers and footers \
            are found by repetition across pages, signature boxes and e-signing pages by their \
            wording; nothing is dropped without a furniture record. See docs/normalize-records.md.

            \(ExitStatus.helpText)
            """
    )

    @Option(help: "Log level for stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .notice

    func run() throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        let logger = Logger(label: "protokoll-normalize")
        let writer = NDJSONWriter()
        var grouper = ExtractStreamGrouper()
        var failures = 0
        var lineNumber = 0
        do {
            for line in NDJSONReader() {
                lineNumber += 1
                let record: ExtractRecord
                do {
                    record = try NDJSON.decode(ExtractRecord.self, from: line)
                } catch {
                    logger.error(
                        "stdin line \(lineNumber) is not an extract record; is the input from protokoll-extract?")
                    throw ExitCode(ExitStatus.usage.rawValue)
                }
                guard let document = grouper.add(record) else { continue }
                if document.failure != nil { failures += 1 }
                for normalized in DocumentNormalizer.normalize(document) {
                    try writer.write(normalized)
                }
            }
            if !grouper.leftover.isEmpty {
                logger.error("the input ended inside a document (no document_end); that document is left out")
                failures += 1
            }
            try writer.flush()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            logger.critical("cannot write to stdout: \(error)")
            throw ExitCode(ExitStatus.cannotWrite.rawValue)
        }
        if failures > 0 {
            throw ExitCode(ExitStatus.someDocumentsFailed.rawValue)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
