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
        var lines: [Line] = []
        // UTF-8 bytes: appending to a byte array is cheap, to a String's scalar view is not.
        var current: [UInt8] = []
        var box: BoundingBox?
        // Characters per font run on the current line; runs are few, characters many.
        var runCharacters: [(run: Int, count: Int)] = []
        var fontIndex = 0
        var scalarIndex = 0
        var lastVisible: BoundingBox?
        var pendingWhitespace: [UInt8] = []

        func finishLine() {
            let lineText = String(decoding: current, as: UTF8.self).trimmingTrailingWhitespace()
            if !lineText.isEmpty {
                let dominant = dominantFont(runCharacters, fonts)
                let style = dominant.map { styles.style(of: $0.name) }
                lines.append(
                    Line(
                        text: lineText,
                        bbox: (box ?? BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0)).rounded,
                        font: style?.name,
                        fontSize: dominant.map { ($0.size * 10).rounded() / 10 },
                        bold: style?.bold ?? false,
                        italic: style?.italic ?? false
                    ))
            }
            current.removeAll(keepingCapacity: true)
            box = nil
            runCharacters.removeAll(keepingCapacity: true)
            lastVisible = nil
            pendingWhitespace.removeAll(keepingCapacity: true)
        }

        for scalar in text.unicodeScalars {
            defer { scalarIndex += 1 }
            if scalar == "\n" {
                finishLine()
                continue
            }
            if scalar.isWhitespace {
                UTF8.encode(scalar) { pendingWhitespace.append($0) }
                continue
            }
            let rect = scalarIndex < rects.count ? rects[scalarIndex] : nil
            var gap = Separator.whitespace
            if let rect, let last = lastVisible {
                gap = separator(from: last, to: rect, whitespace: pendingWhitespace)
            }
            switch gap {
            case .tab: current.append(0x09)
            case .space: current.append(0x20)
            case .whitespace: if !pendingWhitespace.isEmpty { current.append(contentsOf: pendingWhitespace) }
            }
            if !pendingWhitespace.isEmpty { pendingWhitespace.removeAll(keepingCapacity: true) }
            if scalar.isASCII {
                current.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                UTF8.encode(scalar) { current.append($0) }
            }
            if let rect {
                box = box.map { union($0, rect) } ?? rect
                lastVisible = rect
            }
            while fontIndex < fonts.count && fonts[fontIndex].end < scalarIndex {
                fontIndex += 1
            }
            if fontIndex < fonts.count && fonts[fontIndex].start <= scalarIndex {
                if runCharacters.last?.run == fontIndex {
                    runCharacters[runCharacters.count - 1].count += 1
                } else {
                    runCharacters.append((fontIndex, 1))
                }
            }
        }
        finishLine()
        return lines
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
    static func separator(from last: BoundingBox, to next: BoundingBox, whitespace: [UInt8]) -> Separator {
        let height = max(last.y1 - last.y0, next.y1 - next.y0, 1)
        let gap = next.x0 - last.x1
        if gap > 1.5 * height || next.x1 < last.x0 {
            return .tab
        }
        if whitespace.isEmpty && gap > 0.5 * height {
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
        let lower = font.lowercased()
        return ["bold", "black", "heavy", "semibold", "demi"].contains { lower.contains($0) }
    }

    static func isItalic(_ font: String) -> Bool {
        let lower = font.lowercased()
        return lower.contains("italic") || lower.contains("oblique")
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

extension String {
    func trimmingTrailingWhitespace() -> String {
        var scalars = unicodeScalars
        while let last = scalars.last, last.isWhitespace {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
