import ProtokollExtract
import ProtokollModel
import TestSupport
import Testing

/// Which pages with too little text layer `ocr: auto` reads: only those that show something
/// beside their text lines. `thin-pages.pdf` has a text page, an empty page, a page with only
/// its underlined number, a page with its number and a picture of typed lines, and a page
/// turned a quarter with only its number.
struct ThinPageOCRTests {
    private static func extract(_ settings: OCRSettings) throws -> ExtractedDocument {
        let extracted = try ExtractedDocument(Fixtures.fixture("pdf/thin-pages.pdf"), ocr: settings)
        #expect(extracted.failure == nil)
        return extracted
    }

    @Test func onlyThePageWithAPictureBesideItsNumberIsReadByOCR() throws {
        let extracted = try Self.extract(OCRSettings(mode: .auto, dpi: 200))
        let (pages, lines) = (extracted.pages, extracted.lines)
        #expect(pages.map(\.textLayer) == [nil, nil, nil, "ocr", nil])
        #expect(pages.map(\.hasText) == [true, false, true, true, true])
        // The numbers keep their text layer, fonts included, on the upright and the turned page.
        for number in [3, 5] {
            let kept = lines.filter { $0.page == number }
            #expect(kept.map(\.text) == ["Sida \(number) av 5"])
            #expect(kept.allSatisfy { $0.font != nil && $0.confidence == nil })
        }
        let read = lines.filter { $0.page == 4 }.map(\.text)
        #expect(read.contains("Justerare: Anna Andersson"))
        #expect(read.contains("Sida 4 av 5"))
    }

    @Test func forceReadsThePagesAutoLeaves() throws {
        let pages = try Self.extract(OCRSettings(mode: .force, dpi: 150)).pages
        #expect(pages[2].textLayer == "ocr")
        #expect(pages[4].textLayer == "ocr")
    }
}
