import ProtokollModel
import ProtokollSegment

/// Where one public record shows in a report: the stretches of canonical text it stands for
/// and the furniture lines it was read from.
///
/// Most records point into the canonical text with `prov.char_start..<char_end`. Two kinds
/// do not, because their text is not part of the body: `furniture` (an empty span where it
/// stood; the normalize `furniture` record with the same index has its box) and signatures
/// read from an e-signing page (an empty span; their quote is the text of furniture lines on
/// that page).
struct RecordPlacement: Equatable {
    /// Index into ``InspectedDocument/records``.
    var record: Int
    var kind: OverlayKind
    /// Half-open ranges of the canonical text; empty when the record has none.
    var spans: [Range<Int>]
    /// Indexes into ``InspectedDocument/furniture``.
    var furniture: [Int]
    /// The offset a parse issue is pinned at; `nil` for other records and whole-file issues.
    var pin: Int?
    /// The page a record names when nothing else places it.
    var page: Int?

    /// Places every record of `document` that has a kind (all but `source_document`).
    static func place(_ document: InspectedDocument) -> [RecordPlacement] {
        let scalars = Array(document.canonicalText.unicodeScalars)
        var furnitureSeen = 0
        return document.records.enumerated().compactMap { index, record in
            guard let kind = OverlayKind(recordType: record.kind.rawValue) else { return nil }
            var placement = RecordPlacement(record: index, kind: kind, spans: [], furniture: [], pin: nil, page: nil)
            switch record {
            case .furniture(let line):
                placement.page = line.page
                let number = line.id.split(separator: "/").last.flatMap { Int($0) }
                let position = number.map { $0 - 1 } ?? furnitureSeen
                if document.furniture.indices.contains(position) { placement.furniture = [position] }
                furnitureSeen += 1
            case .agendaItem(let item):
                placement.spans = [heading(of: item, in: scalars, blocks: document.blocks)]
            case .signature(let signature) where signature.prov.char_start == signature.prov.char_end:
                placement.page = signature.prov.page
                let quoted = Set(signature.prov.quote.split(separator: "\n").map(Self.squeeze))
                placement.furniture = document.furniture.indices.filter { position in
                    let line = document.furniture[position]
                    return line.page == signature.prov.page && quoted.contains(Self.squeeze(Substring(line.text)))
                }
            case .parseIssue(let issue):
                if let prov = issue.prov {
                    placement.pin = prov.char_start
                    placement.page = prov.page
                    if prov.char_end > prov.char_start { placement.spans = [prov.char_start..<prov.char_end] }
                }
            default:
                if let prov = record.provenance {
                    placement.page = prov.page
                    if prov.char_end > prov.char_start { placement.spans = [prov.char_start..<prov.char_end] }
                }
            }
            return placement
        }
    }

    /// An agenda item's heading: from its start through the end of its title ("§ 12/24",
    /// blank line, "Val av justerare samt tid för justering"), so the box marks the heading
    /// and not the pages of text below it. When the title cannot be found near the start,
    /// the item's first block stands for it.
    static func heading(of item: AgendaItemRecord, in scalars: [Unicode.Scalar], blocks: [TextBlock]) -> Range<Int> {
        let start = item.prov.char_start
        let end = min(item.prov.char_end, scalars.count)
        guard start < end else { return start..<max(start, end) }
        let title = Array(item.title.unicodeScalars.filter { !$0.properties.isWhitespace })
        if !title.isEmpty {
            let window = min(end, start + 80 + item.number_raw.unicodeScalars.count + item.title.unicodeScalars.count)
            for candidate in start..<window where scalars[candidate] == title[0] {
                if let matchEnd = match(title, in: scalars, from: candidate, limit: end) {
                    return start..<matchEnd
                }
            }
        }
        let firstBlockEnd = blocks.first { $0.charStart <= start && start < $0.charEnd }?.charEnd ?? end
        return start..<min(end, firstBlockEnd)
    }

    /// Where `title` (without whitespace) ends when it starts at `from`, skipping whitespace
    /// in the text, since a long title wraps onto a second line.
    private static func match(_ title: [Unicode.Scalar], in scalars: [Unicode.Scalar], from: Int, limit: Int) -> Int? {
        var position = from
        for wanted in title {
            while position < limit && scalars[position].properties.isWhitespace { position += 1 }
            guard position < limit, scalars[position] == wanted else { return nil }
            position += 1
        }
        return position
    }

    /// Text with runs of whitespace (tabs included) made one space, for comparing a quote's
    /// lines with furniture lines.
    private static func squeeze(_ text: Substring) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
