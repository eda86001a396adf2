import Foundation
import ProtokollExtract
import ProtokollModel
import TestSupport
import Testing

/// Which pages with too little text layer `ocr: auto` reads: only those that show something
/// beside their text lines. `thin-pages.pdf` has a text page, an empty page, a page with only
/// its underlined number, a page with its number and a picture of typed lines, and a page
/// turned a quarter with only its number.
struct ThinPageOCRTests {
    private static func pages(_ settings: OCRSettings) throws -> (pages: [PageInfo], lines: [TextLine]) {
        var records: [ExtractRecord] = []
        let failure = try DocumentExtractor(ocr: settings).extract(path: Fixtures.fixture("pdf/thin-pages.pdf").path) {
            records.append($0)
        }
        #expect(failure == nil)
        return (
            records.compactMap { if case .page(let page) = $0 { page } else { nil } },
            records.compactMap { if case .line(let line) = $0 { line } else { nil } }
        )
    }

    @Test func onlyThePageWithAPictureBesideItsNumberIsReadByOCR() throws {
        let (pages, lines) = try Self.pages(OCRSettings(mode: .auto, dpi: 200))
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
        let (pages, _) = try Self.pages(OCRSettings(mode: .force, dpi: 150))
        #expect(pages[2].textLayer == "ocr")
        #expect(pages[4].textLayer == "ocr")
    }
}
