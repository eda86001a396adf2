import Foundation
import ProtokollModel

/// The PDF view: every page as its rendered image, with the overlays absolutely positioned
/// on it at `bbox × scale` CSS pixels.
///
/// The image is shown at exactly that size too (points × dpi/72, the size poppler drew it),
/// so a box lands on its line whatever resolution the image has. Images are data URIs, so
/// the report is one file; `decoding="async"` and `loading="lazy"` let a browser decode an
/// 80-page report's images as they scroll into view instead of all before the first paint.
struct PageView {
    /// CSS pixels per point.
    var scale: Double

    func html(
        document: InspectedDocument, overlays: [Overlay], labels: [Int: String], registry: inout BoxRegistry
    ) -> String {
        let byPage = Dictionary(grouping: overlays, by: \.page)
        var out = "<section class=\"pages\">\n"
        for page in document.pages {
            let width = page.width * scale
            let height = page.height * scale
            let caption = "Page \(page.number)" + (labels[page.number].map { " · " + HTML.escape($0) } ?? "")
            out += "<figure class=\"pg\" id=\"page-\(page.number)\"><figcaption>\(caption)</figcaption>\n"
            out +=
                "<div class=\"sheet\" data-page=\"\(page.number)\" style=\"width:\(HTML.px(width));height:\(HTML.px(height))\">"
            if let png = page.png {
                out += "<img src=\"data:image/png;base64,\(png.base64EncodedString())\" alt=\"page \(page.number)\""
                out += " width=\"\(Int(width.rounded()))\" height=\"\(Int(height.rounded()))\""
                out += " loading=\"lazy\" decoding=\"async\">"
            } else {
                out += "<div class=\"blank\">page \(page.number) was not rendered</div>"
            }
            out += "\n"
            // Large boxes first, so the small ones drawn over them stay clickable; pins last.
            let ordered = (byPage[page.number] ?? []).sorted { a, b in
                a.isPin != b.isPin ? !a.isPin : a.area > b.area
            }
            for overlay in ordered {
                out += self.overlay(overlay, summary: document.records[overlay.record].summary, registry: &registry)
            }
            out += "</div></figure>\n"
        }
        return out + "</section>\n"
    }

    private func overlay(_ overlay: Overlay, summary: String, registry: inout BoxRegistry) -> String {
        let id = registry.add(record: overlay.record)
        let record = BoxRegistry.recordID(overlay.record)
        let title = HTML.escape(summary)
        if overlay.isPin {
            let left = HTML.px(max(0, overlay.box.x0 * scale - 18))
            let top = HTML.px(overlay.box.y0 * scale)
            return
                "<a class=\"pin k-issue\" id=\"\(id)\" data-rec=\"\(record)\" style=\"left:\(left);top:\(top)\" title=\"\(title)\">!</a>\n"
        }
        let box = overlay.box
        let style =
            "left:\(HTML.px(box.x0 * scale));top:\(HTML.px(box.y0 * scale));"
            + "width:\(HTML.px((box.x1 - box.x0) * scale));height:\(HTML.px((box.y1 - box.y0) * scale))"
        let classes = "ov k-\(overlay.kind.rawValue)" + (overlay.dashed ? " list" : "")
        let tag = overlay.tag.map { "<span class=\"tag\">\(HTML.escape($0))</span>" } ?? ""
        return
            "<div class=\"\(classes)\" id=\"\(id)\" data-rec=\"\(record)\" style=\"\(style)\" title=\"\(title)\">\(tag)</div>\n"
    }
}
