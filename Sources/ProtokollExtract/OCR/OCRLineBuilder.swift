import ProtokollModel

/// Turns Tesseract's words into lines shaped like the text layer's: text, a box in points and,
/// in place of a font, a confidence.
///
/// Words on one line are joined the way ``PDFLineBuilder`` joins glyphs: a column-wide gap
/// (over 1.5 × the line's height) becomes a tab, so "Ordförande<gap>Anna Berg" reads as the
/// text layer's "Ordförande\tAnna Berg" and the attendance parser sees the same row. No font
/// or size is claimed: OCR does not know them, and a size guessed from ink height would split
/// paragraphs wherever a line happens to have no descenders.
///
/// Bold is measured, because segmentation needs it: a numbered item ("7. Förstudie nytt
/// hemsjukvårdsavtal") counts only as a heading, and a heading is bold. Tesseract's neural
/// engine reports no font attributes, so a line is bold when its strokes are clearly wider
/// than the page's usual stroke at that line height (bold stems are about 1.6 × regular).
enum OCRLineBuilder {
    struct Line: Equatable {
        var text: String
        var bbox: BoundingBox
        /// Mean word confidence weighted by characters, 0–100, one decimal.
        var confidence: Double
        var bold = false
    }

    /// - Parameters:
    ///   - page: Tesseract's words, in image pixels.
    ///   - image: The image Tesseract read, for the stroke widths.
    ///   - scale: Pixels per point the image was drawn at.
    static func lines(_ page: TesseractEngine.Page, image: GrayImage, scale: Double) -> [Line] {
        var lines = joined(page, scale: scale)
        // Stroke width relative to line height, so large and small type compare alike.
        let strokes = lines.map { line -> Double in
            let box = line.bbox
            let width = image.meanStrokeWidth(
                x0: Int(box.x0 * scale), y0: Int(box.y0 * scale), x1: Int(box.x1 * scale), y1: Int(box.y1 * scale))
            return width / max(1, (box.y1 - box.y0) * scale)
        }
        // The usual stroke: the median over the page's characters, as body text dominates.
        var weighted = zip(strokes, lines.map { $0.text.count }).sorted { $0.0 < $1.0 }
        let total = weighted.reduce(0) { $0 + $1.1 }
        var seen = 0
        var usual = 0.0
        while let (stroke, count) = weighted.first, seen + count <= total / 2 {
            seen += count
            usual = stroke
            weighted.removeFirst()
        }
        if let (stroke, _) = weighted.first { usual = stroke }
        for index in lines.indices where usual > 0 && strokes[index] > boldRatio * usual {
            lines[index].bold = true
        }
        return SectionSignRepair.repair(lines)
    }

    /// How much wider than the page's usual stroke a line's strokes must be to count as bold.
    static let boldRatio = 1.3

    static func joined(_ page: TesseractEngine.Page, scale: Double) -> [Line] {
        page.lines.compactMap { words -> Line? in
            guard let first = words.first else { return nil }
            var text = first.text
            var box = box(of: first, scale: scale)
            var weighted = first.confidence * Double(first.text.count)
            var characters = first.text.count
            for (previous, word) in zip(words, words.dropFirst()) {
                let last = Self.box(of: previous, scale: scale)
                let next = Self.box(of: word, scale: scale)
                let height = max(box.y1 - box.y0, 1)
                text += next.x0 - last.x1 > 1.5 * height || next.x1 < last.x0 ? "\t" : " "
                text += word.text
                box = BoundingBox(
                    x0: min(box.x0, next.x0), y0: min(box.y0, next.y0), x1: max(box.x1, next.x1),
                    y1: max(box.y1, next.y1))
                weighted += word.confidence * Double(word.text.count)
                characters += word.text.count
            }
            return Line(text: text, bbox: box.rounded, confidence: rounded(weighted / Double(max(characters, 1))))
        }
    }

    /// The page's mean confidence: its lines' confidences weighted by their length.
    static func meanConfidence(_ lines: [Line]) -> Double? {
        let characters = lines.reduce(0) { $0 + $1.text.count }
        guard characters > 0 else { return nil }
        return rounded(lines.reduce(0) { $0 + $1.confidence * Double($1.text.count) } / Double(characters))
    }

    /// One decimal: confidences are floats from a neural network, and more digits would only
    /// carry noise into the records.
    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    private static func box(of word: TesseractEngine.Page.Word, scale: Double) -> BoundingBox {
        BoundingBox(x0: word.x0 / scale, y0: word.y0 / scale, x1: word.x1 / scale, y1: word.y1 / scale)
    }
}
