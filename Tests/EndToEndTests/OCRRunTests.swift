import Foundation
import ProtokollModel
import TestSupport
import Testing

/// A scanned protocol through `protokoll run`: read by OCR in a worker, counted apart.
struct OCRRunTests {
    let protokoll = Executable("protokoll")

    private struct Summary: Decodable {
        var pages: Int
        var ocr_pages: Int
        var documents_with_ocr: Int
        var by_status: [String: Int]
    }

    @Test func scannedPagesAreReadInTheWorkerAndCountedApart() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let input = folder.appendingPathComponent("in")
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            let scan = input.appendingPathComponent("scan.pdf")
            let copied = try protokoll.run([
                "scan-copy", Fixtures.sample("orebro-2020-01-31.pdf").path, scan.path, "--dpi", "150", "--first-pages",
                "1",
            ])
            #expect(copied.status == 0)
            try FileManager.default.copyItem(
                at: Fixtures.sample("psvo-2024-03-01.docx"), to: input.appendingPathComponent("psvo.docx"))
            let output = folder.appendingPathComponent("out")

            let result = try protokoll.run(["run", "--input", input.path, "--output", output.path, "--jobs", "1"])
            #expect(result.status == 0)
            #expect(result.stderr.contains("1 of 2 pages read by OCR in 1 documents"))
            let summary = try JSONDecoder().decode(
                Summary.self, from: Data(contentsOf: output.appendingPathComponent("run-summary.json")))
            #expect(summary.ocr_pages == 1)
            #expect(summary.documents_with_ocr == 1)
            #expect(summary.by_status == ["ok": 2])
            let records = try String(contentsOf: output.appendingPathComponent("scan.pdf.ndjson"), encoding: .utf8)
            #expect(records.contains(#""text_layer":"ocr""#))
            #expect(records.contains(#""ocr_confidence":"#))

            // off: the same scan is a document without text, and a new configuration reprocesses it.
            let config = folder.appendingPathComponent("pipeline.yml")
            try Data("inputs: [\(scan.path)]\noutput: \(output.path)\nocr: off\n".utf8).write(to: config)
            let off = try protokoll.run(["run", "--config", config.path])
            #expect(off.status == ExitStatus.someDocumentsFailed.rawValue)
            #expect(off.stderr.contains("no_text 1"))
        }
    }
}
