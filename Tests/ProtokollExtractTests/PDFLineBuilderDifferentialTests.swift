import ProtokollModel
import TestSupport
import Testing

@testable import ProtokollExtract

/// Holds the byte-buffer line builder to the plain per-scalar loop it replaced, on generated
/// pages mixing ASCII, Swedish letters, wide and astral characters, every kind of whitespace,
/// missing rectangles, column gaps and overlapping or gapped font runs.
struct PDFLineBuilderDifferentialTests {
    @Test func matchesReferenceOnGeneratedPages() {
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<3000 {
            let page = GeneratedPage(using: &generator)
            var styles = PDFLineBuilder.FontStyles()
            var referenceStyles = PDFLineBuilder.FontStyles()
            let fast = PDFLineBuilder.lines(text: page.text, rects: page.rects, fonts: page.fonts, styles: &styles)
            let reference = ReferenceLineBuilder.lines(
                text: page.text, rects: page.rects, fonts: page.fonts, styles: &referenceStyles)
            // Strings compare as characters; the lines must match byte for byte.
            let sameBytes = fast.map { Array($0.text.utf8) } == reference.map { Array($0.text.utf8) }
            #expect(fast == reference && sameBytes, "text: \(page.text.debugDescription)")
            if fast != reference || !sameBytes { return }
        }
    }

    /// The separator's shortcut for glyphs that (nearly) touch: the same answer as the full
    /// test on random boxes, touching and overlapping ones, zero and negative heights, and
    /// NaN and infinite coordinates.
    @Test func separatorMatchesFullTestOnRandomBoxes() {
        var generator = SplitMix64(seed: 0x5E9A)
        let specials = [Double.nan, .infinity, -.infinity, 0, 0.5, -0.5, 1, 1e300]
        func coordinate(_ generator: inout SplitMix64) -> Double {
            Int.random(in: 0..<20, using: &generator) == 0
                ? specials.randomElement(using: &generator)!
                : Double(Int.random(in: -40...40, using: &generator)) * 0.125
        }
        func box(_ generator: inout SplitMix64) -> BoundingBox {
            let x0 = coordinate(&generator)
            let y0 = coordinate(&generator)
            return BoundingBox(
                x0: x0, y0: y0, x1: x0 + coordinate(&generator), y1: y0 + coordinate(&generator))
        }
        for _ in 0..<100_000 {
            let last = box(&generator)
            let next = box(&generator)
            for whitespaceIsEmpty in [false, true] {
                let fast = PDFLineBuilder.separator(from: last, to: next, whitespaceIsEmpty: whitespaceIsEmpty)
                let full = ReferenceLineBuilder.separator(from: last, to: next, whitespaceIsEmpty: whitespaceIsEmpty)
                #expect(fast == full, "\(last) → \(next), whitespace empty: \(whitespaceIsEmpty)")
                if fast != full { return }
            }
        }
    }

    /// Font styles found in the bytes of a font name: the answers of comparing characters, on
    /// generated names with style words, their pieces, joining accents and the Kelvin sign.
    @Test func fontStyleWordsMatchCharacterSearch() {
        var generator = SplitMix64(seed: 0xF0E7)
        let pieces = [
            "Bold", "bold", "BLACK", "Heavy", "Semi", "demi", "Italic", "Oblique", "obli", "que", "b", "o", "l", "d",
            "ITAL", "Arial", "+", "-", ",", "\u{301}", "e\u{301}", "\u{212A}", "ß", "İ", "å", "Ö", "\r\n", "ﬁ", "😀",
        ]
        let words = ["bold", "black", "heavy", "semibold", "demi", "italic", "oblique", "k"]
        var found = 0
        for _ in 0..<20_000 {
            let name = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined().lowercased()
            let chosen = Array(words.shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator)))
            let expected = chosen.contains { name.contains($0) }
            if expected { found += 1 }
            #expect(PDFLineBuilder.containsAny(name, chosen) == expected, "\(chosen) in \(name.debugDescription)")
        }
        #expect(found > 2_000)
    }

    /// The builder's whitespace test for scalars from U+0800 on, against the Unicode tables,
    /// for every scalar there is.
    @Test func whitespaceBeyondU07FFMatchesTheUnicodeProperty() {
        for value in UInt32(0x800)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(
                PDFLineBuilder.isWhitespaceBeyondU07FF(value) == scalar.properties.isWhitespace,
                "U+\(String(value, radix: 16))")
        }
    }

    /// The builder's shortcut for two-byte characters: no whitespace between U+0080 and U+07FF
    /// but U+0085 and U+00A0.
    @Test func twoByteWhitespaceIsOnlyNextLineAndNoBreakSpace() {
        for value in UInt32(0x80)..<0x800 {
            let scalar = Unicode.Scalar(value)!
            #expect(scalar.properties.isWhitespace == (value == 0x85 || value == 0xA0), "U+\(value)")
        }
    }
}

private struct GeneratedPage {
    var text = ""
    var rects: [BoundingBox] = []
    var fonts: [FontRun] = []

