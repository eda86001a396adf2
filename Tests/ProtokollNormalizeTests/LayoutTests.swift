import ProtokollModel
import Testing

@testable import ProtokollNormalize

struct LayoutTests {
    /// poppler reads "name   municipality" lists column by column; the rows come back.
    @Test func columnListsArePairedIntoRows() {
        let names = ["Anna-May Björk", "Johanna Svärd", "Veronica Wallgren"]
        let places = ["Askersund", "Degerfors", "Hallsberg"]
        let lines =
            names.enumerated().map { Lines.line($1, page: 1, y: 400 + Double($0) * 12.6, x: 70, width: 90) }
            + places.enumerated().map { Lines.line($1, page: 1, y: 400 + Double($0) * 12.6, x: 260, width: 60) }
        let paired = ColumnPairing.pair(lines.map(BodyLine.init), pageWidth: 595)
        #expect(
            paired.map(\.text) == [
                "Anna-May Björk\tAskersund", "Johanna Svärd\tDegerfors", "Veronica Wallgren\tHallsberg",
            ])
        #expect(paired.map(\.sources) == [2, 2, 2])
    }

    /// Two columns of prose are not a list: lines too wide to be rows.
    @Test func proseColumnsStayApart() {
        let left = (0..<3).map {
            Lines.line("Vänster \($0) med en lång rad text", page: 1, y: 100 + Double($0) * 14, x: 56, width: 230)
        }
        let right = (0..<3).map {
            Lines.line("Höger \($0) med en lång rad text", page: 1, y: 100 + Double($0) * 14, x: 310, width: 230)
        }
        #expect(
            ColumnPairing.pair((left + right).map(BodyLine.init), pageWidth: 595).map(\.sources) == [1, 1, 1, 1, 1, 1])
    }

    /// Bullets drawn apart come out before their texts; each goes back in front of the text on
    /// its baseline, and one with no text there stays where it was read.
    @Test func loneBulletsRejoinTheirLines() {
        let lines = [
            Lines.line("•", page: 1, y: 100, x: 56, width: 5), Lines.line("•", page: 1, y: 120, x: 56, width: 5),
            Lines.line("•", page: 1, y: 300, x: 56, width: 5),
            Lines.line("Första punkten", page: 1, y: 100, x: 70, width: 80),
            Lines.line("Andra punkten", page: 1, y: 120, x: 70, width: 80),
            Lines.line("Slutord", page: 1, y: 400, x: 70, width: 40),
        ]
        let attached = ColumnPairing.attachLoneBullets(lines.map(BodyLine.init))
        #expect(attached.map(\.text) == ["•", "• Första punkten", "• Andra punkten", "Slutord"])
        #expect(attached.map(\.sources) == [1, 2, 2, 1])
        #expect(attached[1].bbox == BoundingBox(x0: 56, y0: 100, x1: 150, y1: 112))
    }

    @Test func blocksSplitAtGapsMarkersAndWeight() {
        let lines = [
            Lines.line("§ 12/24", page: 1, y: 100, bold: true),
            Lines.line("Val av justerare", page: 1, y: 113, bold: true),
            Lines.line("PSVO beslutar", page: 1, y: 140),
            Lines.line("1. Att utse Therese Åberg (M)", page: 1, y: 160),
            Lines.line("att justera protokollet.", page: 1, y: 172),
            Lines.line("2. Justeringen sker digitalt.", page: 1, y: 184),
        ]
        let drafts = PDFBlockBuilder.blocks(pages: [Lines.page(1)], body: lines.map(BodyLine.init))
        // Consecutive bold lines are one heading: the § number and its title.
        #expect(
            drafts.map(\.lines) == [
                ["§ 12/24", "Val av justerare"], ["PSVO beslutar"],
                ["1. Att utse Therese Åberg (M)", "att justera protokollet."],
                ["2. Justeringen sker digitalt."],
            ])
        #expect(drafts.map(\.kind) == [.heading, .text, .text, .text])
    }

    /// A sentence cut by a page break (and the furniture around it) is one block again.
    @Test func pageBreakRejoinsASentence() {
        let first = BlockDraft(
            kind: .text, lines: ["Vid det sistnämnda mötet"], page: 2, fontSize: 10, bold: false, sourceLines: 1)
        let second = BlockDraft(
            kind: .text, lines: ["påpekades att ingen dialog förts."], page: 3, fontSize: 10, bold: false,
            sourceLines: 1)
        let heading = BlockDraft(
            kind: .text, lines: ["Beslut"], page: 4, fontSize: 10, bold: false, sourceLines: 1)
        let joined = PageBreakJoiner.join([first, second, heading])
        #expect(
            joined.map(\.lines) == [["Vid det sistnämnda mötet", "påpekades att ingen dialog förts."], ["Beslut"]])
        #expect(joined[0].linePages == [2, 3])
    }
}
