import ProtokollModel

/// One line of the canonical text with its offsets, the unit most parsers work on.
///
/// The parsers pass lines around in arrays, copying each line many times per document: its
/// two texts live in one shared object, so a copy retains one reference instead of two
/// strings.
struct TextLine: Equatable {
    /// The texts of one line, made once and shared by every copy of it.
    private final class Texts: Sendable {
        let text: SearchableText
        let lower: SearchableText
        let lowerPairs: BytePairs

        init(text: SearchableText, lower: SearchableText) {
            self.text = text
            self.lower = lower
            lowerPairs = BytePairs(lower.text)
        }
    }

    private let texts: Texts
    var start: Int
    var end: Int
    /// Index of the block the line belongs to.
    var block: Int
    var page: Int

    init(text: String, lower: String, start: Int, end: Int, block: Int, page: Int) {
        self.init(
            text: text, scalarsAreCharacters: text.scalarsAreCharacters, lower: lower, lowerIsLatin: false,
            start: start, end: end, block: block, page: page)
    }

    /// `scalarsAreCharacters` tells whether the scalars of `text` are characters, known
    /// already for every line of a block whose scalars are. `lowerIsLatin` tells that `lower`
    /// was made by `latinLowercased()`: it then differs from `text` only in letters below
    /// U+0100, which stand alone as every scalar below U+0300 does, and whether a scalar
    /// stands alone is all that `scalarsAreCharacters` asks, so the two texts answer alike.
    init(
        text: String, scalarsAreCharacters: Bool, lower: String, lowerIsLatin: Bool, start: Int, end: Int,
        block: Int, page: Int
    ) {
        texts = Texts(
            text: SearchableText(text, scalarsAreCharacters: scalarsAreCharacters),
            lower: lowerIsLatin
                ? SearchableText(lower, scalarsAreCharacters: scalarsAreCharacters) : SearchableText(lower))
        self.start = start
        self.end = end
        self.block = block
        self.page = page
    }

    /// The line, searched as Foundation searches it (see `String.textRange(of:)`).
    var textSearch: SearchableText { texts.text }

    /// `text` lowercased, once, and whether its scalars are characters, found once: the parsers
    /// compare and search most lines against lowercase vocabulary, several times each.
    var lowerSearch: SearchableText { texts.lower }

    /// The byte pairs of `lower`, for ruling out phrases before searching (see `LinePhrase`).
    var lowerPairs: BytePairs { texts.lowerPairs }

    /// The line's text.
    var text: String { texts.text.text }

    /// `text` lowercased.
    var lower: String { texts.lower.text }

    static func == (left: TextLine, right: TextLine) -> Bool {
        left.text == right.text && left.lower == right.lower && left.start == right.start && left.end == right.end
            && left.block == right.block && left.page == right.page
    }
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
    /// Mean OCR confidence of each page read by OCR. The extract stage reports it in the page's
    /// `ocr` or `ocr_low_confidence` issue, the one per-page record that reaches segmentation.
    var ocrConfidence: [Int: Double] = [:]
    /// Every block's lines, in order.
    var lines: [TextLine] = []
    /// Where each block's lines start in `lines`; `lineStarts[blocks.count]` is the end.
    private var lineStarts: [Int] = []
    /// The blocks' texts joined as normalization laid them out; record offsets count its scalars.
    let canonicalText: String
    /// The UTF-8 offset where each scalar of `canonicalText` starts, then its UTF-8 length:
    /// quoting a span of scalars is then a slice, without walking the text.
    private let scalarStarts: [Int]

