import ProtokollModel
import Testing

@testable import ProtokollExtract

/// The pure parts of the OCR path: turning images, joining words, repairing "§".
struct OCRLineTests {
    private func line(_ text: String, bold: Bool = false) -> OCRLineBuilder.Line {
        OCRLineBuilder.Line(text: text, bbox: BoundingBox(x0: 0, y0: 0, x1: 10, y1: 10), confidence: 90, bold: bold)
    }

    @Test func quarterTurnsMovePixelsWhereTheyBelong() {
        // 2 × 1: a dark pixel on the left.
        let image = GrayImage(width: 2, height: 1, pixels: [0, 255])
        #expect(image.rotated(clockwise: 90) == GrayImage(width: 1, height: 2, pixels: [0, 255]))
        #expect(image.rotated(clockwise: 270) == GrayImage(width: 1, height: 2, pixels: [255, 0]))
        #expect(image.rotated(clockwise: 180) == GrayImage(width: 2, height: 1, pixels: [255, 0]))
        #expect(image.rotated(clockwise: 90).rotated(clockwise: 270) == image)
    }

    @Test func wordsAcrossAColumnGapAreJoinedByATab() {
        typealias Word = TesseractEngine.Page.Word
        let page = TesseractEngine.Page(
            lines: [
                [
                    Word(text: "Ordförande", x0: 0, y0: 0, x1: 100, y1: 20, confidence: 90),
                    Word(text: "Anna", x0: 300, y0: 0, x1: 340, y1: 20, confidence: 80),
                    Word(text: "Berg", x0: 350, y0: 0, x1: 390, y1: 20, confidence: 70),
                ]
            ], timedOut: false)
        let lines = OCRLineBuilder.joined(page, scale: 2)
        #expect(lines.map(\.text) == ["Ordförande\tAnna Berg"])
        #expect(lines.first?.bbox == BoundingBox(x0: 0, y0: 0, x1: 195, y1: 10))
        #expect(lines.first?.confidence == 83.3)
    }

    @Test(arguments: [
        ("$109 LSVO:s möten", false, "§109 LSVO:s möten"), ("$ 12 Val av justerare", false, "§ 12 Val av justerare"),
        ("8115", true, "§115"), ("8 12/24", true, "§ 12/24"), ("8115", false, "8115"),
        ("8 mars 2024", true, "8 mars 2024"), ("2024", true, "2024"), ("$ kostnad", false, "$ kostnad"),
    ])
    func sectionSignIsPutBack(text: String, bold: Bool, expected: String) {
        #expect(SectionSignRepair.repair([line(text, bold: bold)]).map(\.text) == [expected])
    }
}
