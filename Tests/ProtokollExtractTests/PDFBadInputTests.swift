import Foundation
import ProtokollExtract
import ProtokollModel
import TestSupport
import Testing

/// Broken and unexpected inputs each end as one error record with a stable code.
struct PDFBadInputTests {
    /// The records of `data` saved as a file called `name`.
    private func extracted(_ data: Data, name: String) throws -> ExtractedDocument {
        try Fixtures.withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent(name)
            try data.write(to: url)
            return try ExtractedDocument(url)
        }
    }

    private func sampleBytes() throws -> Data {
        try Data(contentsOf: Fixtures.sample("psvo-2024-03-01.pdf"))
    }

    @Test(arguments: [0.1, 0.5, 0.9])
    func truncatedPDFIsCorrupt(fraction: Double) throws {
        let bytes = try sampleBytes()
        let document = try extracted(bytes.prefix(Int(Double(bytes.count) * fraction)), name: "truncated.pdf")
        #expect(document.failure?.code == .corrupt)
        #expect(document.kinds == ["document", "error", "document_end"])
    }

    @Test func garbageAfterThePDFHeaderIsCorrupt() throws {
        let document = try extracted(Data("%PDF-1.7\nthis is not a PDF body\n%%EOF\n".utf8), name: "garbage.pdf")
        #expect(document.failure?.code == .corrupt)
    }

    /// Format comes from the bytes: a text file named .pdf is unsupported, and a PDF named
    /// .docx is still read as a PDF.
    @Test func formatIsSniffedNotTakenFromTheName() throws {
        let notPDF = try extracted(Data("Protokoll fört vid sammanträde\n".utf8), name: "protokoll.pdf")
        #expect(notPDF.failure?.code == .unsupportedFormat)
        #expect(notPDF.document?.format == nil)

        let pdf = try extracted(try sampleBytes(), name: "really-a-pdf.docx")
        #expect(pdf.failure == nil)
        #expect(pdf.document?.format == .pdf)
    }

    @Test func emptyFileIsUnsupported() throws {
        let document = try extracted(Data(), name: "empty.pdf")
        #expect(document.failure?.code == .unsupportedFormat)
        #expect(document.failure?.message.contains("empty") == true)
    }

    @Test func missingFileAndDirectoryAreUnreadable() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let directory = folder.appendingPathComponent("x.pdf")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for url in [directory, directory.appendingPathComponent("missing.pdf")] {
                let extracted = try ExtractedDocument(url)
                #expect(extracted.failure?.code == .unreadable)
                #expect(extracted.failure?.docID == nil)
                #expect(extracted.kinds == ["error", "document_end"])
            }
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
