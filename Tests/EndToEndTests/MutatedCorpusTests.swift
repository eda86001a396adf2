import Foundation
import ProtokollModel
import TestSupport
import Testing

/// A slice of the deterministic mutated corpus (scripts/robustness/mutate.py) through
/// `protokoll run`: truncated, byte-flipped, xref-broken and zip-broken files. The runner
/// finishes, every input ends with a file and a known status, and no worker crashes:
/// a crash is a bug to fix, not an outcome to accept.
struct MutatedCorpusTests {
    let protokoll = Executable("protokoll")
    static let knownStatuses: Set<String> = [
        "ok", "unreadable", "unsupported_format", "encrypted", "corrupt", "too_large", "no_text",
    ]

    @Test func everyMutantIsAccountedFor() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let input = folder.appendingPathComponent("in")
            let made = try Executable(path: "/usr/bin/python3").run([
                "scripts/robustness/mutate.py", "--count", "48", "--seed", "3", input.path,
            ])
            try #require(made.status == 0, "\(made.stderr)")
            let output = folder.appendingPathComponent("out")
            let result = try protokoll.run(["run", "--input", input.path, "--output", output.path])
            #expect([ExitStatus.ok.rawValue, ExitStatus.someDocumentsFailed.rawValue].contains(result.status))

            let summary = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: output.appendingPathComponent("run-summary.json")))
                    as? [String: Any])
            let byStatus = try #require(summary["by_status"] as? [String: Int])
            #expect(byStatus.values.reduce(0, +) == 48)
            #expect(Set(byStatus.keys).isSubset(of: Self.knownStatuses), "\(byStatus)")
            let inputs = try FileManager.default.contentsOfDirectory(atPath: input.path)
            for name in inputs {
                #expect(
                    FileManager.default.fileExists(atPath: output.appendingPathComponent(name + ".ndjson").path),
                    "\(name)")
            }
        }
    }

    /// Inputs that once crashed a worker, kept as files: each must now end as records.
    @Test(
        arguments: try FileManager.default.contentsOfDirectory(atPath: Fixtures.fixture("regressions").path)
            .filter { !$0.hasSuffix(".md") }.sorted())
    func formerCrashersEndAsRecords(name: String) throws {
        let result = try Executable("protokoll-extract").run([Fixtures.fixture("regressions/\(name)").path])
        #expect(
            [ExitStatus.ok.rawValue, ExitStatus.someDocumentsFailed.rawValue].contains(result.status),
            "\(result.stderr)")
        #expect(result.stdoutText.contains(#""type":"document_end""#))
    }
}
