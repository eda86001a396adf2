import Foundation
import ProtokollModel
import TestSupport
import Testing

/// `protokoll-extract FILE | protokoll-normalize`, as a user pipes them.
struct NormalizeCommandTests {
    let extract = Executable("protokoll-extract")
    let normalize = Executable("protokoll-normalize")

    @Test(arguments: ExtractCommandTests.samples)
    func sampleMatchesGolden(name: String) throws {
        let extracted = try extract.run(["samples/\(name)"])
        let result = try normalize.run([], input: extracted.stdout)
        #expect(result.status == ExitStatus.ok.rawValue)
        #expect(result.stderr.isEmpty)
        let golden = Fixtures.root.appendingPathComponent("Tests/EndToEndTests/Golden/\(name).normalize.ndjson")
        if let difference = try GoldenFile.compare(result.stdout, with: golden) {
            Issue.record(
                """
                \(name) line \(difference.line) differs from its golden file (RECORD_SNAPSHOTS=1 to re-record)
                expected: \(difference.expected)
                actual:   \(difference.actual)
                """)
        }
    }

    /// A failed document passes through as its error, and the exit code says so.
    @Test func failedDocumentPassesThrough() throws {
        let extracted = try extract.run(["Tests/Fixtures/pdf/encrypted-user.pdf", "samples/lsvo-2021-06-04.docx"])
        let result = try normalize.run([], input: extracted.stdout)
        #expect(result.status == ExitStatus.someDocumentsFailed.rawValue)
        let types = try result.stdoutText.split(separator: "\n").map { line -> String in
            switch try NDJSON.decode(NormalizeRecord.self, from: line) {
            case .error(let failure): "error:\(failure.code.rawValue)"
            case .documentEnd(let end): "end:\(end.status)"
            default: "other"
            }
        }
        #expect(types.filter { $0 != "other" } == ["error:encrypted", "end:encrypted", "end:ok"])
    }

    @Test func inputThatIsNotExtractRecordsIsAUsageError() throws {
        let result = try normalize.run([], input: Data("not json\n".utf8))
        #expect(result.status == ExitStatus.usage.rawValue)
        #expect(result.stderr.contains("stdin line 1 is not an extract record"))
    }

    /// A stream cut off mid-document (a killed extract stage) is reported, not passed on.
    @Test func truncatedStreamIsReported() throws {
        let extracted = try extract.run(["samples/lsvo-2021-06-04.pdf"])
        let lines = extracted.stdoutText.split(separator: "\n")
        let cut = Data((lines.dropLast().joined(separator: "\n") + "\n").utf8)
        let result = try normalize.run([], input: cut)
        #expect(result.status == ExitStatus.someDocumentsFailed.rawValue)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("ended inside a document"))
    }
}
