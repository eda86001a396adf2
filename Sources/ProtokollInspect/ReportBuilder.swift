import ProtokollModel
import ProtokollSegment

/// Builds the self-contained HTML report of one document: a header with status, counts and
/// a legend; the rendered pages with overlay boxes (PDF) or the text flow with highlighted
/// spans (DOCX, or a PDF without page images); and the list of records beside them, linked
/// to their boxes both ways.
///
/// Pure: it reads an ``InspectedDocument`` and returns a string, so tests build reports from
/// records written by hand.
public struct ReportBuilder: Sendable {
    /// CSS pixels per PDF point: the renderer's dpi / 72, so boxes and images agree.
    public var scale: Double

    /// - Parameter dpi: The resolution the pages were rendered at.
    public init(dpi: Double = 100) {
        scale = dpi / 72
    }

    /// The report's HTML.
    public func html(for document: InspectedDocument) -> String {
        let placements = RecordPlacement.place(document)
        var registry = BoxRegistry()
        let body: String
        if document.format == .pdf && !document.pages.isEmpty {
            let geometry = TextGeometry(blocks: document.blocks, lines: document.lines, furniture: document.furniture)
            let overlays = Overlay.all(for: placements, in: document, geometry: geometry)
            body = PageView(scale: scale).html(
                document: document, overlays: overlays, labels: pageLabels(document), registry: &registry)
        } else {
            body = TextFlowView().html(
                document: document, placements: placements, pageStarts: pageStarts(document), registry: &registry)
        }
        let list = RecordListView().html(document: document, placements: placements, registry: registry)
        var out = "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(ReportAssets.contentSecurityPolicy)\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTML.escape(document.fileName)) — protokoll inspect</title>\n"
        out += "<style>\n\(ReportAssets.css)</style>\n</head>\n<body>\n"
        out += header(document, placements: placements, registry: registry)
        out += "<main>\n\(body)\(list)</main>\n"
        out += "<script>\n\(ReportAssets.script)</script>\n</body>\n</html>\n"
        return out
    }

    private func header(_ document: InspectedDocument, placements: [RecordPlacement], registry: BoxRegistry) -> String {
        let counts = RecordCounts(document.records)
        let statusClass = document.status == "ok" ? "" : " class=\"status-bad\""
        var out = "<header class=\"top\">\n<h1>\(HTML.escape(document.fileName))</h1>\n"
        out += "<p>status <span\(statusClass)>\(HTML.escape(document.status))</span>"
        out += " · \(document.format?.rawValue ?? "unknown format")"
        if !document.pages.isEmpty { out += " · \(document.pages.count) pages" }
        out += " · \(counts.items) agenda items · \(counts.attendees) attendees · \(counts.decisions) decisions"
        out +=
            " · \(counts.votes) votes · \(counts.furniture) furniture lines · \(counts.parseIssues) parse issues</p>\n"
        out += "<div class=\"legend\">"
        var perKind: [OverlayKind: Int] = [:]
        for placement in placements { perKind[placement.kind, default: 0] += 1 }
        for kind in OverlayKind.allCases {
            out +=
                "<label class=\"k-\(kind.rawValue)\"><input type=\"checkbox\" checked data-kind=\"\(kind.rawValue)\">"
            out += "<span class=\"sw\"></span>\(HTML.escape(kind.title)) (\(perKind[kind] ?? 0))</label>"
        }
        out += "</div>\n"
        let loose = placements.filter { $0.kind == .issue && (registry.boxes[$0.record] ?? []).isEmpty }
        if !loose.isEmpty {
            out += "<ul class=\"docissues\">"
            for issue in loose {
                let id = BoxRegistry.recordID(issue.record)
                out +=
                    "<li><a href=\"#\(id)\" data-rec=\"\(id)\">\(HTML.escape(document.records[issue.record].summary))</a></li>"
            }
            out += "</ul>\n"
        }
        out +=
            "<p class=\"where\">Click a box to find its record, a record to find its box. "
            + "Struck-through lines were removed as page furniture; their label is the rule that removed them.</p>\n"
        return out + "</header>\n"
    }

    /// The printed page labels ("Sida 2 av 7") by page, from `source_document.pages`.
    private func pageLabels(_ document: InspectedDocument) -> [Int: String] {
        guard case .sourceDocument(let source)? = document.records.first else { return [:] }
        var labels: [Int: String] = [:]
        for page in source.pages {
            if let label = page.label_raw { labels[page.page] = label }
        }
        return labels
    }

    /// Where each page's text starts, for the page marks of the text flow.
    private func pageStarts(_ document: InspectedDocument) -> [(page: Int, offset: Int)] {
        guard case .sourceDocument(let source)? = document.records.first else { return [] }
        return source.pages.map { (page: $0.page, offset: $0.char_start) }
    }
}
