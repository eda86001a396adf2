import ProtokollModel

/// Walks WordprocessingML block content (body, header, footer, note) in document order and
/// collects `table` and `paragraph` records with the text Word displays.
///
/// Displayed text means: tracked insertions and moves-to kept, deletions and moves-from
/// dropped; field instructions dropped and field results kept (complex fields are tracked with
/// a stack because they nest and may span paragraphs); hidden runs (`w:vanish`) dropped; list
/// labels rendered; text boxes emitted after the paragraph that anchors them.
struct WordBodyWalker {
    struct Context {
        var part: DocumentPart
        var partName: String
        var section: Int
        var variant: String? = nil
        var noteID: Int? = nil
    }

    /// Where a footnote or endnote was referenced, so its paragraphs can carry that section
    /// and page.
    struct NoteReference {
        var section: Int
        var page: Int
    }

    let docID: String
    let styles: WordStyles
    /// Count page breaks from `w:lastRenderedPageBreak` (Word saved the layout) rather than
    /// explicit breaks; counting both would count most breaks twice.
    let usesRenderedBreaks: Bool
    /// Per section, whether it starts on a new page (its `w:type` is not `continuous`).
    let sectionStartsNewPage: [Bool]

    var numbering: WordNumbering
    var page = 1
    var paragraphCount = 0
    var tableCount = 0
    /// What the walk produced, in order.
    private(set) var records: [ExtractRecord] = []
    /// The page hint each body section starts on; headers and footers take theirs from here.
    var sectionStartPages = [1]
    var footnoteReferences: [Int: NoteReference] = [:]
    var endnoteReferences: [Int: NoteReference] = [:]

    private var context = Context(part: .body, partName: "", section: 0)
    /// Open complex fields; text shows only while every open field is in its result part.
    private var fields: [Bool] = []
    private var textBoxes: [XMLElement] = []

    init(
        docID: String, styles: WordStyles, numbering: WordNumbering, usesRenderedBreaks: Bool,
        sectionStartsNewPage: [Bool]
    ) {
        self.docID = docID
        self.styles = styles
        self.numbering = numbering
        self.usesRenderedBreaks = usesRenderedBreaks
        self.sectionStartsNewPage = sectionStartsNewPage
    }

    /// Walks one part's block content under a context.
    mutating func walk(_ blocks: [XMLElement], context: Context) throws {
        self.context = context
        fields = []
        try walkBlocks(blocks, cell: nil)
    }

    private mutating func walkBlocks(_ blocks: [XMLElement], cell: TableCell?) throws {
        for element in blocks {
            guard element.isWord else {
                if element.name == "AlternateContent",
                    let choice = element.elements.first(where: { $0.name == "Choice" })
                {
                    try walkBlocks(choice.elements, cell: cell)
                }
                continue
            }
            switch element.name {
            case "p":
                try paragraph(element, cell: cell)
                if context.part == .body, element.word("pPr")?.word("sectPr") != nil {
                    startNextSection()
                }
            case "tbl":
                try table(element, parent: cell)
            case "sdt":
                try walkBlocks(element.word("sdtContent")?.elements ?? [], cell: cell)
            case "customXml", "ins", "moveTo":
                try walkBlocks(element.elements, cell: cell)
            default:
                break  // del, moveFrom, sectPr, bookmarks: nothing displayed.
            }
        }
    }

    /// A paragraph-level `w:sectPr` closed a section: the next one starts here, on a new page
    /// unless its own `w:sectPr` says `continuous`.
    private mutating func startNextSection() {
        context.section += 1
        let index = context.section
        if index < sectionStartsNewPage.count && sectionStartsNewPage[index] && !usesRenderedBreaks {
            page += 1
        }
        sectionStartPages.append(page)
    }

