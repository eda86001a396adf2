/// Which part of a Word package a paragraph comes from.
public enum DocumentPart: String, Codable, Sendable, Equatable {
    case body, header, footer, footnote, endnote
}

/// Where a paragraph sits in a table: rows and grid columns are 0-based.
public struct TableCell: Codable, Sendable, Equatable {
    /// The table's `index` in its `table` record.
    public var table: Int
    public var row: Int
    /// Grid column where the cell starts (`w:gridSpan` of earlier cells counted).
    public var col: Int

    public init(table: Int, row: Int, col: Int) {
        self.table = table
        self.row = row
        self.col = col
    }
}

/// A Word table; its paragraphs follow, each pointing back through `cell`.
public struct TableInfo: Codable, Sendable, Equatable {
    public var v = ExtractRecord.version
    public var docID: String
    /// 0-based, in document order over all parts.
    public var index: Int
    public var part: DocumentPart
    public var rows: Int
    public var columns: Int
    /// The table this one is nested in, if any.
    public var parent: TableCell?

    public init(docID: String, index: Int, part: DocumentPart, rows: Int, columns: Int, parent: TableCell?) {
        self.docID = docID
        self.index = index
        self.part = part
        self.rows = rows
        self.columns = columns
        self.parent = parent
    }

    enum CodingKeys: String, CodingKey {
        case v, index, part, rows, columns, parent
        case docID = "doc_id"
    }
}

/// Word's rendering of an auto-numbered paragraph's label.
public struct ListLabel: Codable, Sendable, Equatable {
    /// As Word shows it: "1.", "a)", "•".
    public var label: String
    /// 0-based list level (`w:ilvl`).
    public var level: Int
    public var numID: Int

    public init(label: String, level: Int, numID: Int) {
        self.label = label
        self.level = level
        self.numID = numID
    }

    enum CodingKeys: String, CodingKey {
        case label, level
        case numID = "num_id"
    }
}

/// A run of characters with emphasis, as half-open offsets in Unicode scalars into `text`.
public struct EmphasisSpan: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var bold: Bool
    public var italic: Bool

    public init(start: Int, end: Int, bold: Bool, italic: Bool) {
        self.start = start
        self.end = end
        self.bold = bold
        self.italic = italic
    }
}

/// One Word paragraph with the text Word displays: tracked insertions accepted, deletions,
/// hidden text and field instructions dropped, the auto-numbering label rendered in front.
public struct Paragraph: Codable, Sendable, Equatable {
    public var v = ExtractRecord.version
    public var docID: String
    /// 0-based, in emission order over all parts.
    public var index: Int
    public var part: DocumentPart
    /// The package part, e.g. `word/header2.xml`.
    public var partName: String
    /// 0-based section (`w:sectPr`) the paragraph belongs to; for headers and footers, the
    /// section that references the part.
    public var section: Int
    /// Header/footer variant: `default`, `first` or `even`.
    public var variant: String?
    /// Footnote or endnote id (`w:id`), for notes only.
    public var noteID: Int?
    public var styleID: String?
    public var styleName: String?
    /// 1-based heading level from the style's outline level, if it is a heading.
    public var headingLevel: Int?
    public var list: ListLabel?
    /// The text as displayed, label included ("1. Att godkänna …"); line breaks as `\n`,
    /// tabs as `\t`.
    public var text: String
    /// Only spans that are bold or italic.
    public var emphasis: [EmphasisSpan]
    public var cell: TableCell?
    /// 1-based page the paragraph starts on, from Word's rendered page breaks when the file
    /// has them, else from explicit page and section breaks. A hint, not a measurement.
    public var pageHint: Int
    /// The paragraph sits in a text box or shape.
    public var inTextBox: Bool

    public init(
        docID: String, index: Int, part: DocumentPart, partName: String, section: Int,
        variant: String? = nil, noteID: Int? = nil, styleID: String? = nil, styleName: String? = nil,
        headingLevel: Int? = nil, list: ListLabel? = nil, text: String, emphasis: [EmphasisSpan] = [],
        cell: TableCell? = nil, pageHint: Int, inTextBox: Bool = false
    ) {
        self.docID = docID
        self.index = index
        self.part = part
        self.partName = partName
        self.section = section
        self.variant = variant
        self.noteID = noteID
        self.styleID = styleID
        self.styleName = styleName
        self.headingLevel = headingLevel
        self.list = list
        self.text = text
        self.emphasis = emphasis
        self.cell = cell
        self.pageHint = pageHint
        self.inTextBox = inTextBox
    }

    enum CodingKeys: String, CodingKey {
        case v, index, part, section, variant, list, text, emphasis, cell
        case docID = "doc_id"
        case partName = "part_name"
        case noteID = "note_id"
        case styleID = "style_id"
        case styleName = "style_name"
        case headingLevel = "heading_level"
        case pageHint = "page_hint"
        case inTextBox = "in_text_box"
    }
}
