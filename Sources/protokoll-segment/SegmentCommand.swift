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
        var pending: [NormalizeRecord] = []
        var failures = 0
        var lineNumber = 0
        do {
            for line in NDJSONReader() {
                lineNumber += 1
                guard let record = try? NDJSON.decode(NormalizeRecord.self, from: line) else {
                    logger.error(
                        "stdin line \(lineNumber) is not a normalize record; is the input from protokoll-normalize?")
                    throw ExitCode(ExitStatus.usage.rawValue)
                }
                pending.append(record)
                guard case .documentEnd(let end) = record else { continue }
                if end.status != "ok" { failures += 1 }
                for output in DocumentSegmenter.segment(pending, options: options) {
                    try writer.write(output)
                }
                pending = []
            }
            if !pending.isEmpty {
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
