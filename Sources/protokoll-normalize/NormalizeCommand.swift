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
        let outcome: DocumentStream.Outcome
        do {
            outcome = try DocumentStream.forEach(ExtractRecord.self, closes: \.closesDocument) { records in
                let document = ExtractedInput(records: records)
                for normalized in DocumentNormalizer.normalize(document) {
                    try writer.write(normalized)
                }
                return document.failure != nil
            }
            try writer.flush()
        } catch DocumentStream.Failure.notARecord(let line) {
            logger.error("stdin line \(line) is not an extract record; is the input from protokoll-extract?")
            throw ExitCode(ExitStatus.usage.rawValue)
        } catch {
            logger.critical("cannot write to stdout: \(error)")
            throw ExitCode(ExitStatus.cannotWrite.rawValue)
        }
        if outcome.truncated {
            logger.error("the input ended inside a document (no document_end); that document is left out")
        }
        if outcome.failedDocuments > 0 || outcome.truncated {
            throw ExitCode(ExitStatus.someDocumentsFailed.rawValue)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
