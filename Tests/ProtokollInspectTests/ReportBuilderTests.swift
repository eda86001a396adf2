import Foundation
import ProtokollModel
import Testing

@testable import ProtokollInspect

@Suite("Report builder: PDF pages with overlays")
struct ReportBuilderTests {
    let scale = 100.0 / 72
    let html = ReportBuilder(dpi: 100).html(for: SyntheticDocument.pdf)
    var report: ReportHTML { ReportHTML(html: html) }

    @Test("every furniture record is drawn struck through, labelled with its rule, and listed")
    func furnitureLabelled() throws {
        for (id, rule) in [("f/1", "repeated_top"), ("f/2", "page_label")] {
            let entry = try #require(report.entry(recordID: "\(SyntheticDocument.docID)/\(id)"))
            let boxes = report.boxes.filter { $0.record == entry }
            #expect(boxes.count == 1)
            #expect(boxes.first?.classes == "ov k-furniture")
            #expect(boxes.first?.tag == rule)
            #expect(report.boxes(ofEntry: entry) == boxes.map(\.id))
            #expect(html.contains("\(rule): ") || html.contains(">\(rule)<"))
        }
    }

    @Test("furniture boxes sit at bbox × dpi/72")
    func furniturePositions() throws {
        for (id, box) in [("f/1", SyntheticDocument.headerBox), ("f/2", SyntheticDocument.labelBox)] {
            let entry = try #require(report.entry(recordID: "\(SyntheticDocument.docID)/\(id)"))
            let drawn = try #require(report.boxes.first { $0.record == entry })
            #expect(abs(drawn.left - box.x0 * scale) < 0.01)
            #expect(abs(drawn.top - box.y0 * scale) < 0.01)
            #expect(abs(drawn.width - (box.x1 - box.x0) * scale) < 0.01)
            #expect(abs(drawn.height - (box.y1 - box.y0) * scale) < 0.01)
        }
        // 72 pt at 100 dpi is exactly 100 px: the header's left edge.
        #expect(report.boxes.contains { $0.left == 100 && $0.classes == "ov k-furniture" })
    }

    @Test("each attendee gets the box of its own line, not the whole list's")
    func lineLevelBoxes() throws {
        for (id, box) in [("pa/1", SyntheticDocument.firstLineBox), ("pa/2", SyntheticDocument.secondLineBox)] {
            let entry = try #require(report.entry(recordID: "\(SyntheticDocument.docID)/\(id)"))
            let drawn = try #require(report.boxes.first { $0.record == entry })
            #expect(drawn.classes == "ov k-participant")
            #expect(abs(drawn.top - box.y0 * scale) < 0.01)
            #expect(abs(drawn.height - (box.y1 - box.y0) * scale) < 0.01)
        }
    }

    @Test("an agenda item is drawn as its heading only")
    func itemHeading() throws {
        let entry = try #require(report.entry(recordID: "\(SyntheticDocument.docID)/i/1"))
        let drawn = report.boxes.filter { $0.record == entry }
        #expect(drawn.count == 1)
        #expect(abs((drawn.first?.top ?? 0) - SyntheticDocument.headingBox.y0 * scale) < 0.01)
        #expect(drawn.first?.classes == "ov k-item")
    }

    @Test("a parse issue is pinned at the line it points to")
    func issuePinned() throws {
        let entry = try #require(report.entry(recordID: "\(SyntheticDocument.docID)/pi/1"))
        let pins = report.matches(
            #"<a class="pin k-issue" id="(b\d+)" data-rec="\#(entry)" style="left:([\d.]+)px;top:([\d.]+)px""#)
        #expect(pins.count == 1)
        let top = try #require(Double(pins.first?[3] ?? ""))
        #expect(abs(top - SyntheticDocument.secondLineBox.y0 * scale) < 0.01)
    }

    @Test("the report loads nothing from outside: no URL in any src or href")
    func selfContained() {
        #expect(!html.contains("http://"))
        #expect(!html.contains("https://"))
        #expect(!report.links.isEmpty)
        for link in report.links {
            #expect(link.hasPrefix("data:image/png;base64,") || link.hasPrefix("#"), "external link: \(link)")
        }
        #expect(html.contains("Content-Security-Policy"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
    }

    @Test("text from the document is escaped")
    func escaped() {
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"))
        #expect(html.components(separatedBy: "<script>").count == 2)
    }

    @Test("the page image is shown at the page's size in CSS pixels, decoded lazily")
    func pageImage() {
        #expect(html.contains("style=\"width:826.39px;height:1169.44px\""))
        #expect(html.contains("src=\"data:image/png;base64,iVBORw==\""))
        #expect(html.contains("loading=\"lazy\" decoding=\"async\""))
    }

    @Test("the legend names every kind with its colour")
    func legend() {
        for kind in OverlayKind.allCases {
            #expect(html.contains("data-kind=\"\(kind.rawValue)\""))
            #expect(html.contains(".k-\(kind.rawValue){--c:\(kind.color)"))
        }
    }
}
