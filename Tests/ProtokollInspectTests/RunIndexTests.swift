import Foundation
import TestSupport
import Testing

@testable import ProtokollInspect

@Suite("Run index")
struct RunIndexTests {
    static func source(_ name: String, status: String) -> String {
        #"{"byte_size":10,"file_name":"\#(name)","id":"sha256:00000000000000bb","sha256":"ab","status":"\#(status)","type":"source_document","v":1}"#
    }
    static func issue(_ severity: String) -> String {
        #"{"code":"x","message":"went wrong","severity":"\#(severity)","type":"parse_issue","v":1}"#
    }
    static let item = #"{"type":"agenda_item","v":1}"#

    @Test("documents are read by type, and files that are not public records are skipped")
    func read() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let files = [
                "clean.pdf.ndjson": [Self.source("clean.pdf", status: "ok"), Self.item, Self.item],
                "noitems.pdf.ndjson": [Self.source("noitems.pdf", status: "ok")],
                "issues.pdf.ndjson": [
                    Self.source("issues.pdf", status: "ok"), Self.item, Self.issue("warning"), Self.issue("info"),
                ],
                "failed.pdf.ndjson": [Self.source("failed.pdf", status: "encrypted"), Self.issue("error")],
                "old.pdf.extract.ndjson": [#"{"type":"document","v":1}"#],
            ]
            for (name, lines) in files {
                try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent(name))
            }
            let entries = try RunIndex.read(directory: directory)
            #expect(entries.map(\.outputName) == ["clean.pdf", "failed.pdf", "issues.pdf", "noitems.pdf"])
            let failed = try #require(entries.first { $0.outputName == "failed.pdf" })
            #expect(failed.failed)
            #expect(failed.message == "went wrong")
            #expect(failed.counts.errors == 1)
            let issues = try #require(entries.first { $0.outputName == "issues.pdf" })
            #expect(issues.counts.parseIssues == 2)
            #expect(issues.counts.items == 1)

            #expect(
                RunIndex.worstFirst(entries).map(\.outputName) == [
                    "failed.pdf", "issues.pdf", "noitems.pdf", "clean.pdf",
                ])
        }
    }

    @Test("a directory without run output is an error that names it")
    func empty() throws {
        try Fixtures.withTemporaryDirectory { directory in
            #expect(throws: InspectError.noRunOutput(directory: directory.path)) {
                try RunIndex.read(directory: directory)
            }
        }
    }

    @Test("the index links each report and shows why others have none")
    func page() throws {
        var entries = try [
            #require(RunIndex.entry(outputName: "a b#1.pdf", data: Data(Self.source("a b#1.pdf", status: "ok").utf8))),
            #require(RunIndex.entry(outputName: "gone.pdf", data: Data(Self.source("gone.pdf", status: "ok").utf8))),
        ]
        entries[0].report = "a b#1.pdf.html"
        entries[1].note = "input not found (give it with --input)"
        let html = IndexPageBuilder().html(entries: entries, runDirectory: "output")
        #expect(html.contains("<a href=\"a%20b%231.pdf.html\">a b#1.pdf</a>"))
        #expect(html.contains("input not found (give it with --input)"))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }
}
