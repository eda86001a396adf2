import ProtokollModel

/// A block before offsets are assigned: its lines and where each line came from.
struct BlockDraft {
    var kind: BlockKind
    /// Cleaned lines; `linePages[i]` is the page of `lines[i]`.
    var lines: [String]
    var linePages: [Int]
    /// Per page, the union of the block's line boxes on it (PDF only).
    var boxes = PageBoxes()
    var fontSize: Double?
    var bold: Bool
    var headingLevel: Int?
    var listLabel: String?
    var style: String?
    var sourceLines: Int

    var firstPage: Int { linePages.first ?? 1 }
    var lastPage: Int { linePages.last ?? 1 }

    mutating func append(_ other: BlockDraft) {
        lines += other.lines
        linePages += other.linePages
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
