import Foundation
import ProtokollModel
import TestSupport
import Testing

/// `protokoll-extract` as a user runs it: stdout, stderr and exit code.
struct ExtractCommandTests {
    let extract = Executable("protokoll-extract")

    static let samples = [
        "psvo-2024-03-01.pdf", "psvo-2024-03-01.docx", "orebro-2020-01-31.pdf",
        "lsvo-2021-06-04.pdf", "lsvo-2021-06-04.docx", "vasterbotten-2024-03-15.pdf",
    ]

    /// The whole extract stream of every sample against its reviewed golden file.
    @Test(arguments: samples)
    func sampleMatchesGolden(name: String) throws {
        let result = try extract.run(["samples/\(name)"])
        #expect(result.status == ExitStatus.ok.rawValue)
        #expect(result.stderr.isEmpty)
        let golden = Fixtures.root.appendingPathComponent("Tests/EndToEndTests/Golden/\(name).extract.ndjson")
        if let difference = try GoldenFile.compare(result.stdout, with: golden) {
            Issue.record(
                """
                \(name) line \(difference.line) differs from its golden file (RECORD_SNAPSHOTS=1 to re-record)
                expected: \(difference.expected)
                actual:   \(difference.actual)
                """)
        }
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        let first = try extract.run(["samples/orebro-2020-01-31.pdf", "samples/psvo-2024-03-01.docx"])
        let second = try extract.run(["samples/orebro-2020-01-31.pdf", "samples/psvo-2024-03-01.docx"])
        #expect(first.stdout == second.stdout)
    }

    /// A bad file among good ones: every file is on stdout, the bad one as an error record and
    /// a readable stderr line, and the exit code says some documents failed.
    @Test func badFileDoesNotStopTheOthers() throws {
        let result = try extract.run([
            "samples/lsvo-2021-06-04.pdf", "Tests/Fixtures/pdf/encrypted-user.pdf", "samples/lsvo-2021-06-04.docx",
        ])
        #expect(result.status == ExitStatus.someDocumentsFailed.rawValue)
        let ends = try result.stdoutText.split(separator: "\n").compactMap { line -> DocumentEnd? in
            if case .documentEnd(let end) = try NDJSON.decode(ExtractRecord.self, from: line) { end } else { nil }
        }
        #expect(ends.map(\.status) == ["ok", "encrypted", "ok"])
        #expect(
            result.stderr == """
                protokoll-extract: encrypted: cannot open PDF 'Tests/Fixtures/pdf/encrypted-user.pdf': it needs a user password

                """)
    }

    @Test func noInputIsExit66() throws {
        let result = try extract.run([])
        #expect(result.status == ExitStatus.noInput.rawValue)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no input files given"))
    }

    @Test func helpListsExitCodes() throws {
        let result = try extract.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("65 some documents failed"))
    }
}
