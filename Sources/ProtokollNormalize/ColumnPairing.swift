import ProtokollModel

/// Rejoins the rows of a two-column list that poppler read column by column.
///
/// An attendance list laid out as "name   municipality" comes out of poppler as all the names,
/// then all the municipalities. When a run of left-aligned short lines is followed by a run of
/// the same length, further right, whose baselines match line for line, the two runs are one
/// list of rows: they are merged into "name\tmunicipality" lines. Prose in two columns is
/// left alone: its lines are too wide, and its columns rarely have the same line count.
enum ColumnPairing {
    static let maximumLineShare = 0.3
    static let baselineTolerance = 2.0

    /// Lines of one page in reading order; the result is in reading order too, with each merged
    /// row standing where its left half stood. `sources` counts the original lines per line.
    static func pair(_ lines: [BodyLine], pageWidth: Double) -> [BodyLine] {
        let lines = attachLoneBullets(lines)
        var result: [BodyLine] = []
        var index = 0
        while index < lines.count {
            let left = run(from: index, in: lines, pageWidth: pageWidth)
            let right = run(from: left.upperBound, in: lines, pageWidth: pageWidth)
            if left.count >= 3, left.count == right.count, isRowPartner(lines[left], lines[right]) {
                for (leftLine, rightLine) in zip(lines[left], lines[right]) {
                    var merged = leftLine
                    merged.text = leftLine.text + "\t" + rightLine.text
                    merged.bbox = leftLine.bbox.union(rightLine.bbox)
                    merged.sources = 2
                    result.append(merged)
                }
                index = right.upperBound
            } else {
                result.append(lines[index])
                index += 1
            }
        }
        return result
    }

    private static let bullets: Set<String> = ["•", "\u{F0B7}", "\u{F0A7}", "▪", "◦", "●", "■", "-", "–", "➢"]

    /// A bullet drawn apart from its text ("•" at the margin, the text at a tab stop) comes out
    /// of poppler as a line of its own, often all the bullets before all the texts. Each lone
    /// bullet goes back in front of the line on its baseline to its right, which counts it
    /// among its `sources`.
    /// - Returns: The lines without the lone bullets that found a line.
    static func attachLoneBullets(_ lines: [BodyLine]) -> [BodyLine] {
        // Most pages have no lone bullet: their lines stay as they are, without a copy.
        guard lines.contains(where: { isLoneBullet($0.text) }) else { return lines }
        var result: [BodyLine] = []
        // Bullets by their place in `lines`.
        var pending: [Int] = []
        for (position, line) in lines.enumerated() {
            if isLoneBullet(line.text) {
                pending.append(position)
            } else {
                result.append(line)
            }
        }
        var unmatched: Set<Int> = []
        for position in pending {
            let bullet = lines[position]
            let partner = result.indices.first { index in
                let line = result[index]
                return line.page == bullet.page && abs(line.bbox.y0 - bullet.bbox.y0) <= baselineTolerance + 1
                    && line.bbox.x0 > bullet.bbox.x1 && line.bbox.x0 - bullet.bbox.x1 < 60
                    && !line.text.hasPrefix("•")
            }
            if let partner {
                result[partner].text = "• " + result[partner].text
                result[partner].bbox = result[partner].bbox.union(bullet.bbox)
                result[partner].sources += 1
            } else {
                unmatched.insert(position)
            }
        }
        guard !unmatched.isEmpty else { return result }
        // Bullets with no partner stay, in their reading-order place.
        var merged: [BodyLine] = []
        var resultIndex = 0
        var pendingIndex = 0
        for position in lines.indices {
            if pendingIndex < pending.count && pending[pendingIndex] == position {
                pendingIndex += 1
                if unmatched.contains(position) { merged.append(lines[position]) }
            } else {
                merged.append(result[resultIndex])
                resultIndex += 1
            }
        }
        return merged
    }

    /// Whether the text, trimmed of whitespace characters, is one of `bullets`.
    ///
    /// Every bullet is one scalar, so a text with a printable ASCII byte other than "-" is no
    /// bullet: that byte's character (a space cannot take it into its own, as no ASCII scalar
    /// extends a character) survives the trimming and is not the bullet's one scalar. That
    /// rules out nearly every line after a few bytes; the rest are trimmed and looked up.
    static func isLoneBullet(_ text: String) -> Bool {
        let printable = text.utf8.contains { byte in byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "-") }
        return !printable && isLoneBulletAsTrimmed(text)
    }

    /// `isLoneBullet` by trimming the text and looking it up: the reference answer.
    static func isLoneBulletAsTrimmed(_ text: String) -> Bool {
        bullets.contains(text.trimmingTrailingSpaces())
    }

    /// The longest run from `start` of short lines sharing a left edge and going down the page.
    private static func run(from start: Int, in lines: [BodyLine], pageWidth: Double) -> Range<Int> {
        guard start < lines.count, lines[start].bbox.width <= pageWidth * maximumLineShare else { return start..<start }
        var end = start + 1
        while end < lines.count, abs(lines[end].bbox.x0 - lines[start].bbox.x0) <= 2,
            lines[end].bbox.y0 > lines[end - 1].bbox.y0, lines[end].bbox.width <= pageWidth * maximumLineShare
        {
            end += 1
        }
        return start..<end
    }

    private static func isRowPartner(_ left: ArraySlice<BodyLine>, _ right: ArraySlice<BodyLine>) -> Bool {
        let leftEdge = left.map(\.bbox.x1).max() ?? 0
        return zip(left, right).allSatisfy { pair in
            abs(pair.0.bbox.y0 - pair.1.bbox.y0) <= baselineTolerance && pair.1.bbox.x0 > leftEdge
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
