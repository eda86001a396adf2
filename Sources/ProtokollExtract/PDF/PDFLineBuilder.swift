import ProtokollModel

/// A font run on a page: poppler's text attributes, as inclusive character indices.
struct FontRun: Equatable {
    var start: Int
    var end: Int
    var fontName: String
    var fontSize: Double
}

/// Splits a page's text into lines and gives each its box and dominant font.
///
/// poppler returns a page as one string in reading order, one rectangle per character of that
/// string (newlines included) and font runs indexed the same way. Lines are the string's `\n`
/// boundaries; a line's box is the union of its visible characters' rectangles, because the
/// rectangles poppler gives spaces and newlines span gaps and would stretch the box.
///
/// poppler joins text blocks that share a baseline without any separator (an address footer
/// laid out in columns comes back as "POSTADRESSBESÖKSADRESSTELEFON"), so the geometry decides:
/// a column-wide gap, or a jump back to the left, becomes a tab; a word-wide gap with no space
/// becomes a space.
struct PDFLineBuilder {
    struct Line: Equatable {
        var text: String
        var bbox: BoundingBox
        var font: String?
        var fontSize: Double?
        var bold: Bool
        var italic: Bool
    }

    static func lines(text: String, rects: [BoundingBox], fonts: [FontRun]) -> [Line] {
        var styles = FontStyles()
        return lines(text: text, rects: rects, fonts: fonts, styles: &styles)
    }

