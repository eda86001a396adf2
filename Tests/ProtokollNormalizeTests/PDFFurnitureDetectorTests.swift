import ProtokollModel
import Testing

@testable import ProtokollNormalize

/// The detector on small hand-made pages: what repeats in the margins goes, body stays.
struct PDFFurnitureDetectorTests {
    typealias Verdict = PDFFurnitureDetector.Verdict

    private func detect(_ lines: [TextLine], pages: Int) -> [(String, Verdict?)] {
        let detector = PDFFurnitureDetector(pages: (1...pages).map(Lines.page), lines: lines)
        return Array(zip(lines.map(\.text), detector.detect().verdicts))
    }

    private func kept(_ result: [(String, Verdict?)]) -> [String] {
        result.filter { $0.1 == nil }.map(\.0)
    }

    /// Headers with page counters and a footer repeat on every page; the body differs.
    @Test func runningHeaderAndFooterAreRemoved() {
        var lines: [TextLine] = []
        for page in 1...3 {
            lines.append(Lines.line("Region Blekinge", page: page, y: 30))
            lines.append(Lines.line("PROTOKOLL Sida \(page) av 3", page: page, y: 45, x: 400))
            lines.append(Lines.line("Brödtext på sida \(page).", page: page, y: 300))
            lines.append(Lines.line("Region Blekinge, 371 81 Karlskrona", page: page, y: 790))
        }
        let result = detect(lines, pages: 3)
        #expect(kept(result) == ["Brödtext på sida 1.", "Brödtext på sida 2.", "Brödtext på sida 3."])
        #expect(result[0].1 == Verdict(kind: .runningHeader, rule: "repeated_top", score: 1))
        #expect(result[3].1?.kind == .addressBlock)
    }

    /// Item headings, decision formulas and recurring headings are body, even where they sit
    /// at the same height in a margin on several pages.
    @Test(arguments: [
        "§ 16/24", "Politisk Samverkan Vård och Omsorg i Blekinge – PSVO beslutar", "Kommunstyrelsens beslut",
        "Informationen tas till protokollet.", "7. Val av justerare",
    ])
    func recurringBodyTextIsKept(text: String) {
        var lines: [TextLine] = []
        for page in 1...4 {
            lines.append(Lines.line("Region Västerbotten", page: page, y: 30))
            lines.append(Lines.line(text, page: page, y: 100))
            lines.append(Lines.line("Övrig text \(page)", page: page, y: 400))
            lines.append(Lines.line(text, page: page, y: 740))
        }
        let result = detect(lines, pages: 4)
        #expect(kept(result).filter { $0 == text }.count == 8)
        #expect(!kept(result).contains("Region Västerbotten"))
    }

    /// The Örebro address block wraps differently on one page; the band below the repeated
    /// footer lines takes the odd lines too.
    @Test func footerBandTakesDifferentlyWrappedLines() {
        var lines: [TextLine] = []
        for page in 1...3 {
            lines.append(Lines.line("Brödtext \(page)", page: page, y: 300))
            lines.append(Lines.line("POSTADRESS\tBESÖKSADRESS\tTELEFON", page: page, y: 760))
            if page == 2 {
                lines.append(Lines.line("Region Örebro län Box", page: page, y: 772))
                lines.append(Lines.line("1613 701 16 Örebro", page: page, y: 784))
            } else {
                lines.append(Lines.line("Region Örebro län Box 1613 701 16 Örebro", page: page, y: 772))
            }
        }
        let result = detect(lines, pages: 3)
        #expect(kept(result) == ["Brödtext 1", "Brödtext 2", "Brödtext 3"])
        #expect(result.first { $0.0 == "1613 701 16 Örebro" }?.1?.rule == "footer_band")
    }

    /// A header line printed on one page only, above the repeated one, is in the header band
    /// with the repeated line's score; a margin line below the band stays body.
    @Test func headerBandTakesLinesAboveTheRepeatedOnes() {
        var lines: [TextLine] = []
        for page in 1...4 {
            if page == 2 { lines.append(Lines.line("Sammanträdesdatum 2024-03-15", page: page, y: 20)) }
            lines.append(Lines.line("Kommunstyrelsen", page: page, y: 40))
            lines.append(Lines.line("Närvarande ledamöter \(page)", page: page, y: 80))
            lines.append(Lines.line("Brödtext \(page)", page: page, y: 300))
        }
        let result = detect(lines, pages: 4)
        #expect(
            result.first { $0.0.hasPrefix("Sammanträdesdatum") }?.1
                == Verdict(kind: .runningHeader, rule: "header_band", score: 1))
        #expect(result.filter { $0.0.hasPrefix("Närvarande") }.allSatisfy { $0.1 == nil })
    }

    /// Two pages are the least evidence for repetition; one page has none, but its printed
    /// label is still found.
    @Test func thinEvidence() {
        let two = [
            Lines.line("Kommunstyrelsen", page: 1, y: 30), Lines.line("Text ett", page: 1, y: 300),
            Lines.line("Kommunstyrelsen", page: 2, y: 30), Lines.line("Text två", page: 2, y: 300),
        ]
        #expect(kept(detect(two, pages: 2)) == ["Text ett", "Text två"])

        let one = [
            Lines.line("Kommunstyrelsen", page: 1, y: 30), Lines.line("1 (1)", page: 1, y: 30, x: 500),
            Lines.line("Text", page: 1, y: 300),
        ]
        let detector = PDFFurnitureDetector(pages: [Lines.page(1)], lines: one)
        let (verdicts, labels) = detector.detect()
        #expect(verdicts.map { $0?.kind } == [nil, .pageNumber, nil])
        #expect(labels == [1: "1 (1)"])
    }

    /// Odd and even pages carry different headers; each recurs on half the pages.
    @Test func oddEvenHeaders() {
        var lines: [TextLine] = []
        for page in 1...6 {
            lines.append(Lines.line(page % 2 == 1 ? "Kommunfullmäktige" : "Sammanträdesprotokoll", page: page, y: 30))
            lines.append(Lines.line("Brödtext \(page)", page: page, y: 300))
        }
        #expect(kept(detect(lines, pages: 6)) == (1...6).map { "Brödtext \($0)" })
    }

    @Test func signatureBoxAndSigningPage() {
        let lines = [
            Lines.line("Beslutet fattades.", page: 1, y: 300),
            Lines.line("Justerandes signatur", page: 1, y: 780, x: 70),
            Lines.line("Utdragsbestyrkande", page: 1, y: 780, x: 300),
            Lines.line("UNDERSKRIFTSSIDA", page: 2, y: 80),
            Lines.line("NAMN:\tCarin Nilsson", page: 2, y: 200),
            Lines.line("Certifierad av Comfact Signature", page: 2, y: 700),
        ]
        let result = detect(lines, pages: 2)
        #expect(
            result.map { $0.1?.kind } == [nil, .signatureBox, .signatureBox, .signingPage, .signingPage, .signingPage])
    }

    @Test func esignNoteAndValidationLink() {
        let lines = [
            Lines.line("Protokollet justerades.", page: 1, y: 300),
            Lines.line("Det här dokumentet är elektroniskt underskrivet.", page: 1, y: 500),
            Lines.line("Verifiera dokumentet på https://sign.example.se/verify", page: 1, y: 520),
        ]
        #expect(detect(lines, pages: 1).map { $0.1?.kind } == [nil, .esignNote, .esignNote])
    }
}