    init(records: [NormalizeRecord]) {
        for record in records {
            switch record {
            case .document(let value): document = value
            case .page(let value): pages.append(value)
            case .block(let value): blocks.append(value)
            case .furniture(let value): furniture.append(value)
            case .issue(let value):
                issues.append(value)
                if value.code == "ocr" || value.code == "ocr_low_confidence", let page = value.page,
                    let confidence = value.confidence
                {
                    ocrConfidence[page] = confidence
                }
            case .error(let value): failure = value
            case .documentEnd(let value): end = value
            }
        }
        // The blocks joined as `joined(separator: "\n\n")` joins them, noting where each lands.
        var text = ""
        text.reserveCapacity(blocks.reduce(0) { $0 + $1.text.utf8.count + 2 })
        var blockBytes: [Range<Int>] = []
        blockBytes.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() {
            if index > 0 { text += "\n\n" }
            let start = text.utf8.count
            text += block.text
            blockBytes.append(start..<text.utf8.count)
        }
        // Where each scalar starts, and the line feeds that end a line where splitting a block
        // at the character "\n" does: all but those after a carriage return, which joins them
        // into the one character "\r\n".
        var lineFeeds: [(byte: Int, scalar: Int)] = []
        scalarStarts = text.withUTF8 { bytes in
            [Int](unsafeUninitializedCapacity: bytes.count + 1) { starts, count in
                for offset in bytes.indices where !UTF8.isContinuation(bytes[offset]) {
                    if bytes[offset] == UInt8(ascii: "\n"), offset == 0 || bytes[offset - 1] != UInt8(ascii: "\r") {
                        lineFeeds.append((offset, count))
                    }
                    starts[count] = offset
                    count += 1
                }
                starts[count] = bytes.count
                count += 1
            }
        }
        canonicalText = text
        // Lowercased once for all lines when Latin arithmetic lowercases it: each line's form
        // is then the same bytes of the whole's, as the arithmetic maps scalar by scalar.
        let lowerText = text.latinLowercased()
        var nextFeed = 0
        for (index, block) in blocks.enumerated() {
            lineStarts.append(lines.count)
            let plain = block.text.scalarsAreCharacters
            let bytes = blockBytes[index]
            while nextFeed < lineFeeds.count, lineFeeds[nextFeed].byte < bytes.lowerBound { nextFeed += 1 }
            let blockScalar = scalarIndex(atByte: bytes.lowerBound)
            var lineStart = (byte: bytes.lowerBound, scalar: blockScalar)
            while true {
                var lineEnd = (byte: bytes.upperBound, scalar: 0)
                if nextFeed < lineFeeds.count, lineFeeds[nextFeed].byte < bytes.upperBound {
                    lineEnd = lineFeeds[nextFeed]
                    nextFeed += 1
                } else {
                    lineEnd.scalar = scalarIndex(atByte: bytes.upperBound)
                }
                let range = lineStart.byte..<lineEnd.byte
                let lineText = String(text.slice(utf8: range))
                let lower: (text: String, isLatin: Bool)
                if let lowerText {
                    lower = (String(lowerText.slice(utf8: range)), true)
                } else if let latin = lineText.latinLowercased() {
                    lower = (latin, true)
                } else {
                    lower = (lineText.lowercased(), false)
                }
                let start = block.charStart + lineStart.scalar - blockScalar
                let page = block.parts.last { $0.charStart <= start }?.page ?? block.page
                lines.append(
                    TextLine(
                        text: lineText, scalarsAreCharacters: plain || lineText.scalarsAreCharacters,
                        lower: lower.text, lowerIsLatin: lower.isLatin, start: start,
                        end: start + lineEnd.scalar - lineStart.scalar, block: index, page: page))
                guard lineEnd.byte < bytes.upperBound else { break }
                lineStart = (lineEnd.byte + 1, lineEnd.scalar + 1)
            }
        }
    }

