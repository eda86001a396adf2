import ProtokollModel
import TestSupport
import Testing

@testable import ProtokollExtract

/// A PDF/A export is read with its colour conversions built once, not for every page, and
/// reads the same as the same document exported without the PDF/A output intent.
struct ColourTransformCacheTests {
    @Test func aPDFAExportReusesItsColourConversionsAndReadsAsThePlainExport() throws {
        let before = ColourTransformCache.hits
        let archival = try ExtractedDocument(Fixtures.fixture("pdf/pdfa-libreoffice.pdf"))
        let after = ColourTransformCache.hits
        #expect(archival.failure == nil)
        #expect(archival.pages.count == 7)
        // poppler asks for the output intent's conversions again on every page after the
        // first. Without the cache nothing is ever handed back; other tests reading PDFs at
        // the same time can only add to the count.
        #expect(after - before >= 6)

        let plain = try ExtractedDocument(Fixtures.sample("lsvo-2021-06-04.pdf"))
        #expect(archival.lines.map(\.text) == plain.lines.map(\.text))
        #expect(archival.lines.map(\.page) == plain.lines.map(\.page))
    }
}
