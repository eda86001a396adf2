import ProtokollModel

/// One line of the canonical text with its offsets, the unit most parsers work on.
struct TextLine: Equatable {
    var text: String
    var start: Int
    var end: Int
    /// Index of the block the line belongs to.
    var block: Int
    var page: Int
}

/// A normalized document gathered for segmentation: blocks, lines, furniture, pages, and
/// the canonical text to quote from.
struct SegmentInput {
    var document: DocumentInfo?
    var blocks: [TextBlock] = []
    var furniture: [Furniture] = []
    var pages: [PageText] = []
    var issues: [ExtractIssue] = []
    var failure: ExtractFailure?
    var end: NormalizedEnd?
    /// Every block's lines, in order.
    var lines: [TextLine] = []
    let canonical: [Unicode.Scalar]

    init(records: [NormalizeRecord]) {
        for record in records {
            switch record {
            case .document(let value): document = value
            case .page(let value): pages.append(value)
            case .block(let value): blocks.append(value)
            case .furniture(let value): furniture.append(value)
            case .issue(let value): issues.append(value)
            case .error(let value): failure = value
            case .documentEnd(let value): end = value
            }
        }
        canonical = Array(blocks.map(\.text).joined(separator: "\n\n").unicodeScalars)
        for (index, block) in blocks.enumerated() {
            var start = block.charStart
            for text in block.text.split(separator: "\n", omittingEmptySubsequences: false) {
                let length = text.unicodeScalars.count
                let page = block.parts.last { $0.charStart <= start }?.page ?? block.page
                lines.append(TextLine(text: String(text), start: start, end: start + length, block: index, page: page))
                start += length + 1
            }
        }
    }

    /// The document's id; a file whose bytes could not be read at all has no content to name
    /// it by, so its path names it instead (same `sha256:` form, hashed over "path:<path>").
    var docID: String {
        document?.docID ?? end?.docID
            ?? DocumentInfo.docID(forSHA256: SHA256.hex(Array(("path:" + (end?.path ?? "")).utf8)))
    }
    var textLayer: String { document?.format == .docx ? "docx" : "pdf_text" }

    /// The lines of blocks `range`.
    func lines(ofBlocks range: Range<Int>) -> [TextLine] {
        lines.filter { range.contains($0.block) }
    }

    /// Provenance for a span of the canonical text.
    func provenance(_ start: Int, _ end: Int) -> Provenance {
        let page = page(at: start)
        return Provenance(
            page: page, page_label: page.flatMap(label(ofPage:)), char_start: start, char_end: end,
            quote: String(String.UnicodeScalarView(canonical[max(0, start)..<min(end, canonical.count)])),
            text_layer: textLayer)
    }

    func provenance(_ lines: [TextLine]) -> Provenance {
        provenance(lines.first?.start ?? 0, lines.last?.end ?? 0)
    }

    /// Provenance for furniture, which is outside the canonical text: an empty span where
    /// its page starts, quoting the furniture's own text.
    func provenance(furniture: Furniture) -> Provenance {
        let offset = pages.first { $0.page == furniture.page }?.charStart ?? canonical.count
        return Provenance(
            page: furniture.page, page_label: label(ofPage: furniture.page), char_start: offset, char_end: offset,
            quote: furniture.text, text_layer: textLayer)
    }

    func page(at offset: Int) -> Int? {
        for block in blocks where block.charStart <= offset && offset <= block.charEnd {
            return block.parts.last { $0.charStart <= offset }?.page ?? block.page
        }
        return nil
    }

    func label(ofPage page: Int) -> String? {
        pages.first { $0.page == page }?.labelRaw
    }
}
