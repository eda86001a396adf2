import Foundation
public import ProtokollModel

/// Normalizes one extracted document: separates body from furniture, builds blocks, repairs
/// the text, and lays the blocks out as the canonical text that every later offset points to.
public enum DocumentNormalizer {
    /// The separator between blocks in the canonical text.
    public static let blockSeparator = "\n\n"

    /// - Returns: The document's normalize records, in stream order.
    public static func normalize(_ input: ExtractedInput) -> [NormalizeRecord] {
        let docID = input.document?.docID ?? input.end.docID ?? ""
        var drafts: [BlockDraft] = []
        var furniture: [Furniture] = []
        var labels: [Int: String] = [:]

        if input.failure == nil, input.document?.format == .pdf {
            let (verdicts, found) = PDFFurnitureDetector(pages: input.pages, lines: input.lines).detect()
            labels = found
            var body: [BodyLine] = []
            body.reserveCapacity(input.lines.count)
            // By index: a line copied out of the array is three strings retained and released.
            for (index, verdict) in verdicts.enumerated() {
                let page = input.lines[index].page
                if let verdict {
                    furniture.append(
                        Furniture(
                            docID: docID, index: furniture.count, kind: verdict.kind,
                            text: TextRepair.clean(input.lines[index].text), page: page, bbox: input.lines[index].bbox,
                            rule: verdict.rule, score: verdict.score))
                } else {
                    body.append(BodyLine(input.lines[index]))
                }
            }
            drafts = PageBreakJoiner.join(
                PDFBlockBuilder.blocks(pages: input.pages, body: pairedByPage(body, input.pages)))
        } else if input.failure == nil {
            let output = DOCXBlockBuilder.build(input.paragraphs)
            drafts = output.blocks
            for (paragraph, kind, rule) in output.furniture {
                furniture.append(
                    Furniture(
                        docID: docID, index: furniture.count, kind: kind, text: TextRepair.clean(paragraph.text),
                        page: paragraph.pageHint, bbox: nil, partName: paragraph.partName, rule: rule, score: 1))
            }
        }

        let repair = TextRepair(documentText: drafts.flatMap(\.lines))
        var blocks: [TextBlock] = []
        blocks.reserveCapacity(drafts.count)
        // Offsets count scalars; the lengths are kept alongside rather than counted again. The
        // canonical text is only hashed, so its bytes are gathered rather than a string: each
        // line's bytes are copied there once, its scalars counted there, and a block of more
        // than one line takes its text from there rather than joining its lines again.
        var canonical: [UInt8] = []
        var canonicalLength = 0
        let separatorLength = blockSeparator.unicodeScalars.count
        for draft in drafts {
            let repaired = repair.repair(draft.lines)
            var parts: [BlockPart] = []
            var keptLines = 0
            var onlyLine = ""
            var length = 0
            let start = canonicalLength + (blocks.isEmpty ? 0 : separatorLength)
            let textStart = canonical.count + (blocks.isEmpty ? 0 : blockSeparator.utf8.count)
            for (index, line) in repaired.enumerated() where !line.isEmpty {
                let page = draft.page(ofLine: index)
                if keptLines == 0 && !blocks.isEmpty {
                    canonical.append(contentsOf: blockSeparator.utf8)
                } else if keptLines > 0 {
                    canonical.append(UInt8(ascii: "\n"))
                    length += 1
                }
                let lineStart = start + length
                keptLines += 1
                onlyLine = line
                length += Self.appendScalars(of: line, to: &canonical)
                if let last = parts.last, last.page == page {
                    parts[parts.count - 1].charEnd = start + length
                } else {
                    parts.append(
                        BlockPart(page: page, bbox: draft.boxes[page], charStart: lineStart, charEnd: start + length))
                }
            }
            guard keptLines > 0 else { continue }
            // One line is the text as it is; more are the bytes just gathered, their lines
            // joined by line feeds.
            let text =
                keptLines == 1
                ? onlyLine : String(decoding: canonical[textStart...], as: UTF8.self)
            canonicalLength = start + length
            blocks.append(
                TextBlock(
                    docID: docID, index: blocks.count, kind: draft.kind, text: text, charStart: start,
                    charEnd: start + length, page: draft.firstPage, parts: parts, fontSize: draft.fontSize,
                    bold: draft.bold, headingLevel: draft.headingLevel, listLabel: draft.listLabel, style: draft.style,
                    sourceLines: draft.sourceLines))
        }

        var records: [NormalizeRecord] = []
        records.reserveCapacity(input.pages.count + blocks.count + furniture.count + input.issues.count + 3)
        if let document = input.document { records.append(.document(document)) }
        // Each page's first and last block, by index: all that the page records read of them.
        // By index too: a block copied out of the array is its strings and parts retained.
        var blocksByPage: [Int: (first: Int, last: Int)] = [:]
        for index in blocks.indices {
            let page = blocks[index].page
            blocksByPage[page] = (blocksByPage[page]?.first ?? index, index)
        }
        for page in pageNumbers(input) {
            let onPage = blocksByPage[page]
            // A page without blocks sits where the text before it ends.
            let previousEnd = onPage == nil ? blocks.last { $0.page < page }?.charEnd ?? 0 : 0
            records.append(
                .page(
                    PageText(
                        docID: docID, page: page, labelRaw: labels[page],
                        charStart: onPage.map { blocks[$0.first].charStart } ?? previousEnd,
                        charEnd: onPage.map { blocks[$0.last].charEnd } ?? previousEnd)))
        }
        for block in blocks { records.append(.block(block)) }
        for item in furniture { records.append(.furniture(item)) }
        for issue in input.issues { records.append(.issue(issue)) }
        if let failure = input.failure { records.append(.error(failure)) }
        records.append(
            .documentEnd(
                NormalizedEnd(
                    docID: input.end.docID, path: input.end.path, status: input.end.status,
                    textSHA256: SHA256.hex(canonical), textLength: canonicalLength,
                    blocks: blocks.count,
                    furniture: furniture.count)))
        return records
    }