    /// The index of the scalar that starts at UTF-8 offset `byte` (the scalar count at the
    /// end), by binary search in `scalarStarts`.
    private func scalarIndex(atByte byte: Int) -> Int {
        var low = 0
        var high = scalarStarts.count - 1
        while low < high {
            let middle = (low + high) / 2
            if scalarStarts[middle] < byte { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The lines of one block.
    func lines(ofBlock block: Int) -> ArraySlice<TextLine> {
        lines[lineStarts[block]..<(block + 1 < lineStarts.count ? lineStarts[block + 1] : lines.count)]
    }

    /// The document's id; a file whose bytes could not be read at all has no content to name
    /// it by, so its path names it instead (same `sha256:` form, hashed over "path:<path>").
    var docID: String {
        document?.docID ?? end?.docID
            ?? DocumentInfo.docID(forSHA256: SHA256.hex(Array(("path:" + (end?.path ?? "")).utf8)))
    }
    /// The document's text layer: `docx`, `pdf_text`, `ocr` when all body text was read by
    /// OCR, or `mixed` when some pages were.
    var textLayer: String {
        if document?.format == .docx { return "docx" }
        guard !ocrConfidence.isEmpty else { return "pdf_text" }
        let bodyPages = Set(blocks.flatMap { block in block.parts.map(\.page) + [block.page] })
        return bodyPages.isSubset(of: ocrConfidence.keys) ? "ocr" : "mixed"
    }

    /// Where the text of `page` was read from: `ocr` on an OCR page, else the document's own
    /// layer (`pdf_text` or `docx`).
    func textLayer(ofPage page: Int?) -> String {
        if let page, ocrConfidence[page] != nil { return "ocr" }
        return document?.format == .docx ? "docx" : "pdf_text"
    }

    /// The lines of blocks `range`.
    func lines(ofBlocks range: Range<Int>) -> [TextLine] {
        guard !range.isEmpty, range.lowerBound < blocks.count else { return [] }
        let end = range.upperBound < lineStarts.count ? lineStarts[range.upperBound] : lines.count
        return Array(lines[lineStarts[range.lowerBound]..<end])
    }

    /// The lines of the given blocks, in the blocks' order.
    func lines(ofBlocks list: [Int]) -> [TextLine] {
        list.flatMap { lines(ofBlock: $0) }
    }

    /// The length of the canonical text in scalars.
    var canonicalLength: Int { scalarStarts.count - 1 }

    /// The canonical text of a span of scalars.
    func quote(_ span: Range<Int>) -> String {
        let utf8 = canonicalText.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: scalarStarts[span.lowerBound])
        let end = utf8.index(utf8.startIndex, offsetBy: scalarStarts[span.upperBound])
        return String(canonicalText.unicodeScalars[start..<end])
    }

    /// Provenance for a span of the canonical text.
    func provenance(_ start: Int, _ end: Int) -> Provenance {
        let page = page(at: start)
        return Provenance(
            page: page, page_label: page.flatMap(label(ofPage:)), char_start: start, char_end: end,
            quote: quote(max(0, start)..<min(end, canonicalLength)),
            text_layer: textLayer(ofPage: page))
    }

    func provenance(_ lines: [TextLine]) -> Provenance {
        provenance(lines.first?.start ?? 0, lines.last?.end ?? 0)
    }

    /// Provenance for a whole page (an OCR issue): an empty span where its text starts.
    func provenance(page: Int) -> Provenance {
        let offset = pages.first { $0.page == page }?.charStart ?? canonicalLength
        return Provenance(
            page: page, page_label: label(ofPage: page), char_start: offset, char_end: offset, quote: "",
            text_layer: textLayer(ofPage: page))
    }

    /// Provenance for furniture, which is outside the canonical text: an empty span where
    /// its page starts, quoting the furniture's own text.
    func provenance(furniture: Furniture) -> Provenance {
        let offset = pages.first { $0.page == furniture.page }?.charStart ?? canonicalLength
        return Provenance(
            page: furniture.page, page_label: label(ofPage: furniture.page), char_start: offset, char_end: offset,
            quote: furniture.text, text_layer: textLayer(ofPage: furniture.page))
    }

    /// The page at a canonical-text offset, by binary search over the blocks.
    func page(at offset: Int) -> Int? {
        var low = 0
        var high = blocks.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let block = blocks[middle]
            if offset < block.charStart {
                high = middle - 1
            } else if offset > block.charEnd {
                low = middle + 1
            } else {
                return block.parts.last { $0.charStart <= offset }?.page ?? block.page
            }
        }
        return nil
    }

    func label(ofPage page: Int) -> String? {
        page >= 1 && page <= pages.count && pages[page - 1].page == page
            ? pages[page - 1].labelRaw : pages.first { $0.page == page }?.labelRaw
    }
}
