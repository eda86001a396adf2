import ProtokollModel

/// A block before offsets are assigned: its lines and where each line came from.
struct BlockDraft {
    var kind: BlockKind
    /// Cleaned lines.
    private(set) var lines: [String]
    /// The page of the first line.
    let firstPage: Int
    /// Where the page changes: from line `line` on, the lines are on `page`. A block lies on
    /// one page unless a page break joins it to the next, so this is empty for nearly every
    /// block, and a block holds no array of pages, one per line, made and freed for nothing.
    private var pageChanges: [(line: Int, page: Int)] = []
    /// Per page, the union of the block's line boxes on it (PDF only).
    var boxes = PageBoxes()
    var fontSize: Double?
    var bold: Bool
    var headingLevel: Int?
    var listLabel: String?
    var style: String?
    var sourceLines: Int

    /// A block of `lines`, all on `page`.
    init(
        kind: BlockKind, lines: [String], page: Int, fontSize: Double?, bold: Bool, headingLevel: Int? = nil,
        listLabel: String? = nil, style: String? = nil, sourceLines: Int
    ) {
        self.kind = kind
        self.lines = lines
        firstPage = page
        self.fontSize = fontSize
        self.bold = bold
        self.headingLevel = headingLevel
        self.listLabel = listLabel
        self.style = style
        self.sourceLines = sourceLines
    }

    var lastPage: Int { pageChanges.last?.page ?? firstPage }

    /// The page of `lines[index]`.
    func page(ofLine index: Int) -> Int {
        pageChanges.last { $0.line <= index }?.page ?? firstPage
    }

    /// The page of each line, in order.
    var linePages: [Int] { lines.indices.map(page(ofLine:)) }

    mutating func appendLine(_ line: String, page: Int) {
        if page != lastPage { pageChanges.append((lines.count, page)) }
        lines.append(line)
    }

    mutating func append(_ other: BlockDraft) {
        for (index, line) in other.lines.enumerated() {
            appendLine(line, page: other.page(ofLine: index))
        }
        boxes.add(other.boxes)
        sourceLines += other.sourceLines
    }
}

extension BoundingBox {
    func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    var height: Double { y1 - y0 }
    var width: Double { x1 - x0 }
}