    /// - Parameter styles: The font styles worked out so far; a document's pages share them.
    static func lines(text: String, rects: [BoundingBox], fonts: [FontRun], styles: inout FontStyles) -> [Line] {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            rects.withUnsafeBufferPointer { rects in
                lines(utf8: bytes, of: text, rects: rects, fonts: fonts, styles: &styles)
            }
        }
    }

    /// The loop behind `lines(text:rects:fonts:styles:)`, on the text's UTF-8 bytes.
    ///
    /// It runs once per character of every page, so it keeps no per-character arrays and
    /// copies no bytes: a line is the span of bytes from its first character (with the
    /// whitespace poppler put before it) to the end of its last visible one, but for the gaps
    /// where a separator stands in for poppler's whitespace, so it is kept as that span and the
    /// list of those gaps. The box is plain coordinates, and the font run is looked up again only
    /// where a run starts or ends. A line never ends in whitespace (only visible characters end
    /// one), so nothing is trimmed. Each line is its own inner loop over plain local variables,
    /// and a function that takes them as arguments makes the line, so the compiler keeps the
    /// per-character state in registers.
    ///
    /// - Parameter page: The string whose bytes `bytes` are, for lines cut from it unchanged.
    private static func lines(
        utf8 bytes: UnsafeBufferPointer<UInt8>, of page: String, rects: UnsafeBufferPointer<BoundingBox>,
        fonts: [FontRun], styles: inout FontStyles
    ) -> [Line] {
        var lines: [Line] = []
        // The whitespace gaps in a line that a tab or space replaces.
        var gaps: [Gap] = []
        // The font run of the current character and the index where that answer may change.
        var fontIndex = 0
        var activeRun = -1
        var runBoundary = 0
        // Characters per font run on a line but the last run's.
        var earlierRuns: [(run: Int, count: Int)] = []
        // Styles of this page's runs, for the usual line set in one run.
        var runStyles = [(name: String, bold: Bool, italic: Bool)?](repeating: nil, count: fonts.count)

        var position = 0
        var scalarIndex = 0
        let end = bytes.count
        while true {
            // The line's span of bytes, empty until its first visible character.
            var lineStart = position
            var lineEnd = position
            // The union of the line's rectangles so far, and the index of the last of them
            // (-1 before the first); an index rather than a copy keeps the loop's state small.
            var box = BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0)
            var lastVisible = -1
            // Where the whitespace since the last visible character (or the line's start) begins.
            var whitespaceStart = position
            // The font run of the line's last characters, and how many of them it set.
            var lastRun = -1
            var lastRunCount = 0
            while position < end {
                let lead = bytes[position]
                var width = 1
                if lead <= 0x20 {
                    if lead == 0x0A { break }
                    // ASCII whitespace and control characters: only the whitespace is skipped.
                    if lead == 0x20 || (lead >= 0x09 && lead <= 0x0D) {
                        position &+= 1
                        scalarIndex &+= 1
                        continue
                    }
                } else if lead >= 0x80 {
                    let whitespace: Bool
                    if lead < 0xE0 {
                        width = 2
                        let value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F)
                        // The only whitespace between U+0080 and U+07FF.
                        whitespace = value == 0x85 || value == 0xA0
                    } else {
                        var value: UInt32
                        if lead < 0xF0 {
                            width = 3
                            value = UInt32(lead & 0x0F)
                        } else {
                            width = 4
                            value = UInt32(lead & 0x07)
                        }
                        for offset in 1..<width {
                            value = value << 6 | UInt32(bytes[position + offset] & 0x3F)
                        }
                        whitespace = isWhitespaceBeyondU07FF(value)
                    }
                    if whitespace {
                        position &+= width
                        scalarIndex &+= 1
                        continue
                    }
                }

                // A visible character: its span, its separator and box, its font run.
                if lineEnd == lineStart {
                    // The line's first visible character: the line starts with what came before it.
                    lineStart = whitespaceStart
                }
                if scalarIndex < rects.count {
                    let rect = rects[scalarIndex]
                    if lastVisible >= 0 {
                        let gap = separator(
                            from: rects[lastVisible], to: rect, whitespaceIsEmpty: whitespaceStart == position)
                        if gap != .whitespace {
                            gaps.append(Gap(start: whitespaceStart, end: position, separator: gap))
                        }
                        box = union(box, rect)
                    } else {
                        box = rect
                    }
                    lastVisible = scalarIndex
                }
                if scalarIndex >= runBoundary {
                    while fontIndex < fonts.count && fonts[fontIndex].end < scalarIndex {
                        fontIndex += 1
                    }
                    if fontIndex == fonts.count {
                        activeRun = -1
                        runBoundary = Int.max
                    } else if fonts[fontIndex].start <= scalarIndex {
                        activeRun = fontIndex
                        runBoundary = fonts[fontIndex].end + 1
                    } else {
                        activeRun = -1
                        runBoundary = min(fonts[fontIndex].start, fonts[fontIndex].end + 1)
                    }
                }
                if activeRun >= 0 {
                    if activeRun == lastRun {
                        lastRunCount &+= 1
                    } else {
                        if lastRun >= 0 { earlierRuns.append((lastRun, lastRunCount)) }
                        lastRun = activeRun
                        lastRunCount = 1
                    }
                }
                position &+= width
                scalarIndex &+= 1
                lineEnd = position
                whitespaceStart = position
                // The ASCII characters that follow in this font run, each right after the one
                // before it or after one space, where their separator is the whitespace poppler
                // put there (none, or that space): most of a page. Such a character needs only
                // its box taken in, and counts for the run of the one before. The first that is
                // not such a character goes the way above. Bytes and scalars go in step here,
                // so the rectangles and the run end where the bytes do.
                if lastVisible >= 0 {
                    let limit = min(end, position &+ (min(rects.count, runBoundary) &- scalarIndex))
                    var last = rects[lastVisible]
                    var count = 0
                    var visible = 0
                    while position &+ count < limit {
                        var byte = bytes[position &+ count]
                        var step = 1
                        if byte == 0x20 {
                            guard position &+ count &+ 1 < limit else { break }
                            byte = bytes[position &+ count &+ 1]
                            step = 2
                        }
                        guard byte > 0x20 && byte < 0x80 else { break }
                        let rect = rects[scalarIndex &+ count &+ step &- 1]
                        if step == 1 {
                            guard rect.x0 - last.x1 <= 0.5 && rect.x1 >= last.x0 else { break }
                        } else {
                            let gap = separator(from: last, to: rect, whitespaceIsEmpty: false)
                            guard gap == .whitespace else { break }
                        }
                        box = union(box, rect)
                        last = rect
                        count &+= step
                        visible &+= 1
                    }
                    if count > 0 {
                        position &+= count
                        scalarIndex &+= count
                        lastVisible = scalarIndex &- 1
                        if activeRun >= 0 { lastRunCount &+= visible }
                        lineEnd = position
                        whitespaceStart = position
                    }
                }
            }
            if lineEnd > lineStart {
                lines.append(
                    line(
                        text: text(of: bytes, in: page, from: lineStart, to: lineEnd, replacing: gaps),
                        box: lastVisible >= 0 ? box : BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0),
                        lastRun: lastRun, lastRunCount: lastRunCount, earlierRuns: earlierRuns,
                        fonts: fonts, runStyles: &runStyles, styles: &styles))
                if !gaps.isEmpty { gaps.removeAll(keepingCapacity: true) }
                if !earlierRuns.isEmpty { earlierRuns.removeAll(keepingCapacity: true) }
            }
            if position == end { break }
            // The line feed.
            position &+= 1
            scalarIndex &+= 1
        }
        return lines
    }

    /// `properties.isWhitespace` of a scalar from U+0800 on, without the Unicode table lookup:
    /// the White_Space scalars there are few and fixed (the Ogham space mark, the spaces from
    /// U+2000 to U+200A, the line and paragraph separators, the narrow and medium spaces and the
    /// ideographic space), and PDFs set "–", "”" and "•" on every page.
    static func isWhitespaceBeyondU07FF(_ value: UInt32) -> Bool {
        switch value {
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// A run of whitespace inside a line, as byte offsets, and the separator that replaces it.
    private struct Gap {
        var start: Int
        var end: Int
        var separator: Separator
    }

    /// A finished line: its box rounded, its dominant font and that font's style.
    ///
    /// - Parameters:
    ///   - lastRun: The font run of the line's last characters, or -1 when none had a run.
    ///   - earlierRuns: The line's other runs and their characters, in order.
    ///   - runStyles: The styles of the page's runs worked out so far.
    private static func line(
        text: String, box: BoundingBox, lastRun: Int, lastRunCount: Int, earlierRuns: [(run: Int, count: Int)],
        fonts: [FontRun], runStyles: inout [(name: String, bold: Bool, italic: Bool)?], styles: inout FontStyles
    ) -> Line {
        var dominant: (name: String, size: Double)?
        var style: (name: String, bold: Bool, italic: Bool)?
        if lastRun >= 0 && earlierRuns.isEmpty {
            dominant = (fonts[lastRun].fontName, fonts[lastRun].fontSize)
            if let known = runStyles[lastRun] {
                style = known
            } else {
                style = styles.style(of: fonts[lastRun].fontName)
                runStyles[lastRun] = style
            }
        } else if lastRun >= 0 {
            dominant = dominantFont(earlierRuns + [(lastRun, lastRunCount)], fonts)
            style = dominant.map { styles.style(of: $0.name) }
        }
        return Line(
            text: text,
            bbox: box.rounded,
            font: style?.name,
            fontSize: dominant.map { ($0.size * 10).rounded() / 10 },
            bold: style?.bold ?? false,
            italic: style?.italic ?? false
        )
    }

    /// Bytes `from..<to` of the page (scalar boundaries), each gap replaced by its separator,
    /// written once into the new string's storage.
    ///
    /// A line without gaps is cut from `page` as a substring: a string made from a string's
    /// bytes is not checked again for valid UTF-8, as one made from a buffer is, and most
    /// lines have no gap.
    private static func text(
        of bytes: UnsafeBufferPointer<UInt8>, in page: String, from start: Int, to end: Int, replacing gaps: [Gap]
    ) -> String {
        guard !gaps.isEmpty else { return String(page.slice(utf8: start..<end)) }
        // A separator is one byte and stands in for at least none.
        return String(unsafeUninitializedCapacity: end - start + gaps.count) { buffer in
            var count = 0
            var cursor = start
            for gap in gaps {
                for byte in bytes[cursor..<gap.start] {
                    buffer[count] = byte
                    count += 1
                }
                buffer[count] = gap.separator == .tab ? 0x09 : 0x20
                count += 1
                cursor = gap.end
            }
            for byte in bytes[cursor..<end] {
                buffer[count] = byte
                count += 1
            }
            return count
        }
    }

    /// The font that sets most of a line's characters (a tie goes to the name that sorts
    /// first), with the size of its last run on the line.
    static func dominantFont(_ runCharacters: [(run: Int, count: Int)], _ fonts: [FontRun]) -> (
        name: String, size: Double
    )? {
        // Most lines are one run: nothing to weigh.
        if runCharacters.count == 1 {
            let run = fonts[runCharacters[0].run]
            return (run.fontName, run.fontSize)
        }
        var fontWeights: [String: (count: Int, size: Double)] = [:]
        for (run, count) in runCharacters {
            let previous = fontWeights[fonts[run].fontName]?.count ?? 0
            fontWeights[fonts[run].fontName] = (previous + count, fonts[run].fontSize)
        }
        let dominant = fontWeights.max { lhs, rhs in
            lhs.value.count == rhs.value.count ? lhs.key > rhs.key : lhs.value.count < rhs.value.count
        }
        return dominant.map { ($0.key, $0.value.size) }
    }

    /// What goes between two visible characters on one line, given the whitespace poppler put
    /// there: a tab across a column gap (wider than 1.5 × the glyph height) or a jump back to
    /// the left, a space across a word gap (over half the height) poppler left empty, else
    /// poppler's own whitespace.
    ///
    /// Most characters follow the last one at most half a point away and not to its left: the
    /// height is at least 1, so neither threshold is reached, and the answer comes without the
    /// heights. (A NaN gap fails that test and takes the full one.)
    static func separator(from last: BoundingBox, to next: BoundingBox, whitespaceIsEmpty: Bool) -> Separator {
        let gap = next.x0 - last.x1
        if gap <= 0.5 && next.x1 >= last.x0 {
            return .whitespace
        }
        let height = max(last.y1 - last.y0, next.y1 - next.y0, 1)
        if gap > 1.5 * height || next.x1 < last.x0 {
            return .tab
        }
        if whitespaceIsEmpty && gap > 0.5 * height {
            return .space
        }
        return .whitespace
    }

    enum Separator {
        case tab, space
        /// The whitespace poppler put there.
        case whitespace
    }

    /// Removes the six-letter subset tag poppler reports for embedded subsets
    /// ("ABCDEF+DejaVuSans-Bold" → "DejaVuSans-Bold").
    static func baseFontName(_ name: String) -> String {
        let parts = name.split(separator: "+", maxSplits: 1)
        if parts.count == 2, parts[0].count == 6, parts[0].allSatisfy({ $0.isUppercase && $0.isASCII }) {
            return String(parts[1])
        }
        return name
    }

    /// A font name's base name and style, worked out once per name: a document has a handful
    /// of fonts and thousands of lines.
    struct FontStyles {
        private var known: [String: (name: String, bold: Bool, italic: Bool)] = [:]

        mutating func style(of fontName: String) -> (name: String, bold: Bool, italic: Bool) {
            if let style = known[fontName] { return style }
            let name = baseFontName(fontName)
            let style = (name, isBold(name), isItalic(name))
            known[fontName] = style
            return style
        }
    }

    static func isBold(_ font: String) -> Bool {
        containsAny(font.lowercased(), ["bold", "black", "heavy", "semibold", "demi"])
    }

    static func isItalic(_ font: String) -> Bool {
        containsAny(font.lowercased(), ["italic", "oblique"])
    }

    /// Whether `name` holds any of `words` (ASCII), as `contains(_:)` compares characters.
    ///
    /// Comparing characters cost a document a tenth of a millisecond per font name; where
    /// each scalar of the name is a character (`scalarsAreCharacters`), the words' bytes are
    /// found exactly where the characters are.
    static func containsAny(_ name: String, _ words: [String]) -> Bool {
        guard name.scalarsAreCharacters else { return words.contains { name.contains($0) } }
        return words.contains { name.containsBytes($0) }
    }

    private static func union(_ a: BoundingBox, _ b: BoundingBox) -> BoundingBox {
        BoundingBox(x0: min(a.x0, b.x0), y0: min(a.y0, b.y0), x1: max(a.x1, b.x1), y1: max(a.y1, b.y1))
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, without the Unicode table lookup for ASCII.
    var isWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }
}
