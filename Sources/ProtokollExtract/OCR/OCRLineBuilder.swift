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
/// than the page's usual stroke, both in pixels and against the line's height (bold stems are
/// about 1.6 × regular; see ``boldRatio``).
///
/// Before joining, a label and the value beside it that Tesseract read as separate blocks are
/// put on one row (``rows(_:maxLabelWidth:)``); after it, the usual misreadings of "§", "–"
/// and "I" are repaired (``SectionSignRepair``, ``DashRepair``, ``CapitalIRepair``).
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
        var lines = joined(
            DashRepair.widened(rows(page, maxLabelWidth: maxLabelShare * Double(image.width))), scale: scale)
        func pixels(_ box: BoundingBox) -> (x0: Int, y0: Int, x1: Int, y1: Int) {
            (Int(box.x0 * scale), Int(box.y0 * scale), Int(box.x1 * scale), Int(box.y1 * scale))
        }
        let strokes = lines.map { line -> (width: Double, relative: Double) in
            let box = pixels(line.bbox)
            let width = image.meanStrokeWidth(x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1)
            return (width, width / Double(max(1, box.y1 - box.y0)))
        }
        let counts = lines.map(\.text.count)
        let usualWidth = weightedMedian(strokes.map(\.width), weights: counts)
        let usualRelative = weightedMedian(strokes.map(\.relative), weights: counts)
        for index in lines.indices where usualWidth > 0 && usualRelative > 0 {
            lines[index].bold =
                strokes[index].width > boldRatio * usualWidth
                && strokes[index].relative > boldRelativeRatio * usualRelative
        }
        lines = SectionSignRepair.repair(lines).map { line in
            guard SectionSignRepair.isHeadingNumber(line.text) else { return line }
            let box = pixels(line.bbox)
            let gap = image.blankColumnsAfterFirstGlyph(x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1)
            return SectionSignRepair.respaced(
                line, gapAfterSign: gap.map { Double($0) / Double(max(1, box.y1 - box.y0)) })
        }
        for index in lines.indices {
            lines[index].text = CapitalIRepair.repair(DashRepair.repair(lines[index].text))
        }
        return lines
    }

    /// How much wider than the page's usual stroke a line's strokes must be to count as bold.
    ///
    /// Two measures must agree. In pixels, bold stems are about 1.6 × regular ones of the same
    /// size, but larger regular type has wider stems too. Against the line's height, size
    /// cancels out, but the height of a line's box depends on its letters: "17. Övriga frågor"
    /// (a capital with dots, descenders) is a third taller than a line of the same type
    /// without them, so its bold stems look regular. A line in larger regular type passes
    /// the first test and fails the second; a bold line with tall letters passes both.
    static let boldRatio = 1.3
    /// The threshold against the line's height; see ``boldRatio``.
    static let boldRelativeRatio = 1.15

    /// The value at which half of the weight lies below: the page's usual stroke, weighted by
    /// characters, as body text dominates.
    static func weightedMedian(_ values: [Double], weights: [Int]) -> Double {
        let sorted = zip(values, weights).sorted { $0.0 < $1.0 }
        let total = weights.reduce(0, +)
        var seen = 0
        for (value, weight) in sorted {
            seen += weight
            if 2 * seen > total { return value }
        }
        return sorted.last?.0 ?? 0
    }

    /// The widest label, as a share of the page's width, that ``rows(_:maxLabelWidth:)`` puts
    /// on a row with the value beside it: the same limit as the text layer's column pairing.
    static let maxLabelShare = 0.3

    /// Each line's words joined into a text, with a tab across a column gap.
    static func joined(_ lines: [[Word]], scale: Double) -> [Line] {
        lines.compactMap { words -> Line? in
            guard let first = words.first else { return nil }
            var text = first.text
            var box = box(of: first, scale: scale)
            var weighted = first.confidence * Double(first.text.count)
            var characters = first.text.count
            // The whole line's height: a dash or a bullet opening a line is a word only a few
            // pixels high, and measured against it any space would look like a column gap.
            let top = words.map(\.y0).min() ?? first.y0
            let height = max(((words.map(\.y1).max() ?? first.y1) - top) / scale, 1)
            for (previous, word) in zip(words, words.dropFirst()) {
                let last = Self.box(of: previous, scale: scale)
                let next = Self.box(of: word, scale: scale)
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