    /// Appends the UTF-8 of `line` to `bytes`.
    /// - Returns: The number of scalars appended, counted on the appended bytes.
    private static func appendScalars(of line: String, to bytes: inout [UInt8]) -> Int {
        let from = bytes.count
        var line = line
        line.withUTF8 { bytes.append(contentsOf: $0) }
        return bytes.withUnsafeBufferPointer { scalarCount(UnsafeBufferPointer(rebasing: $0[from...])) }
    }

    /// The body lines of each of `pages` in turn, paired into rows (`ColumnPairing`).
    ///
    /// Extraction gives the lines page after page, so each page's lines are one run of them,
    /// found by walking the pages and the lines together rather than by filing every line in
    /// a table by its page; lines in any other order are filed so.
    static func pairedByPage(_ body: [BodyLine], _ pages: [PageInfo]) -> [BodyLine] {
        var paired: [BodyLine] = []
        paired.reserveCapacity(body.count)
        let pagesAscend = pages.indices.dropFirst().allSatisfy { pages[$0 - 1].page < pages[$0].page }
        let linesAscend = body.indices.dropFirst().allSatisfy { body[$0 - 1].page <= body[$0].page }
        guard pagesAscend && linesAscend else {
            let bodyByPage = Dictionary(grouping: body, by: \.page)
            for page in pages {
                paired += ColumnPairing.pair(bodyByPage[page.page] ?? [], pageWidth: page.width)
            }
            return paired
        }
        var start = 0
        for page in pages {
            while start < body.count && body[start].page < page.page { start += 1 }
            var end = start
            while end < body.count && body[end].page == page.page { end += 1 }
            paired += ColumnPairing.pair(Array(body[start..<end]), pageWidth: page.width)
            start = end
        }
        return paired
    }

    /// PDF: every page in the file. DOCX: every page Word's hints reach.
    private static func pageNumbers(_ input: ExtractedInput) -> [Int] {
        if input.document?.format == .pdf { return input.pages.map(\.page) }
        let last = max(input.paragraphs.map(\.pageHint).max() ?? 0, input.document?.pageCount ?? 0)
        return last > 0 && input.failure == nil ? Array(1...last) : []
    }
}
