import ProtokollModel

/// Where each stretch of the canonical text sits on the PDF's pages.
///
/// The normalize stage gives every block one box per page (`parts[].bbox`). A box per block
/// is too coarse for an attendance list, where eleven participants share one block, so each
/// part is narrowed to its lines when that can be done without guessing: the extracted lines
/// inside the part's box, grouped by baseline (column pairing puts "name<tab>municipality"
/// back on one line, so two pieces on one baseline are one row), must be exactly as many as
/// the part's lines of text. Otherwise (a hyphen joined two lines, another block's line lies
/// inside the box) the part keeps its whole box: less precise, never wrong.
struct TextGeometry {
    /// A half-open range of the canonical text and the box it occupies.
    struct Span: Equatable {
        var start: Int
        var end: Int
        var page: Int
        var box: BoundingBox
        /// Spans of one block part share a group, so a record over several lines of one part
        /// gets one box, not a stack.
        var group: Int
    }

    /// A box on a page.
    struct PageBox: Equatable {
        var page: Int
        var box: BoundingBox
    }

    /// Sorted by `start`; they do not overlap.
    private(set) var spans: [Span] = []

    init(blocks: [TextBlock], lines: [TextLine], furniture: [Furniture]) {
        var removed: [Int: [BoundingBox]] = [:]
        for line in furniture {
            if let box = line.bbox { removed[line.page, default: []].append(box) }
        }
        var body: [Int: [TextLine]] = [:]
        for line in lines where !(removed[line.page] ?? []).contains(where: { Self.same($0, line.bbox) }) {
            body[line.page, default: []].append(line)
        }
        var group = 0
        for block in blocks {
            let scalars = Array(block.text.unicodeScalars)
            for part in block.parts {
                defer { group += 1 }
                guard let box = part.bbox else { continue }
                let lower = max(0, min(scalars.count, part.charStart - block.charStart))
                let upper = max(lower, min(scalars.count, part.charEnd - block.charStart))
                var ranges: [Range<Int>] = []
                var start = lower
                for index in lower..<upper where scalars[index] == "\n" {
                    ranges.append(start..<index)
                    start = index + 1
                }
                ranges.append(start..<upper)
                let inside = (body[part.page] ?? []).filter { Self.contains(box, centreOf: $0.bbox) }
                let rows = Self.rows(inside)
                if ranges.count > 1 && rows.count == ranges.count {
                    for (range, row) in zip(ranges, rows) {
                        spans.append(
                            Span(
                                start: block.charStart + range.lowerBound, end: block.charStart + range.upperBound,
                                page: part.page, box: row, group: group))
                    }
                } else {
                    spans.append(
                        Span(start: part.charStart, end: part.charEnd, page: part.page, box: box, group: group))
                }
            }
        }
        spans.sort { $0.start < $1.start }
    }

    /// The boxes of `start..<end`: per block part it touches, the union of the lines it
    /// overlaps, in text order.
    func boxes(_ start: Int, _ end: Int) -> [PageBox] {
        var result: [(group: Int, box: PageBox)] = []
        var index = firstSpan(endingAfter: start)
        while index < spans.count, spans[index].start < end {
            let span = spans[index]
            index += 1
            guard span.end > start else { continue }
            if let last = result.indices.last, result[last].group == span.group {
                result[last].box.box = Self.union(result[last].box.box, span.box)
            } else {
                result.append((span.group, PageBox(page: span.page, box: span.box)))
            }
        }
        return result.map(\.box)
    }

    /// The line at `offset`, or the first line after it when the offset falls between
    /// blocks: where a pin for an issue at that offset goes.
    func anchor(_ offset: Int) -> PageBox? {
        let index = firstSpan(endingAfter: offset - 1)
        guard index < spans.count else { return nil }
        return PageBox(page: spans[index].page, box: spans[index].box)
    }

    /// The first span whose end is beyond `offset` (spans' ends grow with their starts).
    private func firstSpan(endingAfter offset: Int) -> Int {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].end <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Lines grouped into rows by baseline, top to bottom: a line joins the row above when
    /// they overlap by at least half the smaller height.
    private static func rows(_ lines: [TextLine]) -> [BoundingBox] {
        var rows: [BoundingBox] = []
        for line in lines.sorted(by: { ($0.bbox.y0, $0.bbox.x0) < ($1.bbox.y0, $1.bbox.x0) }) {
            if let last = rows.last {
                let overlap = min(last.y1, line.bbox.y1) - max(last.y0, line.bbox.y0)
                let smaller = min(last.y1 - last.y0, line.bbox.y1 - line.bbox.y0)
                if overlap >= smaller / 2 {
                    rows[rows.count - 1] = union(last, line.bbox)
                    continue
                }
            }
            rows.append(line.bbox)
        }
        return rows
    }

    static func union(_ a: BoundingBox, _ b: BoundingBox) -> BoundingBox {
        BoundingBox(x0: min(a.x0, b.x0), y0: min(a.y0, b.y0), x1: max(a.x1, b.x1), y1: max(a.y1, b.y1))
    }

    private static func contains(_ box: BoundingBox, centreOf line: BoundingBox) -> Bool {
        let x = (line.x0 + line.x1) / 2
        let y = (line.y0 + line.y1) / 2
        return x >= box.x0 - 1 && x <= box.x1 + 1 && y >= box.y0 - 1 && y <= box.y1 + 1
    }

    private static func same(_ a: BoundingBox, _ b: BoundingBox) -> Bool {
        abs(a.x0 - b.x0) < 0.02 && abs(a.y0 - b.y0) < 0.02 && abs(a.x1 - b.x1) < 0.02 && abs(a.y1 - b.y1) < 0.02
    }
}