    private static let pieces: [String] = [
        "a", "B", "z", "å", "Ä", "ö", "é", "€", "—", "中", "😀", "e\u{301}", "1", ".", "§",
        " ", "  ", "\t", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{200B}",
        "\u{2028}", "\u{3000}", "\u{FEFF}", "\n", "\n", "\n\n",
    ]
    private static let fontNames = ["ABCDEF+DejaVuSans-Bold", "Arial", "TimesNewRoman-Italic", "ABCDEF+Calibri"]

    init(using generator: inout SplitMix64) {
        let pieceCount = Int.random(in: 0..<60, using: &generator)
        for _ in 0..<pieceCount {
            text += Self.pieces.randomElement(using: &generator)!
        }
        let scalarCount = text.unicodeScalars.count
        // Sometimes poppler gives fewer rectangles than characters.
        let rectCount =
            Bool.random(using: &generator) ? scalarCount : Int.random(in: 0...scalarCount, using: &generator)
        var x = 0.0
        var y = 100.0
        for _ in 0..<rectCount {
            let width = Double(Int.random(in: 0...12, using: &generator))
            let height = Double(Int.random(in: 0...14, using: &generator))
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: x += Double(Int.random(in: 10...200, using: &generator))  // column gap
            case 1: x = Double(Int.random(in: 0...50, using: &generator))  // back to the left
            case 2: y += 12.345
            case 3: x += width + Double(Int.random(in: -4...6, using: &generator)) * 0.125  // near the word gap
            default: x += width + Double(Int.random(in: 0...6, using: &generator)) * 0.75
            }
            rects.append(BoundingBox(x0: x, y0: y, x1: x + width, y1: y + height))
        }
        var start = 0
        while start < scalarCount + 3 {
            let length = Int.random(in: -1...8, using: &generator)
            if Int.random(in: 0..<4, using: &generator) > 0 {
                fonts.append(
                    FontRun(
                        start: start, end: start + length, fontName: Self.fontNames.randomElement(using: &generator)!,
                        fontSize: Double(Int.random(in: 80...140, using: &generator)) / 10.03))
            }
            // Runs may overlap or leave gaps.
            start += max(0, length + Int.random(in: -2...3, using: &generator))
            start = max(start, fonts.last.map { $0.start + 1 } ?? 0)
        }
    }
}

/// The line builder as it was before it worked on UTF-8 bytes: one scalar at a time, line bytes
/// and whitespace in growing arrays, the box as an optional, the separator without a shortcut.
private enum ReferenceLineBuilder {
    static func lines(
        text: String, rects: [BoundingBox], fonts: [FontRun], styles: inout PDFLineBuilder.FontStyles
    ) -> [PDFLineBuilder.Line] {
        var lines: [PDFLineBuilder.Line] = []
        var current: [UInt8] = []
        var box: BoundingBox?
        var runCharacters: [(run: Int, count: Int)] = []
        var fontIndex = 0
        var scalarIndex = 0
        var lastVisible: BoundingBox?
        var pendingWhitespace: [UInt8] = []

        func finishLine() {
            let lineText = trimmingTrailingWhitespace(String(decoding: current, as: UTF8.self))
            if !lineText.isEmpty {
                let dominant = PDFLineBuilder.dominantFont(runCharacters, fonts)
                let style = dominant.map { styles.style(of: $0.name) }
                lines.append(
                    PDFLineBuilder.Line(
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
            if scalar.properties.isWhitespace {
                UTF8.encode(scalar) { pendingWhitespace.append($0) }
                continue
            }
            let rect = scalarIndex < rects.count ? rects[scalarIndex] : nil
            var gap = PDFLineBuilder.Separator.whitespace
            if let rect, let last = lastVisible {
                gap = separator(from: last, to: rect, whitespaceIsEmpty: pendingWhitespace.isEmpty)
            }
            switch gap {
            case .tab: current.append(0x09)
            case .space: current.append(0x20)
            case .whitespace: current.append(contentsOf: pendingWhitespace)
            }
            pendingWhitespace.removeAll(keepingCapacity: true)
            UTF8.encode(scalar) { current.append($0) }
            if let rect {
                box =
                    box.map {
                        BoundingBox(
                            x0: min($0.x0, rect.x0), y0: min($0.y0, rect.y0), x1: max($0.x1, rect.x1),
                            y1: max($0.y1, rect.y1))
                    } ?? rect
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

    /// The separator rule as it reads: the thresholds scale with the taller glyph.
    static func separator(from last: BoundingBox, to next: BoundingBox, whitespaceIsEmpty: Bool)
        -> PDFLineBuilder.Separator
    {
        let height = max(last.y1 - last.y0, next.y1 - next.y0, 1)
        let gap = next.x0 - last.x1
        if gap > 1.5 * height || next.x1 < last.x0 {
            return .tab
        }
        if whitespaceIsEmpty && gap > 0.5 * height {
            return .space
        }
        return .whitespace
    }

    private static func trimmingTrailingWhitespace(_ text: String) -> String {
        var scalars = text.unicodeScalars
        while let last = scalars.last, last.properties.isWhitespace {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
