import ProtokollModel
import ProtokollSegment

/// The list of extracted records beside the pages, grouped by type in file order. Each entry
/// names its boxes (`data-boxes`), so a click scrolls to them; entries with no place on a
/// page say so, which is itself worth knowing when a record came out wrong.
struct RecordListView {
    func html(document: InspectedDocument, placements: [RecordPlacement], registry: BoxRegistry) -> String {
        let placed = Dictionary(placements.map { ($0.record, $0) }, uniquingKeysWith: { first, _ in first })
        var out = "<nav class=\"records\" aria-label=\"records\">\n<h2>Records</h2>\n"
        for type in PublicRecord.Kind.allCases where type != .sourceDocument && type != .canonicalText {
            let members = document.records.indices.filter { document.records[$0].kind == type }
            guard !members.isEmpty else { continue }
            let kind = OverlayKind(recordType: type.rawValue)
            out += "<details class=\"grp\" open><summary>\(type.rawValue) <span class=\"n\">\(members.count)</span>"
            out += "</summary>\n<ol>\n"
            for index in members {
                out += entry(index, record: document.records[index], kind: kind, placement: placed[index], registry)
            }
            out += "</ol></details>\n"
        }
        return out + "</nav>\n"
    }

    private func entry(
        _ index: Int, record: PublicRecord, kind: OverlayKind?, placement: RecordPlacement?, _ registry: BoxRegistry
    ) -> String {
        let boxes = registry.boxes[index] ?? []
        let classes = "rec k-\(kind?.rawValue ?? "none")" + (boxes.isEmpty ? " nobox" : "")
        let page = (placement?.page ?? record.provenance?.page).map { "p. \($0)" } ?? ""
        let json = (try? NDJSON.line(record)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        var out =
            "<li class=\"\(classes)\" id=\"\(BoxRegistry.recordID(index))\" data-boxes=\"\(boxes.joined(separator: " "))\""
        out += " data-id=\"\(HTML.escape(record.recordID))\" tabindex=\"0\">"
        out += "<span class=\"sw\"></span><span class=\"sum\">\(HTML.escape(record.summary))</span>"
        out += " <span class=\"where\">\(boxes.isEmpty ? (page.isEmpty ? "no box" : "\(page) · no box") : page)</span>"
        out += "<details class=\"json\"><summary>json</summary><pre>\(HTML.escape(json))</pre></details></li>\n"
        return out
    }
}