    private mutating func table(_ element: XMLElement, parent: TableCell?) throws {
        let index = tableCount
        tableCount += 1
        let rows = element.elements.flatMap { row -> [XMLElement] in
            guard row.isWord else { return [] }
            if row.name == "tr" { return [row] }
            if row.name == "sdt" { return row.word("sdtContent")?.words("tr") ?? [] }
            return []
        }
        let gridColumns = element.word("tblGrid")?.words("gridCol").count ?? 0
        // A row's width on the grid: cells weighted by their span, plus skipped grid columns.
        let widest =
            rows.map { row in
                let skipped = ["gridBefore", "gridAfter"].compactMap {
                    row.word("trPr")?.value(of: $0).flatMap(Int.init)
                }
                return Self.cells(of: row).map(Self.span).reduce(0, +) + skipped.map { max($0, 0) }.reduce(0, +)
            }.max() ?? 0
        records.append(
            .table(
                TableInfo(
                    docID: docID, index: index, part: context.part, rows: rows.count,
                    columns: max(gridColumns, widest), parent: parent)))
        for (rowIndex, row) in rows.enumerated() {
            var column = row.word("trPr")?.value(of: "gridBefore").flatMap(Int.init) ?? 0
            for cellElement in Self.cells(of: row) {
                try walkBlocks(
                    cellElement.elements, cell: TableCell(table: index, row: rowIndex, col: column))
                column += Self.span(cellElement)
            }
        }
    }

    private static func cells(of row: XMLElement) -> [XMLElement] {
        row.elements.flatMap { cell -> [XMLElement] in
            if cell.isWord && cell.name == "tc" { return [cell] }
            if cell.isWord && cell.name == "sdt" { return cell.word("sdtContent")?.words("tc") ?? [] }
            return []
        }
    }

    /// Grid columns a cell covers (`w:gridSpan`, at least 1).
    private static func span(_ cell: XMLElement) -> Int {
        max(cell.word("tcPr")?.value(of: "gridSpan").flatMap(Int.init) ?? 1, 1)
    }

    private mutating func paragraph(_ element: XMLElement, cell: TableCell?) throws {
        let properties = element.word("pPr")
        if properties?.word("pageBreakBefore").map(WordStyles.isOn) == true && !usesRenderedBreaks {
            page += 1
        }
        let styleID = properties?.value(of: "pStyle") ?? styles.defaultStyle
        var text = ParagraphText()
        var startPage: Int?
        try inline(element.elements, styleID: styleID, into: &text, startPage: &startPage)

        var list: ListLabel?
        let directNumbering = properties?.word("numPr")
        let numID = directNumbering?.value(of: "numId").flatMap(Int.init) ?? styles.numbering(styleID)?.numID
        let level = directNumbering?.value(of: "ilvl").flatMap(Int.init) ?? styles.numbering(styleID)?.level ?? 0
        if let numID, let rendered = numbering.next(numID: numID, level: level), !rendered.label.isEmpty {
            list = ListLabel(label: rendered.label, level: level, numID: numID)
            text.prepend(label: rendered.label, separator: rendered.separator)
        }

        if !text.isEmpty {
            let outline = properties?.value(of: "outlineLvl").flatMap(Int.init).flatMap { $0 < 9 ? $0 + 1 : nil }
            records.append(
                .paragraph(
                    Paragraph(
                        docID: docID, index: paragraphCount, part: context.part, partName: context.partName,
                        section: context.section, variant: context.variant, noteID: context.noteID,
                        styleID: styleID, styleName: styles.name(styleID),
                        headingLevel: outline ?? styles.headingLevel(styleID), list: list, text: text.text,
                        emphasis: text.spans, cell: cell, pageHint: startPage ?? page,
                        inTextBox: context.partName.hasSuffix("#textbox"))))
            paragraphCount += 1
        }
        try flushTextBoxes()
    }

    private mutating func flushTextBoxes() throws {
        guard !textBoxes.isEmpty else { return }
        let boxes = textBoxes
        textBoxes = []
        let outer = context
        let outerFields = fields
        var inner = outer
        if !inner.partName.hasSuffix("#textbox") {
            inner.partName += "#textbox"
        }
        context = inner
        fields = []
        for box in boxes {
            try walkBlocks(box.elements, cell: nil)
        }
        context = outer
        fields = outerFields
    }

