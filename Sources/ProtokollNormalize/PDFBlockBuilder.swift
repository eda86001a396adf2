import ProtokollModel

/// Groups a PDF's body lines into blocks: paragraphs, list entries, headings, label rows.
///
/// A new block starts where a reader sees one: a vertical gap clearly wider than the
/// document's usual gap between the lines of a paragraph, a jump back up the page (the next column), a change of font size or weight, a list
/// or item marker at the start of the line ("•", "1.", "a)", "§"), or a "Label:<tab>value"
/// row. A bold block of at most two lines, not a label row, is a heading.
enum PDFBlockBuilder {
    static func blocks(pages: [PageInfo], body: [BodyLine]) -> [BlockDraft] {
        let lineGap = usualLineGap(body)
        var drafts: [BlockDraft] = []
        // The previous line by its index, and the last draft changed where it stands: copying
        // lines and drafts in and out cost more than the decisions.
        var previous: Int?
        for index in body.indices {
            let line = body[index]
            let text = TextRepair.clean(line.text)
            guard !text.isEmpty else { continue }
            if let last = previous, !drafts.isEmpty,
                !startsNewBlock(line, text: text, after: body[last], lineGap: lineGap)
            {
                let current = drafts.count - 1
                drafts[current].appendLine(text, page: line.page)
                drafts[current].boxes.add(line.bbox, page: line.page)
                drafts[current].sourceLines += line.sources
            } else {
                drafts.append(draft(for: line, text: text))
            }
            previous = index
        }
        for index in drafts.indices
        where drafts[index].bold && drafts[index].lines.count <= 2
            && !drafts[index].lines.contains(where: { $0.containsBytes("\t") })
        {
            drafts[index].kind = .heading
        }
        return drafts
    }

    private static func draft(for line: BodyLine, text: String) -> BlockDraft {
        var draft = BlockDraft(
            kind: .text, lines: [text], page: line.page, fontSize: line.fontSize, bold: line.bold,
            sourceLines: line.sources)
        draft.boxes.add(line.bbox, page: line.page)
        return draft
    }

    /// The most common gap between a line's bottom and the next line's top, in quarter points:
    /// the leading inside paragraphs, against which paragraph spacing stands out.
    static func usualLineGap(_ lines: [BodyLine]) -> Double {
        var counts: [Int: Int] = [:]
        for (previous, line) in zip(lines, lines.dropFirst()) where line.page == previous.page {
            let gap = line.bbox.y0 - previous.bbox.y1
            if gap >= -1, gap < 0.5 * max(previous.bbox.height, 1) {
                counts[Int((gap * 4).rounded()), default: 0] += 1
            }
        }
        let mode = counts.max { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }?.key ?? 0
        return Double(mode) / 4
    }

    static func startsNewBlock(_ line: BodyLine, text: String, after previous: BodyLine, lineGap: Double) -> Bool {
        if line.page != previous.page { return true }
        let height = max(previous.bbox.height, line.bbox.height, 1)
        if line.bbox.y0 - previous.bbox.y1 > lineGap + max(1.5, 0.2 * height) { return true }
        if line.bbox.y0 < previous.bbox.y0 - 2 { return true }
        if line.bold != previous.bold { return true }
        if let size = line.fontSize, let previousSize = previous.fontSize, abs(size - previousSize) > 0.6 {
            return true
        }
        if startsWithMarker(text) { return true }
        // A tab is always a character of its own, so its byte is as good as the character.
        if text.containsBytes("\t"), let label = text.split(separator: "\t", maxSplits: 1).first, label.hasSuffix(":") {
            return true
        }
        return false
    }

    /// "• x", "- x", "1. x", "12) x", "a) x", "§ 12", "§12": a list entry or an item heading.
    ///
    /// The answer depends on the first five characters at most. When each of the first six
    /// scalars is one that never joins a neighbour, those characters are the first five
    /// scalars, and are read as such; other lines go character by character.
    static func startsWithMarker(_ text: String) -> Bool {
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: 6) { scalars in
            var count = 0
            for scalar in text.unicodeScalars {
                guard count < 6 else { break }
                guard standsAlone(scalar) else { return startsWithMarkerByCharacters(text) }
                scalars[count] = scalar
                count += 1
            }
            // The last of six may take a combining mark after it; fewer are the whole text.
            return startsWithMarker(UnsafeBufferPointer(rebasing: scalars[..<min(count, 5)]))
        }
    }

    /// Whether a scalar is a character wherever it stands among others like it: below the
    /// combining marks and not a carriage return, or the two dashes and bullet of markers.
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x300 && scalar != "\r") || scalar == "•" || scalar == "–"
    }

    /// `startsWithMarker` of the text whose first characters are `characters`, one scalar each
    /// (all of them, or the first five).
    private static func startsWithMarker(_ characters: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard let first = characters.first else { return false }
        if first == "•" || first == "§" { return true }
        if first == "-" || first == "–" { return characters.count > 1 && characters[1] == " " }
        var digits = 0
        while digits < characters.count && isNumber(characters[digits]) { digits += 1 }
        // With five characters all digits the run is longer than three, as it is with four.
        if digits > 0 && digits <= 3 {
            guard digits + 1 < characters.count else { return false }
            let next = characters[digits + 1]
            return characters[digits] == "." && (next == " " || next == "\t")
                || characters[digits] == ")" && next == " "
        }
        return characters.count > 2 && isLowercaseLetter(first) && characters[1] == ")" && characters[2] == " "
    }

    private static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("0"..."9").contains(scalar) : Character(scalar).isNumber
    }

    private static func isLowercaseLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) : Character(scalar).isLetter && Character(scalar).isLowercase
    }

    /// `startsWithMarker` character by character: the reference answer.
    static func startsWithMarkerByCharacters(_ text: String) -> Bool {
        if text.hasPrefix("•") || text.hasPrefix("- ") || text.hasPrefix("– ") || text.hasPrefix("§") { return true }
        let digits = text.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = text.dropFirst(digits.count)
            return rest.hasPrefix(". ") || rest.hasPrefix(") ") || rest.hasPrefix(".\t")
        }
        if let first = text.first, first.isLetter, first.isLowercase {
            let rest = text.dropFirst()
            return rest.hasPrefix(") ")
        }
        return false
    }
}
