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
        let (text, blockBytes) = Self.joined(blocks)
        let walk = Self.scalarStartsAndLineFeeds(of: text)
        scalarStarts = walk.starts
        canonicalText = text
        (lines, lineStarts) = Self.lines(
            of: blocks, in: text, blockBytes: blockBytes, lineFeeds: walk.lineFeeds, scalarCount: walk.starts.count - 1)
    }

    /// The blocks' texts joined as `joined(separator: "\n\n")` joins them, and where each
    /// block's bytes are in the result.
    private static func joined(_ blocks: [TextBlock]) -> (text: String, blockBytes: [Range<Int>]) {
        var text = ""
        text.reserveCapacity(blocks.reduce(2 * max(0, blocks.count - 1)) { $0 + $1.text.utf8.count })
        var blockBytes: [Range<Int>] = []
        blockBytes.reserveCapacity(blocks.count)
        for index in blocks.indices {
            if index > 0 { text += "\n\n" }
            let start = text.utf8.count
            text += blocks[index].text
            blockBytes.append(start..<text.utf8.count)
        }
        return (text, blockBytes)
    }

    /// Where each scalar of `text` starts, then its UTF-8 length; and the line feeds that end
    /// a line where splitting at the character "\n" does, with their scalar offsets: all but
    /// those after a carriage return, which joins them into the one character "\r\n".
    ///
    /// Eight bytes at a time where they are ASCII without a line feed, as most bytes of a
    /// protocol are: each of them starts a scalar.
    private static func scalarStartsAndLineFeeds(of text: String) -> (
        starts: [Int], lineFeeds: [(byte: Int, scalar: Int)]
    ) {
        var text = text
        var lineFeeds: [(byte: Int, scalar: Int)] = []
        let starts = text.withUTF8 { bytes in
            [Int](unsafeUninitializedCapacity: bytes.count + 1) { starts, count in
                guard let base = UnsafeRawPointer(bytes.baseAddress) else { return }
                let lineFeedWord: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
                var offset = 0
                while offset < bytes.count {
                    if bytes.count - offset >= 8 {
                        let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        // No byte beyond ASCII, and no byte equal to a line feed.
                        if word & 0x8080_8080_8080_8080 == 0, !hasZeroByte(word ^ lineFeedWord) {
                            for next in offset..<offset + 8 {
                                starts[count] = next
                                count += 1
                            }
                            offset += 8
                            continue
                        }
                    }
                    let byte = bytes[offset]
                    if !UTF8.isContinuation(byte) {
                        if byte == UInt8(ascii: "\n"), offset == 0 || bytes[offset - 1] != UInt8(ascii: "\r") {
                            lineFeeds.append((offset, count))
                        }
                        starts[count] = offset
                        count += 1
                    }
                    offset += 1
                }
                starts[count] = bytes.count
                count += 1
            }
        }
        return (starts, lineFeeds)
    }

    /// Every block's lines, cut from `text` at `lineFeeds`, with their lowercase forms and
    /// offsets; and where each block's lines start.
    private static func lines(
        of blocks: [TextBlock], in text: String, blockBytes: [Range<Int>], lineFeeds: [(byte: Int, scalar: Int)],
        scalarCount: Int
    ) -> (lines: [TextLine], starts: [Int]) {
        // Lowercased once for all lines when Latin arithmetic lowercases it: each line's form
        // is then the same bytes of the whole's, as the arithmetic maps scalar by scalar. The
        // scalars of every block stand alone when the whole text's do (a test of each scalar).
        let lowerText = text.latinLowercased()
        let allPlain = text.scalarsAreCharacters
        // Where each block starts in scalars: just after the second line feed of the
        // separator before it, which no carriage return precedes; then where a block after
        // the last would start.
        var blockScalars: [Int] = []
        blockScalars.reserveCapacity(blocks.count + 1)
        var feed = 0
        for bytes in blockBytes {
            guard bytes.lowerBound > 0 else {
                blockScalars.append(0)
                continue
            }
            while lineFeeds[feed].byte < bytes.lowerBound - 1 { feed += 1 }
            blockScalars.append(lineFeeds[feed].scalar + 1)
        }
        blockScalars.append(scalarCount + 2)
        var lines: [TextLine] = []
        var starts: [Int] = []
        lines.reserveCapacity(lineFeeds.count + 1)
        starts.reserveCapacity(blocks.count)
        var nextFeed = 0
        for index in blocks.indices {
            starts.append(lines.count)
            let plain = allPlain || blocks[index].text.scalarsAreCharacters
            let bytes = blockBytes[index]
            while nextFeed < lineFeeds.count, lineFeeds[nextFeed].byte < bytes.lowerBound { nextFeed += 1 }
            var lineStart = (byte: bytes.lowerBound, scalar: blockScalars[index])
            while true {
                var lineEnd = (byte: bytes.upperBound, scalar: blockScalars[index + 1] - 2)
                if nextFeed < lineFeeds.count, lineFeeds[nextFeed].byte < bytes.upperBound {
                    lineEnd = lineFeeds[nextFeed]
                    nextFeed += 1
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
                let start = blocks[index].charStart + lineStart.scalar - blockScalars[index]
                let page = blocks[index].parts.last { $0.charStart <= start }?.page ?? blocks[index].page
                lines.append(
                    TextLine(
                        text: lineText, scalarsAreCharacters: plain || lineText.scalarsAreCharacters,
                        lower: lower.text, lowerIsLatin: lower.isLatin, start: start,
                        end: start + lineEnd.scalar - lineStart.scalar, block: index, page: page))
                guard lineEnd.byte < bytes.upperBound else { break }
                lineStart = (lineEnd.byte + 1, lineEnd.scalar + 1)
            }
        }
        return (lines, starts)
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
