import ProtokollModel
import ProtokollSegment
import Testing

@testable import ProtokollInspect

@Suite("Text geometry: from offsets to boxes")
struct TextGeometryTests {
    let document = SyntheticDocument.pdf

    @Test("a block whose lines match the extracted lines is split into line boxes")
    func lineBoxes() {
        let geometry = TextGeometry(blocks: document.blocks, lines: document.lines, furniture: document.furniture)
        #expect(geometry.boxes(46, 55) == [TextGeometry.PageBox(page: 1, box: SyntheticDocument.secondLineBox)])
        #expect(geometry.boxes(34, 45) == [TextGeometry.PageBox(page: 1, box: SyntheticDocument.firstLineBox)])
        // Both lines of one part: one box, their union.
        #expect(
            geometry.boxes(22, 55)
                == [
                    TextGeometry.PageBox(
                        page: 1,
                        box: TextGeometry.union(SyntheticDocument.firstLineBox, SyntheticDocument.secondLineBox))
                ])
        // The separator between blocks touches no box; a span across it touches both.
        #expect(geometry.boxes(20, 22).isEmpty)
        #expect(geometry.boxes(0, 55).count == 2)
    }

    @Test("when the lines do not match, the block keeps its whole box")
    func fallback() {
        let lines = document.lines.filter { $0.index != 4 }
        let geometry = TextGeometry(blocks: document.blocks, lines: lines, furniture: document.furniture)
        #expect(geometry.boxes(46, 55) == [TextGeometry.PageBox(page: 1, box: SyntheticDocument.listBox)])
    }

    @Test("a furniture line inside a block's box is not counted as one of its lines")
    func furnitureIgnored() {
        var furniture = document.furniture
        furniture.append(
            Furniture(
                docID: SyntheticDocument.docID, index: 2, kind: .signatureBox, text: "Justerandes signatur", page: 1,
                bbox: BoundingBox(x0: 250, y0: 150, x1: 318, y1: 157), rule: "signature_box_phrase", score: 1))
        var lines = document.lines
        lines.append(
            TextLine(
                docID: SyntheticDocument.docID, page: 1, index: 5, text: "Justerandes signatur",
                bbox: BoundingBox(x0: 250, y0: 150, x1: 318, y1: 157), font: nil, fontSize: 8, bold: false,
                italic: false))
        let geometry = TextGeometry(blocks: document.blocks, lines: lines, furniture: furniture)
        #expect(geometry.boxes(46, 55) == [TextGeometry.PageBox(page: 1, box: SyntheticDocument.secondLineBox)])
    }

    @Test("a pin between blocks goes to the next line")
    func anchor() {
        let geometry = TextGeometry(blocks: document.blocks, lines: document.lines, furniture: document.furniture)
        #expect(geometry.anchor(21)?.box == SyntheticDocument.firstLineBox)
        #expect(geometry.anchor(0)?.box == SyntheticDocument.headingBox)
        #expect(geometry.anchor(56) == nil)
    }

    @Test("an item heading ends with its title, across a line break")
    func heading() throws {
        let records = SyntheticDocument.records(textLayer: "pdf_text")
        guard case .agendaItem(var item)? = records.first(where: { $0.kind == .agendaItem }) else {
            Issue.record("no agenda item")
            return
        }
        let scalars = Array("§ 12/24\n\nVal av justerare samt\ntid för justering\n\nText".unicodeScalars)
        item.prov.char_start = 0
        item.prov.char_end = scalars.count
        item.title = "Val av justerare samt tid för justering"
        #expect(RecordPlacement.heading(of: item, in: scalars, blocks: []) == 0..<48)
        item.title = "Something else"
        let block = TextBlock(
            docID: "d", index: 0, kind: .text, text: "§ 12/24", charStart: 0, charEnd: 7, page: 1, parts: [],
            fontSize: nil, bold: false, sourceLines: 1)
        #expect(RecordPlacement.heading(of: item, in: scalars, blocks: [block]) == 0..<7)
    }
}
