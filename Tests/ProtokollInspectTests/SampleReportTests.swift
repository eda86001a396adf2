import Foundation
import ProtokollExtract
import ProtokollModel
import ProtokollSegment
import TestSupport
import Testing

@testable import ProtokollInspect

/// Reports for the real samples, through the whole pipeline and poppler's renderer.
@Suite("Sample reports")
struct SampleReportTests {
    @Test("every page of the PSVO sample is rendered to PNG at the page's size × dpi/72")
    func rendered() throws {
        var pages: [PageRenderer.Page] = []
        try PageRenderer(dpi: 72).render(path: Fixtures.sample("psvo-2024-03-01.pdf").path) { pages.append($0) }
        #expect(pages.map(\.number) == Array(1...7))
        for page in pages {
            #expect(page.png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            #expect(page.pixelWidth == Int(page.width.rounded(.up)))
            #expect(page.pixelHeight == Int(page.height.rounded(.up)))
        }
    }

    @Test("a file that is not a PDF cannot be rendered, with a reason")
    func notPDF() {
        #expect(throws: ExtractionError.self) {
            try PageRenderer().render(path: Fixtures.sample("psvo-2024-03-01.docx").path) { _ in }
        }
    }

    @Test("the PSVO report shows every furniture line with its rule, and loads nothing from outside")
    func psvo() throws {
        let document = try InspectedDocument.read(path: Fixtures.sample("psvo-2024-03-01.pdf").path)
        let html = ReportBuilder().html(for: document)
        let report = ReportHTML(html: html)
        #expect(document.pages.count == 7)
        #expect(document.pages.allSatisfy { $0.png != nil })
        let furniture = document.records.compactMap { record -> FurnitureRecord? in
            if case .furniture(let line) = record { return line }
            return nil
        }
        #expect(furniture.count == document.furniture.count)
        #expect(!furniture.isEmpty)
        for line in furniture {
            let entry = try #require(report.entry(recordID: line.id))
            let boxes = report.boxes.filter { $0.record == entry }
            #expect(boxes.count == 1, "\(line.id)")
            #expect(boxes.first?.tag == line.rule, "\(line.id)")
        }
        for link in report.links {
            #expect(
                link.hasPrefix("data:image/png;base64,") || link.hasPrefix("#"), "external link: \(link.prefix(40))")
        }
        #expect(report.matches(#"<img src="data:image/png;base64,"#).count == 7)
    }

    @Test("a failed document still gets a report that says why")
    func failed() throws {
        let document = try InspectedDocument.read(path: Fixtures.fixture("pdf/encrypted-user.pdf").path)
        #expect(document.status == "encrypted")
        #expect(document.pages.isEmpty)
        let html = ReportBuilder().html(for: document)
        #expect(html.contains("status-bad"))
        #expect(html.contains("it needs a user password"))
    }

    @Test("--index: reports for a run's documents, found by content, and an index worst first")
    func index() throws {
        try Fixtures.withTemporaryDirectory { run in
            for name in ["psvo-2024-03-01.pdf", "psvo-2024-03-01.docx"] {
                let document = try InspectedDocument.read(path: Fixtures.sample(name).path)
                var data = Data()
                for record in document.records { data.append(try NDJSON.line(record)) }
                try data.write(to: run.appendingPathComponent(name + ".ndjson"))
            }
            try Data((RunIndexTests.source("lost.pdf", status: "corrupt") + "\n").utf8)
                .write(to: run.appendingPathComponent("lost.pdf.ndjson"))
            let target = run.appendingPathComponent("inspect")
            // The PDF is found in samples/; the DOCX is not offered, so it gets no report.
            let written = try Inspector(dpi: 50).writeIndex(
                runOutput: run, inputs: [Fixtures.sample("psvo-2024-03-01.pdf").path, "/nonexistent"], to: target)
            #expect(written.entries.first?.outputName == "lost.pdf")
            #expect(written.entries.first?.note == "failed: no report")
            let byName = Dictionary(uniqueKeysWithValues: written.entries.map { ($0.outputName, $0) })
            #expect(byName["psvo-2024-03-01.pdf"]?.report == "psvo-2024-03-01.pdf.html")
            #expect(byName["psvo-2024-03-01.docx"]?.report == nil)
            #expect(byName["psvo-2024-03-01.docx"]?.note == "input not found (give it with --input)")
            #expect(
                FileManager.default.fileExists(atPath: target.appendingPathComponent("psvo-2024-03-01.pdf.html").path))
            let index = try String(contentsOf: written.url, encoding: .utf8)
            #expect(index.contains("<a href=\"psvo-2024-03-01.pdf.html\">psvo-2024-03-01.pdf</a>"))
        }
    }
}
