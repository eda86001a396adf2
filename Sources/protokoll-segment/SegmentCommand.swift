public import ArgumentParser
import Foundation
public import Logging
import ProtokollModel
import ProtokollSegment

/// `protokoll-segment`: the third pipeline stage. Reads normalize records on stdin and writes
/// each document's public records (v1: meeting, participants, items, decisions, votes,
/// statements, signatures, furniture, parse issues) and its canonical text.
@main
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protokoll-segment",
        abstract: "Find meetings, items, decisions, votes and attendance: normalize records in, public records out.",
        discussion: """
            Usage: protokoll-extract FILE | protokoll-normalize | protokoll-segment | protokoll-emit. \
            The records are described in docs/records.md and schema/v1/.

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
        let logger = Logger(label: "protokoll-segment")
        let options = DocumentSegmenter.Options()
        let writer = NDJSONWriter()
        let outcome: DocumentStream.Outcome
        do {
            outcome = try DocumentStream.forEach(NormalizeRecord.self, closes: \.closesDocument) { records in
                for output in DocumentSegmenter.segment(records, options: options) {
                    try writer.write(output)
                }
                guard case .documentEnd(let end)? = records.last else { return true }
                return end.status != "ok"
            }
            try writer.flush()
        } catch DocumentStream.Failure.notARecord(let line) {
            logger.error("stdin line \(line) is not a normalize record; is the input from protokoll-normalize?")
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
