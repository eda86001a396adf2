import Foundation
import ProtokollInspect
import ProtokollModel
import ProtokollSegment

/// A one-page protocol written by hand, so every expected box can be worked out on paper.
///
/// Canonical text (55 Unicode scalars):
///
///     0          20 22                    45 46       55
///     "§ 1 Val av justerare\n\nNärvarande:\tAnna Ek (S)\nBo Ek (M)"
///
/// Block 0 is the item heading; block 1 an attendance list of two lines, whose extracted
/// lines lie inside its box, so each participant gets a box of its own line. Two furniture
/// lines sit in the top margin. A parse issue points at "Bo Ek (M)", and its message tries
/// to inject markup.
enum SyntheticDocument {
    static let docID = "sha256:00000000000000aa"
    static let canonical = "§ 1 Val av justerare\n\nNärvarande:\tAnna Ek (S)\nBo Ek (M)"

    static let headerBox = BoundingBox(x0: 72, y0: 30, x1: 180, y1: 44)
    static let labelBox = BoundingBox(x0: 500, y0: 30, x1: 530, y1: 44)
    static let headingBox = BoundingBox(x0: 72, y0: 100, x1: 300, y1: 114)
    static let listBox = BoundingBox(x0: 72, y0: 130, x1: 320, y1: 158)
    static let firstLineBox = BoundingBox(x0: 72, y0: 130, x1: 320, y1: 143)
    static let secondLineBox = BoundingBox(x0: 200, y0: 145, x1: 260, y1: 158)

    /// The PDF form: one 595 × 842 pt page with a stand-in image.
    static var pdf: InspectedDocument {
        InspectedDocument(
            fileName: "synthetic.pdf", format: .pdf, status: "ok",
            pages: [InspectedDocument.Page(number: 1, width: 595, height: 842, png: Data([0x89, 0x50, 0x4E, 0x47]))],
            lines: [
                line(0, "Region Exempel", headerBox), line(1, "1(1)", labelBox),
                line(2, "§ 1 Val av justerare", headingBox),
                line(3, "Närvarande:\tAnna Ek (S)", firstLineBox), line(4, "Bo Ek (M)", secondLineBox),
            ],
            blocks: blocks(withBoxes: true),
            furniture: [
                Furniture(
                    docID: docID, index: 0, kind: .runningHeader, text: "Region Exempel", page: 1, bbox: headerBox,
                    rule: "repeated_top", score: 1),
                Furniture(
                    docID: docID, index: 1, kind: .pageNumber, text: "1(1)", page: 1, bbox: labelBox,
                    rule: "page_label",
                    score: 1),
            ],
            records: records(textLayer: "pdf_text"), canonicalText: canonical)
    }

    /// The DOCX form: the same text and records, no geometry, furniture from a header part.
    static var docx: InspectedDocument {
        InspectedDocument(
            fileName: "synthetic.docx", format: .docx, status: "ok", pages: [], lines: [],
            blocks: blocks(withBoxes: false),
            furniture: [
                Furniture(
                    docID: docID, index: 0, kind: .runningHeader, text: "Region Exempel", page: 1, bbox: nil,
                    partName: "word/header1.xml", rule: "docx_header_part", score: 1),
                Furniture(
                    docID: docID, index: 1, kind: .pageNumber, text: "1(1)", page: 1, bbox: nil,
                    partName: "word/footer1.xml", rule: "docx_footer_part", score: 1),
            ],
            records: records(textLayer: "docx"), canonicalText: canonical)
    }

    private static func line(_ index: Int, _ text: String, _ box: BoundingBox) -> TextLine {
        TextLine(
            docID: docID, page: 1, index: index, text: text, bbox: box, font: nil, fontSize: 10, bold: false,
            italic: false)
    }

    private static func blocks(withBoxes: Bool) -> [TextBlock] {
        [
            TextBlock(
                docID: docID, index: 0, kind: .heading, text: "§ 1 Val av justerare", charStart: 0, charEnd: 20,
                page: 1,
                parts: [BlockPart(page: 1, bbox: withBoxes ? headingBox : nil, charStart: 0, charEnd: 20)],
                fontSize: 12,
                bold: true, sourceLines: 1),
            TextBlock(
                docID: docID, index: 1, kind: .text, text: "Närvarande:\tAnna Ek (S)\nBo Ek (M)", charStart: 22,
                charEnd: 55,
                page: 1, parts: [BlockPart(page: 1, bbox: withBoxes ? listBox : nil, charStart: 22, charEnd: 55)],
                fontSize: 10, bold: false, sourceLines: 2),
        ]
    }

