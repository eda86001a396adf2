import ProtokollModel

/// The view for documents without geometry (DOCX): the canonical text as it flows, each
/// record's span highlighted in its kind's colour, parse issues pinned at their offset, page
/// hints marked, and the furniture listed separately, struck through, with its rule and part.
///
/// Spans nest (voters inside a vote list), so the text is cut at every span edge and each
/// piece is coloured by the innermost record covering it; the piece is listed as a box of
/// every record covering it, so selecting the vote list lights up all its lines.
struct TextFlowView {
    func html(
        document: InspectedDocument, placements: [RecordPlacement], pageStarts: [(page: Int, offset: Int)],
        registry: inout BoxRegistry
    ) -> String {
        let scalars = Array(document.canonicalText.unicodeScalars)
        let spans =
            placements
            .filter { $0.kind != .issue }
            .flatMap { placement in placement.spans.map { (placement: placement, range: clamp($0, scalars.count)) } }
            .filter { !$0.range.isEmpty }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
        let pins = placements.filter { $0.kind == .issue && $0.pin != nil }
        var cuts = Set([0, scalars.count])
        for span in spans {
            cuts.insert(span.range.lowerBound)
            cuts.insert(span.range.upperBound)
        }
        for pin in pins { cuts.insert(min(max(0, pin.pin ?? 0), scalars.count)) }
        for start in pageStarts { cuts.insert(min(max(0, start.offset), scalars.count)) }
        let sortedCuts = cuts.sorted()

        var out = "<section class=\"flow\">\n<h2>Text</h2>\n<div class=\"text\">"
        var next = 0
        var active: [(placement: RecordPlacement, range: Range<Int>)] = []
        var printedPages = Set<Int>()
        for (lower, upper) in zip(sortedCuts, sortedCuts.dropFirst()) {
            for start in pageStarts where start.offset == lower && printedPages.insert(start.page).inserted {
                out += "<span class=\"pmark\">page \(start.page)</span>"
            }
            for pin in pins where pin.pin == lower {
                out += pinHTML(pin, document: document, registry: &registry)
            }
            while next < spans.count && spans[next].range.lowerBound <= lower {
                active.append(spans[next])
                next += 1
            }
            active.removeAll { $0.range.upperBound <= lower }
            let text = HTML.escape(String(String.UnicodeScalarView(scalars[lower..<upper])))
            guard let owner = active.min(by: { $0.range.count < $1.range.count }) else {
                out += text
                continue
            }
            let id = registry.add(record: owner.placement.record)
            for other in active where other.placement.record != owner.placement.record {
                registry.attach(id, to: other.placement.record)
            }
            let title = HTML.escape(document.records[owner.placement.record].summary)
            out +=
                "<span class=\"seg k-\(owner.placement.kind.rawValue)\" id=\"\(id)\" data-rec=\"\(BoxRegistry.recordID(owner.placement.record))\" title=\"\(title)\">\(text)</span>"
        }
        for pin in pins where (pin.pin ?? 0) >= scalars.count {
            out += pinHTML(pin, document: document, registry: &registry)
        }
        out += "</div>\n"
        out += furnitureHTML(document: document, placements: placements, registry: &registry)
        return out + "</section>\n"
    }

    private func pinHTML(_ pin: RecordPlacement, document: InspectedDocument, registry: inout BoxRegistry) -> String {
        let id = registry.add(record: pin.record)
        let title = HTML.escape(document.records[pin.record].summary)
        return
            "<a class=\"pin inline k-issue\" id=\"\(id)\" data-rec=\"\(BoxRegistry.recordID(pin.record))\" title=\"\(title)\">!</a>"
    }

    /// Furniture is not in the canonical text, so it gets a list of its own; signatures read
    /// from it link to the same entries.
    private func furnitureHTML(
        document: InspectedDocument, placements: [RecordPlacement], registry: inout BoxRegistry
    ) -> String {
        let owners = placements.filter { !$0.furniture.isEmpty }
        guard !document.furniture.isEmpty else { return "" }
        var out = "<h2>Removed as furniture (\(document.furniture.count))</h2>\n<ol class=\"furn\">\n"
        for (index, line) in document.furniture.enumerated() {
            let holders = owners.filter { $0.furniture.contains(index) }
            let main = holders.first { $0.kind == .furniture } ?? holders.first
            var attributes = ""
            if let main {
                let id = registry.add(record: main.record)
                for other in holders where other.record != main.record { registry.attach(id, to: other.record) }
                attributes = " id=\"\(id)\" data-rec=\"\(BoxRegistry.recordID(main.record))\""
            }
            let part = line.partName.map { " <span class=\"part\">\(HTML.escape($0))</span>" } ?? ""
            out +=
                "<li class=\"fl k-furniture\"\(attributes)><span class=\"tag\">\(HTML.escape(line.rule))</span> "
                + "<s>\(HTML.escape(line.text))</s>\(part) <span class=\"where\">p. \(line.page)</span></li>\n"
        }
        return out + "</ol>\n"
    }

    private func clamp(_ range: Range<Int>, _ count: Int) -> Range<Int> {
        let lower = min(max(0, range.lowerBound), count)
        return lower..<min(max(lower, range.upperBound), count)
    }
}
