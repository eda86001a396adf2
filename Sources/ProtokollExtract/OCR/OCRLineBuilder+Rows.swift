extension OCRLineBuilder {
    typealias Word = TesseractEngine.Page.Word

    /// Tesseract's lines with a label and the value beside it put on one row, as the text
    /// layer has them.
    ///
    /// Tesseract's layout analysis often takes a label column ("Plats och tid:", "Närvarande
    /// ledamöter:", "Förhinder:") for a block of its own and reads it before the values
    /// beside it, so the attendance parser would see all the labels, then all the names. The
    /// text layer reads row by row: "Närvarande ledamöter:\tAnders Lund (M) ordförande", then
    /// the names under it. Here a short line (at most `maxLabelWidth` pixels wide: a label,
    /// not a column of prose) takes the nearest line to its right on the same row, and the
    /// blocks so joined are read row by row, top to bottom, where the first of them stood.
    /// Whether two lines share a row is decided by their boxes: they overlap vertically by at
    /// least half the lower line's height (a page scanned 1.5° askew still passes).
    /// - Parameters:
    ///   - page: Tesseract's lines, in its reading order, and their blocks.
    ///   - maxLabelWidth: The widest line, in pixels, that may take a value beside it.
    /// - Returns: Lines of words, left to right, in reading order.
    static func rows(_ page: TesseractEngine.Page, maxLabelWidth: Double) -> [[Word]] {
        let lines = page.lines
        let count = lines.count
        let blocks = page.blocks.count == count ? page.blocks : Array(0..<count)
        let boxes = lines.map { words in
            (
                x0: words.map(\.x0).min() ?? 0, y0: words.map(\.y0).min() ?? 0, x1: words.map(\.x1).max() ?? 0,
                y1: words.map(\.y1).max() ?? 0
            )
        }
        func shareRow(_ a: Int, _ b: Int) -> Bool {
            let overlap = min(boxes[a].y1, boxes[b].y1) - max(boxes[a].y0, boxes[b].y0)
            return overlap >= 0.5 * min(boxes[a].y1 - boxes[a].y0, boxes[b].y1 - boxes[b].y0)
        }
        // partner[i]: the line that joins line i on its right; joined[j]: j has joined a line.
        var partner = [Int?](repeating: nil, count: count)
        var joined = [Bool](repeating: false, count: count)
        var group = Array(0...(blocks.max() ?? 0))
        func root(_ block: Int) -> Int {
            var block = block
            while group[block] != block { block = group[block] }
            return block
        }
        // Leftmost lines first, so a label claims its value before the value looks further.
        let byLeft = lines.indices.sorted { boxes[$0].x0 == boxes[$1].x0 ? $0 < $1 : boxes[$0].x0 < boxes[$1].x0 }
        for left in byLeft where !joined[left] && boxes[left].x1 - boxes[left].x0 <= maxLabelWidth {
            let right = lines.indices.filter { candidate in
                candidate != left && !joined[candidate] && partner[candidate] == nil
                    && boxes[candidate].x0 > boxes[left].x1 && shareRow(left, candidate)
            }.min { boxes[$0].x0 == boxes[$1].x0 ? $0 < $1 : boxes[$0].x0 < boxes[$1].x0 }
            guard let right else { continue }
            partner[left] = right
            joined[right] = true
            let (a, b) = (root(blocks[left]), root(blocks[right]))
            group[max(a, b)] = min(a, b)
        }
        var merged = Set<Int>()
        for index in lines.indices where partner[index] != nil { merged.insert(root(blocks[index])) }
        var result: [[Word]] = []
        var emitted = Set<Int>()
        for index in lines.indices where !joined[index] {
            let key = root(blocks[index])
            guard merged.contains(key) else {
                result.append(lines[index] + (partner[index].map { lines[$0] } ?? []))
                continue
            }
            guard emitted.insert(key).inserted else { continue }
            let members = lines.indices.filter { !joined[$0] && root(blocks[$0]) == key }
            let ordered = members.sorted { a, b in
                let (ca, cb) = (boxes[a].y0 + boxes[a].y1, boxes[b].y0 + boxes[b].y1)
                return ca == cb ? a < b : ca < cb
            }
            for member in ordered {
                result.append(lines[member] + (partner[member].map { lines[$0] } ?? []))
            }
        }
        return result
    }
}
