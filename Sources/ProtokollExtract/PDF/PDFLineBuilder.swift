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
        var lines: [Line] = []
        var current = String.UnicodeScalarView()
        var box: BoundingBox?
        var fontWeights: [String: (count: Int, size: Double)] = [:]
        var fontIndex = 0
        var scalarIndex = 0
        var lastVisible: BoundingBox?
        var pendingWhitespace = String.UnicodeScalarView()

        func finishLine() {
            let lineText = String(current).trimmingTrailingWhitespace()
            if !lineText.isEmpty {
                let dominant = fontWeights.max { lhs, rhs in
                    lhs.value.count == rhs.value.count ? lhs.key > rhs.key : lhs.value.count < rhs.value.count
                }
                let font = dominant.map { baseFontName($0.key) }
                lines.append(
                    Line(
                        text: lineText,
                        bbox: (box ?? BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0)).rounded,
                        font: font,
                        fontSize: dominant.map { ($0.value.size * 10).rounded() / 10 },
                        bold: font.map(isBold) ?? false,
                        italic: font.map(isItalic) ?? false
                    ))
            }
            current = String.UnicodeScalarView()
            box = nil
            fontWeights = [:]
            lastVisible = nil
            pendingWhitespace = String.UnicodeScalarView()
        }

        for scalar in text.unicodeScalars {
            defer { scalarIndex += 1 }
            if scalar == "\n" {
                finishLine()
                continue
            }
            if scalar.properties.isWhitespace {
                pendingWhitespace.append(scalar)
                continue
            }
            let rect = scalarIndex < rects.count ? rects[scalarIndex] : nil
            if let rect, let last = lastVisible {
                current.append(contentsOf: separator(from: last, to: rect, whitespace: pendingWhitespace))
            } else {
                current.append(contentsOf: pendingWhitespace)
            }
            pendingWhitespace = String.UnicodeScalarView()
            current.append(scalar)
            if let rect {
                box = box.map { union($0, rect) } ?? rect
                lastVisible = rect
            }
            while fontIndex < fonts.count && fonts[fontIndex].end < scalarIndex {
                fontIndex += 1
            }
            if fontIndex < fonts.count && fonts[fontIndex].start <= scalarIndex {
                let run = fonts[fontIndex]
                let previous = fontWeights[run.fontName]
                fontWeights[run.fontName] = ((previous?.count ?? 0) + 1, run.fontSize)
            }
        }
        finishLine()
        return lines
    }

    /// What goes between two visible characters on one line, given the whitespace poppler put
    /// there: a tab across a column gap (wider than 1.5 × the glyph height) or a jump back to
    /// the left, a space across a word gap (over half the height) poppler left empty, else
    /// poppler's own whitespace.
    static func separator(
        from last: BoundingBox, to next: BoundingBox, whitespace: String.UnicodeScalarView
    ) -> String.UnicodeScalarView {
        let height = max(last.y1 - last.y0, next.y1 - next.y0, 1)
        let gap = next.x0 - last.x1
        if gap > 1.5 * height || next.x1 < last.x0 {
            return "\t".unicodeScalars
        }
        if whitespace.isEmpty && gap > 0.5 * height {
            return " ".unicodeScalars
        }
        return whitespace
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

extension String {
    func trimmingTrailingWhitespace() -> String {
        var scalars = unicodeScalars
        while let last = scalars.last, last.properties.isWhitespace {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
