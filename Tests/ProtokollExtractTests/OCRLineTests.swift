import ProtokollModel
import Testing

@testable import ProtokollExtract

/// The pure parts of the OCR path: turning images, joining words into rows, measuring bold,
/// repairing "§", dashes and "I".
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

    @Test func halvingAveragesEachSquareOfFourPixels() {
        // 5 × 3: the last column and row have no partner and are left out.
        let image = GrayImage(
            width: 5, height: 3,
            pixels: [
                0, 255, 10, 20, 99,
                255, 0, 30, 41, 99,
                99, 99, 99, 99, 99,
            ])
        #expect(image.halved() == GrayImage(width: 2, height: 1, pixels: [128, 25]))
        #expect(GrayImage(width: 1, height: 1, pixels: [7]).halved() == GrayImage(width: 1, height: 1, pixels: [7]))
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
        let lines = OCRLineBuilder.joined(page.lines, scale: 2)
        #expect(lines.map(\.text) == ["Ordförande\tAnna Berg"])
        #expect(lines.first?.bbox == BoundingBox(x0: 0, y0: 0, x1: 195, y1: 10))
        #expect(lines.first?.confidence == 83.3)
    }

    @Test(arguments: [
        ("$109 LSVO:s möten", false, "§109 LSVO:s möten"), ("$ 12 Val av justerare", false, "§ 12 Val av justerare"),
        ("8115", true, "§115"), ("8 12/24", true, "§ 12/24"), ("8115", false, "8115"),
        ("8 mars 2024", true, "8 mars 2024"), ("2024", true, "2024"), ("$ kostnad", false, "$ kostnad"),
        ("& 113", true, "§ 113"), ("&120", true, "§120"), ("& 113", false, "& 113"),
        ("Hälso- & sjukvård", true, "Hälso- & sjukvård"), ("& 1130", true, "& 1130"),
    ])
    func sectionSignIsPutBack(text: String, bold: Bool, expected: String) {
        #expect(SectionSignRepair.repair([line(text, bold: bold)]).map(\.text) == [expected])
    }

    @Test(
        arguments: [
            ("§115", 0.45, "§ 115"), ("§ 115", 0.1, "§115"), ("§ 12/24", 0.42, "§ 12/24"), ("§12/24", 0.4, "§ 12/24"),
            ("§ 115", nil, "§ 115"), ("§115 Budget", 0.45, "§115 Budget"), ("8115", 0.45, "8115"),
        ] as [(String, Double?, String)])
    func spaceAfterTheSignIsReadFromTheImage(text: String, gap: Double?, expected: String) {
        #expect(SectionSignRepair.respaced(line(text, bold: true), gapAfterSign: gap).text == expected)
    }

    @Test func blankColumnsAfterTheFirstGlyphAreCounted() {
        // Ink in columns 2–4 and 11–12 of a 16 × 3 image, on the middle row only.
        var pixels = [UInt8](repeating: 255, count: 16 * 3)
        for x in [2, 3, 4, 11, 12] { pixels[16 + x] = 0 }
        let image = GrayImage(width: 16, height: 3, pixels: pixels)
        #expect(image.blankColumnsAfterFirstGlyph(x0: 0, y0: 0, x1: 16, y1: 3) == 6)
        #expect(image.blankColumnsAfterFirstGlyph(x0: 0, y0: 0, x1: 10, y1: 3) == nil)
        #expect(image.blankColumnsAfterFirstGlyph(x0: 0, y0: 0, x1: 16, y1: 1) == nil)
    }

    @Test(arguments: [
        ("Psykisk hälsa — förstärkt samverkan", "Psykisk hälsa – förstärkt samverkan"),
        ("—\tpatientsäkerhet, kompetens", "–\tpatientsäkerhet, kompetens"),
        ("fånga — förstå — förbättra", "fånga – förstå – förbättra"), ("—Ja, sade hon", "—Ja, sade hon"),
        ("13:00-16:00", "13:00-16:00"),
    ])
    func spacedEmDashIsAnEnDash(text: String, expected: String) {
        #expect(DashRepair.repair(text) == expected)
    }

    @Test func aDashWordAsWideAsAnEnDashIsOne() {
        typealias Word = TesseractEngine.Page.Word
        // Widths and heights as Tesseract boxed them at 300 dpi: an en dash read as "-" is
        // 22 pixels wide on a 41-pixel line, a hyphen about 12.
        func line(_ dash: String, width: Double) -> [Word] {
            [
                Word(text: "Psykisk", x0: 0, y0: 0, x1: 150, y1: 41, confidence: 90),
                Word(text: dash, x0: 200, y0: 20, x1: 200 + width, y1: 24, confidence: 90),
                Word(text: "hälso-", x0: 250, y0: 2, x1: 380, y1: 35, confidence: 90),
            ]
        }
        #expect(DashRepair.widened([line("-", width: 22)]).flatMap { $0.map(\.text) } == ["Psykisk", "–", "hälso-"])
        #expect(DashRepair.widened([line("—-", width: 21)]).flatMap { $0.map(\.text) } == ["Psykisk", "–", "hälso-"])
        #expect(DashRepair.widened([line("-", width: 12)]).flatMap { $0.map(\.text) } == ["Psykisk", "-", "hälso-"])
        #expect(DashRepair.widened([line("-x", width: 22)]).flatMap { $0.map(\.text) } == ["Psykisk", "-x", "hälso-"])
        let alone = [Word(text: "-", x0: 0, y0: 0, x1: 30, y1: 4, confidence: 90)]
        #expect(DashRepair.widened([alone]).flatMap { $0.map(\.text) } == ["-"])
    }

    @Test(arguments: [
        ("Nuray lliev, projektledare", "Nuray Iliev, projektledare"), ("lngela Pettersson", "Ingela Pettersson"),
        ("(lsak Ek)", "(Isak Ek)"), ("ljus och lokal", "ljus och lokal"), ("losif Karambotis", "losif Karambotis"),
        ("till alla", "till alla"), ("lsvo-2021-06-04.pdf", "lsvo-2021-06-04.pdf"), ("lss@kommun.se", "lss@kommun.se"),
        ("lk", "lk"),
    ])
    func lowerCaseLBeforeAConsonantIsACapitalI(text: String, expected: String) {
        #expect(CapitalIRepair.repair(text) == expected)
    }

    /// One word per line, each drawn as vertical bars `stroke` pixels wide filling its box.
    private func page(_ rows: [(text: String, y0: Int, y1: Int, stroke: Int)]) -> (TesseractEngine.Page, GrayImage) {
        let width = 400
        var pixels = [UInt8](repeating: 255, count: width * 200)
        for row in rows {
            for x in stride(from: 10, to: 390, by: 3 * row.stroke) {
                for dx in 0..<row.stroke {
                    for y in row.y0..<row.y1 { pixels[y * width + x + dx] = 0 }
                }
            }
        }
        let lines = rows.map { row in
            [
                TesseractEngine.Page.Word(
                    text: row.text, x0: 10, y0: Double(row.y0), x1: 390, y1: Double(row.y1), confidence: 90)
            ]
        }
        return (
            TesseractEngine.Page(lines: lines, timedOut: false), GrayImage(width: width, height: 200, pixels: pixels)
        )
    }

    @Test func boldNeedsWiderStemsInPixelsAndAgainstTheLineHeight() {
        let body = String(repeating: "brödtext ", count: 4)
        let (page, image) = page([
            (body, 10, 30, 2), (body, 40, 60, 2), (body, 70, 90, 2),
            // Bold, in a box made tall by "Ö" and descenders: its stems against its height
            // alone look regular.
            ("17. Övriga frågor", 100, 132, 4),
            // Larger regular type: wider stems, but not against its height.
            ("Rubrik i stor stil", 140, 170, 3),
            // Regular type in a low box (no ascenders): thick against its height only.
            ("20 november", 180, 194, 2),
        ])
        let lines = OCRLineBuilder.lines(page, image: image, scale: 1)
        #expect(lines.map(\.bold) == [false, false, false, true, false, false])
    }

    private typealias Word = TesseractEngine.Page.Word

    private func word(_ text: String, _ x0: Double, _ y0: Double, _ x1: Double) -> Word {
        Word(text: text, x0: x0, y0: y0, x1: x1, y1: y0 + 20, confidence: 90)
    }

    @Test func aLabelColumnIsReadRowByRowWithItsValues() {
        // Tesseract's blocks: the labels (0), then the values beside them (1), then a footer (2).
        let page = TesseractEngine.Page(
            lines: [
                [word("Närvarande", 70, 100, 170), word("ledamöter:", 175, 100, 260)],
                [word("Förhinder:", 70, 200, 150)],
                [word("Anna", 300, 102, 340), word("Berg", 345, 102, 390)],
                [word("Bo", 300, 130, 320), word("Ek", 325, 130, 345)],
                [word("Cecilia", 300, 198, 360), word("Ly", 365, 198, 385)],
                [word("Sida", 300, 700, 340), word("1", 345, 700, 355)],
            ], timedOut: false, blocks: [0, 0, 1, 1, 1, 2])
        let rows = OCRLineBuilder.joined(OCRLineBuilder.rows(page, maxLabelWidth: 200), scale: 1)
        #expect(
            rows.map(\.text) == ["Närvarande ledamöter:\tAnna Berg", "Bo Ek", "Förhinder:\tCecilia Ly", "Sida 1"])
    }

    @Test func proseInTwoColumnsIsNotPutOnRows() {
        // Two columns of prose: their lines are too wide to be labels.
        let page = TesseractEngine.Page(
            lines: [
                [word("Vänster", 70, 100, 280)], [word("spalt", 70, 130, 280)],
                [word("Höger", 300, 100, 520)], [word("spalt", 300, 130, 520)],
            ], timedOut: false, blocks: [0, 0, 1, 1])
        let rows = OCRLineBuilder.joined(OCRLineBuilder.rows(page, maxLabelWidth: 180), scale: 1)
        #expect(rows.map(\.text) == ["Vänster", "spalt", "Höger", "spalt"])
    }
}
