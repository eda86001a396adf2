/// A rectangle in PDF points with the origin at the page's top-left corner (y grows down),
/// as the page is displayed (its `/Rotate` applied).
public struct BoundingBox: Codable, Sendable, Equatable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    /// The same box with every coordinate rounded to 1/100 point, so output stays short and
    /// stable across floating-point noise.
    public var rounded: BoundingBox {
        func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
        return BoundingBox(x0: round(x0), y0: round(y0), x1: round(x1), y1: round(y1))
    }
}

/// One PDF page: its geometry and whether it has a text layer at all.
public struct PageInfo: Codable, Sendable, Equatable {
    public var v = ExtractRecord.version
    public var docID: String
    /// 1-based physical page number.
    public var page: Int
    /// Width and height in points as displayed (rotation applied).
    public var width: Double
    public var height: Double
    /// `true` when the page is displayed turned a quarter (its `/Rotate` is 90 or 270).
    public var quarterTurned: Bool
    /// The PDF's own page label (`/PageLabels`), when the file defines one.
    public var label: String?
    /// `false` when the page has no text: no text layer, and OCR off or finding nothing.
    public var hasText: Bool
    public var lineCount: Int
    /// `ocr` when the page's lines were read by OCR; absent when they come from the text layer.
    public var textLayer: String?
    /// OCR pages: the mean word confidence (0–100, one decimal), weighted by characters.
    public var ocrConfidence: Double?
    /// OCR pages: the clockwise turn (0, 90, 180, 270) that made the scanned text upright. The
    /// page's lines, `width` and `height` are in that upright frame, so a page scanned
    /// sideways reads top to bottom like any other.
    public var ocrRotation: Int?

    public init(
        docID: String, page: Int, width: Double, height: Double, quarterTurned: Bool,
        label: String?, hasText: Bool, lineCount: Int, textLayer: String? = nil, ocrConfidence: Double? = nil,
        ocrRotation: Int? = nil
    ) {
        self.docID = docID
        self.page = page
        self.width = width
        self.height = height
        self.quarterTurned = quarterTurned
        self.label = label
        self.hasText = hasText
        self.lineCount = lineCount
        self.textLayer = textLayer
        self.ocrConfidence = ocrConfidence
        self.ocrRotation = ocrRotation
    }

    enum CodingKeys: String, CodingKey {
        case v, page, width, height, label
        case docID = "doc_id"
        case quarterTurned = "quarter_turned"
        case hasText = "has_text"
        case lineCount = "line_count"
        case textLayer = "text_layer"
        case ocrConfidence = "ocr_confidence"
        case ocrRotation = "ocr_rotation"
    }
}

/// One line of PDF text, in poppler's reading order (column by column on multi-column pages).
public struct TextLine: Codable, Sendable, Equatable {
    public var v = ExtractRecord.version
    public var docID: String
    public var page: Int
    /// 0-based position of the line on its page.
    public var index: Int
    public var text: String
    public var bbox: BoundingBox
    /// The font that covers most of the line's characters (subset prefix removed).
    public var font: String?
    public var fontSize: Double?
    public var bold: Bool
    public var italic: Bool
    /// OCR lines only: Tesseract's mean word confidence for the line (0–100, one decimal).
    public var confidence: Double?

    public init(
        docID: String, page: Int, index: Int, text: String, bbox: BoundingBox,
        font: String?, fontSize: Double?, bold: Bool, italic: Bool, confidence: Double? = nil
    ) {
        self.docID = docID
        self.page = page
        self.index = index
        self.text = text
        self.bbox = bbox
        self.font = font
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey {
        case v, page, index, text, bbox, font, bold, italic, confidence
        case docID = "doc_id"
        case fontSize = "font_size"
    }
}
