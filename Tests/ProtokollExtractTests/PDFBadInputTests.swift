import Foundation
import ProtokollExtract
import ProtokollModel
import TestSupport
import Testing

/// Broken and unexpected inputs each end as one error record with a stable code.
struct PDFBadInputTests {
    private func write(_ data: Data, name: String) throws -> URL {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    private func sampleBytes() throws -> Data {
        try Data(contentsOf: Fixtures.sample("psvo-2024-03-01.pdf"))
    }

    @Test(arguments: [0.1, 0.5, 0.9])
    func truncatedPDFIsCorrupt(fraction: Double) throws {
        let bytes = try sampleBytes()
        let url = try write(bytes.prefix(Int(Double(bytes.count) * fraction)), name: "truncated.pdf")
        let extracted = try ExtractedDocument(url)
        #expect(extracted.failure?.code == .corrupt)
        #expect(extracted.kinds == ["document", "error", "document_end"])
    }

    @Test func garbageAfterThePDFHeaderIsCorrupt() throws {
        let url = try write(Data("%PDF-1.7\nthis is not a PDF body\n%%EOF\n".utf8), name: "garbage.pdf")
        #expect(try ExtractedDocument(url).failure?.code == .corrupt)
    }

    /// Format comes from the bytes: a text file named .pdf is unsupported, and a PDF named
    /// .docx is still read as a PDF.
    @Test func formatIsSniffedNotTakenFromTheName() throws {
        let text = try write(Data("Protokoll fört vid sammanträde\n".utf8), name: "protokoll.pdf")
        let notPDF = try ExtractedDocument(text)
        #expect(notPDF.failure?.code == .unsupportedFormat)
        #expect(notPDF.document?.format == nil)

        let renamed = try write(try sampleBytes(), name: "really-a-pdf.docx")
        let pdf = try ExtractedDocument(renamed)
        #expect(pdf.failure == nil)
        #expect(pdf.document?.format == .pdf)
    }

    @Test func emptyFileIsUnsupported() throws {
        let extracted = try ExtractedDocument(try write(Data(), name: "empty.pdf"))
        #expect(extracted.failure?.code == .unsupportedFormat)
        #expect(extracted.failure?.message.contains("empty") == true)
    }

    @Test func missingFileAndDirectoryAreUnreadable() throws {
        let directory = try Fixtures.temporaryDirectory().appendingPathComponent("x.pdf")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for url in [directory, directory.appendingPathComponent("missing.pdf")] {
            let extracted = try ExtractedDocument(url)
            #expect(extracted.failure?.code == .unreadable)
            #expect(extracted.failure?.docID == nil)
            #expect(extracted.kinds == ["error", "document_end"])
        }
    }

    @Test func limitsGiveTooLarge() throws {
        var bytesLimit = ExtractionLimits()
        bytesLimit.maxFileBytes = 1000
        #expect(
            try ExtractedDocument(Fixtures.sample("psvo-2024-03-01.pdf"), limits: bytesLimit).failure?.code == .tooLarge
        )

        var pagesLimit = ExtractionLimits()
        pagesLimit.maxPages = 2
        let extracted = try ExtractedDocument(Fixtures.sample("psvo-2024-03-01.pdf"), limits: pagesLimit)
        #expect(extracted.failure?.code == .tooLarge)
        #expect(extracted.failure?.message.contains("7 pages") == true)
    }
}
