import Foundation
import Testing

@testable import ProtokollInspect

@Suite("Report builder: DOCX text flow")
struct TextFlowTests {
    let html = ReportBuilder().html(for: SyntheticDocument.docx)
    var report: ReportHTML { ReportHTML(html: html) }

    @Test("records' spans are highlighted in the text, each linked to its record")
    func spans() throws {
        let entry = try #require(report.entry(recordID: "\(SyntheticDocument.docID)/pa/2"))
        let spans = report.matches(
            #"<span class="seg k-participant" id="(b\d+)" data-rec="\#(entry)"[^>]*>([^<]*)</span>"#)
        #expect(spans.map { $0[2] } == ["Bo Ek (M)"])
        #expect(report.boxes(ofEntry: entry) == spans.map { $0[1] })
        let item = try #require(report.entry(recordID: "\(SyntheticDocument.docID)/i/1"))
        let heading = report.matches(#"<span class="seg k-item" id="b\d+" data-rec="\#(item)"[^>]*>([^<]*)</span>"#)
        #expect(heading.map { $0[1] } == ["§ 1 Val av justerare"])
        #expect(report.boxes.isEmpty)
    }

    @Test("furniture is listed apart, struck through, with its rule and part")
    func furniture() throws {
        for (id, rule, part, text) in [
            ("f/1", "docx_header_part", "word/header1.xml", "Region Exempel"),
            ("f/2", "docx_footer_part", "word/footer1.xml", "1(1)"),
        ] {
            let entry = try #require(report.entry(recordID: "\(SyntheticDocument.docID)/\(id)"))
            let listed = report.matches(
                #"<li class="fl k-furniture" id="(b\d+)" data-rec="\#(entry)"><span class="tag">([^<]*)</span> <s>([^<]*)</s> <span class="part">([^<]*)</span>"#
            )
            #expect(listed.map { [$0[2], $0[3], $0[4]] } == [[rule, text, part]])
        }
    }

    @Test("a parse issue is pinned in the text where it points")
    func pin() throws {
        let entry = try #require(report.entry(recordID: "\(SyntheticDocument.docID)/pi/1"))
        let pinThenSpan = report.matches(
            #"<a class="pin inline k-issue" id="b\d+" data-rec="\#(entry)"[^>]*>!</a><span[^>]*>Bo Ek"#)
        #expect(pinThenSpan.count == 1)
    }

    @Test("no URL in any src or href")
    func selfContained() {
        #expect(!html.contains("http://"))
        #expect(!html.contains("https://"))
        for link in report.links {
            #expect(link.hasPrefix("#"), "unexpected link: \(link)")
        }
    }
}