    /// The public records, as NDJSON lines like `protokoll-emit` writes them.
    static func records(textLayer: String) -> [PublicRecord] {
        func prov(_ start: Int, _ end: Int, _ quote: String) -> String {
            #"{"char_end":\#(end),"char_start":\#(start),"page":1,"page_label":"1(1)","quote":"\#(quote)","text_layer":"\#(textLayer)"}"#
        }
        let person =
            #"{"name":"Bo Ek","name_raw":"Bo Ek (M)","party_code":"M","party_raw":"(M)","party_scheme":"national","person_key":"bo-ek|M","represents":null}"#
        let anna =
            #"{"name":"Anna Ek","name_raw":"Anna Ek (S)","party_code":"S","party_raw":"(S)","party_scheme":"national","person_key":"anna-ek|S","represents":null}"#
        let lines = [
            #"{"byte_size":1000,"config_hash":null,"creator":null,"extractor_versions":{},"file_name":"synthetic","id":"\#(docID)","language":"sv","media_type":null,"page_count":1,"pages":[{"char_end":55,"char_start":0,"label_raw":"1(1)","ocr_confidence":null,"page":1,"text_layer":"\#(textLayer)"}],"pipeline_version":"0.1.0","producer":null,"sha256":null,"status":"ok","text_layer":"\#(textLayer)","text_sha256":"x","type":"source_document","v":1}"#,
            #"{"group":"member","group_raw":"Närvarande","id":"\#(docID)/pa/1","meeting_id":"\#(docID)/m","person":\#(anna),"presence":[],"prov":\#(prov(34, 45, "Anna Ek (S)")),"remote":null,"roles":[],"roles_raw":[],"status":"present","substitutes_for":null,"title_raw":null,"type":"participant","v":1,"voting_right":true}"#,
            #"{"group":"member","group_raw":"Närvarande","id":"\#(docID)/pa/2","meeting_id":"\#(docID)/m","person":\#(person),"presence":[],"prov":\#(prov(46, 55, "Bo Ek (M)")),"remote":null,"roles":[],"roles_raw":[],"status":"present","substitutes_for":null,"title_raw":null,"type":"participant","v":1,"voting_right":true}"#,
            #"{"body_text":"§ 1 Val av justerare","distribution":[],"dnr":[],"id":"\#(docID)/i/1","meeting_id":"\#(docID)/m","number":"1","number_int":1,"number_prefix":null,"number_raw":"§ 1","number_suffix":null,"presenters":[],"prior_handling":[],"prov":\#(prov(0, 55, "…")),"sections":[],"seq":0,"title":"Val av justerare","type":"agenda_item","v":1}"#,
            #"{"doc_id":"\#(docID)","id":"\#(docID)/f/1","kind":"running_header","page":1,"prov":\#(prov(0, 0, "Region Exempel")),"rule":"\#(textLayer == "docx" ? "docx_header_part" : "repeated_top")","score":1,"text":"Region Exempel","type":"furniture","v":1}"#,
            #"{"doc_id":"\#(docID)","id":"\#(docID)/f/2","kind":"page_number","page":1,"prov":\#(prov(0, 0, "1(1)")),"rule":"\#(textLayer == "docx" ? "docx_footer_part" : "page_label")","score":1,"text":"1(1)","type":"furniture","v":1}"#,
            #"{"code":"numbering_gap","doc_id":"\#(docID)","id":"\#(docID)/pi/1","message":"<script>alert(1)</script> & \"quoted\"","prov":\#(prov(46, 55, "Bo Ek (M)")),"related_id":null,"severity":"warning","type":"parse_issue","v":1}"#,
        ]
        // The lines above are written by hand; a typo is a bug in the test, so fail loudly.
        return lines.map { try! NDJSON.decode(PublicRecord.self, from: $0) }
    }
}
