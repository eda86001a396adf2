import ProtokollModel

/// Builds extract-stage lines and pages for detector tests, A4 in points.
enum Lines {
    static let docID = "sha256:test"

    static func page(_ number: Int) -> PageInfo {
        PageInfo(
            docID: docID, page: number, width: 595, height: 842, quarterTurned: false, label: nil, hasText: true,
            lineCount: 0)
    }

    static func line(
        _ text: String, page: Int, y: Double, x: Double = 70, width: Double? = nil, bold: Bool = false,
        size: Double = 10
    ) -> TextLine {
        TextLine(
            docID: docID, page: page, index: 0, text: text,
            bbox: BoundingBox(x0: x, y0: y, x1: x + (width ?? Double(text.count) * 5), y1: y + size * 1.2),
            font: bold ? "Arial-BoldMT" : "ArialMT", fontSize: size, bold: bold, italic: false)
    }
}
