import ProtokollModel
import Testing

@testable import ProtokollExtract

struct PDFLineBuilderTests {
    private func box(_ x: Double, _ y: Double, width: Double = 5) -> BoundingBox {
        BoundingBox(x0: x, y0: y, x1: x + width, y1: y + 10)
    }

    /// Two lines; the rectangles poppler gives the space and the newline are far away and
    /// must not stretch the line boxes.
    @Test func splitsLinesAndBoxesVisibleCharactersOnly() {
        let text = "Ab c\nde"
        let rects = [
            box(10, 100), box(15, 100), box(400, 100), box(25, 100), box(500, 300),
            box(10, 120), box(15, 120),
        ]
        let lines = PDFLineBuilder.lines(text: text, rects: rects, fonts: [])
        #expect(lines.map(\.text) == ["Ab c", "de"])
        #expect(lines[0].bbox == BoundingBox(x0: 10, y0: 100, x1: 30, y1: 110))
        #expect(lines[1].bbox == BoundingBox(x0: 10, y0: 120, x1: 20, y1: 130))
    }

    @Test func dropsBlankLinesAndTrailingSpaces() {
        let text = "Rubrik  \n \n\nBrödtext"
        let rects = (0..<text.unicodeScalars.count).map { box(Double($0), 0) }
        #expect(PDFLineBuilder.lines(text: text, rects: rects, fonts: []).map(\.text) == ["Rubrik", "Brödtext"])
    }

    /// The font covering most characters names the line; bold and italic come from its name.
    @Test func dominantFontDecidesStyle() {
        let text = "att godkänna"
        let rects = (0..<text.unicodeScalars.count).map { box(Double($0) * 5, 0) }
        let fonts = [
            FontRun(start: 0, end: 2, fontName: "ABCDEF+Arial-BoldMT", fontSize: 11),
            FontRun(start: 3, end: 11, fontName: "ABCDEF+ArialMT", fontSize: 11),
        ]
        let line = PDFLineBuilder.lines(text: text, rects: rects, fonts: fonts)[0]
        #expect(line.font == "ArialMT")
        #expect(line.fontSize == 11)
        #expect(!line.bold)

        let boldLine = PDFLineBuilder.lines(
            text: "§ 12/24", rects: rects,
            fonts: [FontRun(start: 0, end: 6, fontName: "Helvetica-BoldOblique", fontSize: 14)])[0]
        #expect(boldLine.bold && boldLine.italic)
    }

    @Test(arguments: [
        ("ABCDEF+DejaVuSans-Bold", "DejaVuSans-Bold"),
        ("Helvetica", "Helvetica"),
        ("Abcdef+Foo", "Abcdef+Foo"),
        ("ABC+Foo", "ABC+Foo"),
    ])
    func subsetPrefixIsRemoved(name: String, expected: String) {
        #expect(PDFLineBuilder.baseFontName(name) == expected)
    }

    /// Fewer rectangles than characters (poppler and the text disagree) must not crash; the
    /// lines keep their text.
    @Test func toleratesMissingRectangles() {
        let lines = PDFLineBuilder.lines(text: "abc\ndef", rects: [box(0, 0)], fonts: [])
        #expect(lines.map(\.text) == ["abc", "def"])
        #expect(lines[1].bbox == BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0))
    }
}
