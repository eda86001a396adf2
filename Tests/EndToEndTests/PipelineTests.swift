import Foundation
import ProtokollModel
import TestSupport
import Testing

/// The four stages piped together, as a user runs them: golden public records per sample,
/// and the files `protokoll-emit --output` writes.
struct PipelineTests {
    let extract = Executable("protokoll-extract")
    let normalize = Executable("protokoll-normalize")
    let segment = Executable("protokoll-segment")
    let emit = Executable("protokoll-emit")

    private func publicRecords(_ name: String, emitArguments: [String] = []) throws -> Executable.Result {
        let extracted = try extract.run(["samples/\(name)"])
        let normalized = try normalize.run([], input: extracted.stdout)
        let segmented = try segment.run([], input: normalized.stdout)
        #expect(segmented.status == ExitStatus.ok.rawValue)
        return try emit.run(emitArguments, input: segmented.stdout)
    }

    @Test(arguments: ExtractCommandTests.samples)
    func sampleMatchesGolden(name: String) throws {
        let result = try publicRecords(name)
        #expect(result.status == ExitStatus.ok.rawValue)
        #expect(result.stderr.isEmpty)
        #expect(!result.stdoutText.contains(#""type":"canonical_text""#))
        let golden = Fixtures.root.appendingPathComponent("Tests/EndToEndTests/Golden/\(name).ndjson")
        if let difference = try GoldenFile.compare(result.stdout, with: golden) {
            Issue.record(
                """
                \(name) line \(difference.line) differs from its golden file (RECORD_SNAPSHOTS=1 to re-record)
                expected: \(difference.expected)
                actual:   \(difference.actual)
                """)
        }
    }

    /// With --output: the records and the canonical text side by side; every quote is the
    /// text at its offsets, and the text's hash is the one in source_document.
    @Test func outputDirectoryHoldsRecordsAndCanonicalText() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let result = try publicRecords("psvo-2024-03-01.pdf", emitArguments: ["--output", directory.path])
            #expect(result.status == ExitStatus.ok.rawValue)
            #expect(result.stdout.isEmpty)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            #expect(files == ["psvo-2024-03-01.pdf.ndjson", "psvo-2024-03-01.pdf.txt"])

            let text = try String(
                contentsOf: directory.appendingPathComponent("psvo-2024-03-01.pdf.txt"), encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            let lines = try String(
                contentsOf: directory.appendingPathComponent("psvo-2024-03-01.pdf.ndjson"), encoding: .utf8
            )
            .split(separator: "\n")
            var checked = 0
            for line in lines {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                if object["type"] as? String == "source_document" {
                    #expect(object["text_sha256"] as? String == SHA256.hex(Array(text.utf8)))
                }
                guard object["type"] as? String != "furniture", let prov = object["prov"] as? [String: Any],
                    let start = prov["char_start"] as? Int, let end = prov["char_end"] as? Int, end > start
                else { continue }
                #expect(String(String.UnicodeScalarView(scalars[start..<end])) == prov["quote"] as? String)
                checked += 1
            }
            #expect(checked > 40)
        }
    }

    @Test func sameInputGivesIdenticalRecords() throws {
        let first = try publicRecords("vasterbotten-2024-03-15.pdf")
        let second = try publicRecords("vasterbotten-2024-03-15.pdf")
        #expect(first.stdout == second.stdout)
    }
}