    /// Walks inline content: runs and the wrappers around them.
    private mutating func inline(
        _ elements: [XMLElement], styleID: String?, into text: inout ParagraphText, startPage: inout Int?
    ) throws {
        for element in elements {
            guard element.isWord else {
                if element.name == "AlternateContent",
                    let choice = element.elements.first(where: { $0.name == "Choice" })
                {
                    try inline(choice.elements, styleID: styleID, into: &text, startPage: &startPage)
                }
                continue
            }
            switch element.name {
            case "r":
                run(element, styleID: styleID, into: &text, startPage: &startPage)
            case "ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "bdo", "dir":
                try inline(element.elements, styleID: styleID, into: &text, startPage: &startPage)
            case "sdt":
                try inline(
                    element.word("sdtContent")?.elements ?? [], styleID: styleID, into: &text, startPage: &startPage)
            default:
                break  // del, moveFrom, pPr, bookmarks, proofing marks.
            }
        }
    }

    private mutating func run(
        _ element: XMLElement, styleID: String?, into text: inout ParagraphText, startPage: inout Int?
    ) {
        let properties = element.word("rPr")
        let characterStyle = properties?.value(of: "rStyle")
        let hidden =
            properties?.word("vanish").map(WordStyles.isOn) ?? (styles.hidden(characterStyle) || styles.hidden(styleID))
        let bold = properties?.word("b").map(WordStyles.isOn) ?? (styles.bold(characterStyle) || styles.bold(styleID))
        let italic =
            properties?.word("i").map(WordStyles.isOn) ?? (styles.italic(characterStyle) || styles.italic(styleID))

        func show(_ value: String) {
            guard !hidden, fields.allSatisfy({ $0 }) else { return }
            if startPage == nil { startPage = page }
            text.append(value, bold: bold, italic: italic)
        }

        for child in element.elements {
            guard child.isWord else {
                collectTextBoxes(child)
                continue
            }
            switch child.name {
            case "t": show(child.textContent)
            case "tab", "ptab": show("\t")
            case "cr": show("\n")
            case "noBreakHyphen": show("-")
            case "sym": show(Self.symbol(child.attributes["char"]))
            case "br":
                if child.attributes["type"] == "page" {
                    if !usesRenderedBreaks { page += 1 }
                } else {
                    show("\n")
                }
            case "lastRenderedPageBreak":
                if usesRenderedBreaks { page += 1 }
            case "fldChar":
                switch child.attributes["fldCharType"] {
                case "begin": fields.append(false)
                case "separate": if !fields.isEmpty { fields[fields.count - 1] = true }
                case "end": if !fields.isEmpty { fields.removeLast() }
                default: break
                }
            case "footnoteReference":
                if let id = child.attributes["id"].flatMap(Int.init) {
                    footnoteReferences[id] =
                        footnoteReferences[id] ?? NoteReference(section: context.section, page: page)
                }
            case "endnoteReference":
                if let id = child.attributes["id"].flatMap(Int.init) {
                    endnoteReferences[id] = endnoteReferences[id] ?? NoteReference(section: context.section, page: page)
                }
            case "drawing", "pict", "object":
                collectTextBoxes(child)
            default:
                break  // softHyphen, delText, instrText, rPr: nothing displayed.
            }
        }
    }

    /// Finds text-box content inside a drawing, taking only the first branch of
    /// `mc:AlternateContent` so a box is not read twice (Word stores it as DrawingML and VML).
    private mutating func collectTextBoxes(_ element: XMLElement) {
        if element.isWord && element.name == "txbxContent" {
            textBoxes.append(element)
            return
        }
        if element.name == "AlternateContent" {
            if let choice = element.elements.first(where: { $0.name == "Choice" }) {
                collectTextBoxes(choice)
            }
            return
        }
        for child in element.elements {
            collectTextBoxes(child)
        }
    }

    /// `w:sym` names a character in a symbol font; private-use codes are shown as a bullet.
    static func symbol(_ code: String?) -> String {
        guard let code, let value = UInt32(code, radix: 16), let scalar = UnicodeScalar(value) else { return "" }
        return (0xF000...0xF0FF).contains(value) ? "•" : String(scalar)
    }
}
