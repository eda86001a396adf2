import Foundation
import ProtokollModel
import TestSupport
import Testing

/// `protokoll worker` as the runner drives it: one request line in, progress and a `done`
/// reply out, the output files published.
struct WorkerProtocolTests {
    let protokoll = Executable("protokoll")

    /// The replies to one request for the 11-page Västerbotten sample, and whether the
    /// worker published the document's records.
    private func replies(progressSeconds: String?) throws -> (events: [String], published: Bool) {
        try Fixtures.withTemporaryDirectory { output in
            let input = Fixtures.sample("vasterbotten-2024-03-15.pdf").path
            let request = "{\"output_name\":\"v.pdf\",\"path\":\"\(input)\"}\n"
            var arguments = ["worker", "--output", output.path]
            if let progressSeconds { arguments += ["--progress-seconds", progressSeconds] }
            let result = try protokoll.run(arguments, input: Data(request.utf8))
            #expect(result.status == 0, "\(result.stderr)")
            let events = try result.stdoutText.split(separator: "\n").map { line in
                let reply = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return reply?["event"] as? String ?? ""
            }
            let published = FileManager.default.fileExists(atPath: output.appendingPathComponent("v.pdf.ndjson").path)
            return (events, published)
        }
    }

    @Test func everyPageIsReportedByDefault() throws {
        let (events, published) = try replies(progressSeconds: nil)
        #expect(events == Array(repeating: "progress", count: 11 + 1) + ["done"])
        #expect(published)
    }

    /// Pages that end within the interval since the last reply go unreported; the reply after
    /// extraction and the `done` always come.
    @Test func pagesWithinTheIntervalAreNotReported() throws {
        let (events, published) = try replies(progressSeconds: "60")
        #expect(events == ["progress", "done"])
        #expect(published)
    }
}
