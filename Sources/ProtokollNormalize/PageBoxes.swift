import ProtokollModel

/// Per page, the union of a block's line boxes on it (PDF only).
///
/// A PDF block lies on one page unless a page break joins it to the next, so the first
/// page's box is held as it is and only later pages take a table: a table for every block
/// cost an allocation, and a hash for every line added.
struct PageBoxes {
    private var firstPage: Int?
    private var firstBox = BoundingBox(x0: 0, y0: 0, x1: 0, y1: 0)
    private var laterPages: [Int: BoundingBox] = [:]

    /// The union of the boxes added for `page`, or `nil` when none was.
    subscript(page: Int) -> BoundingBox? {
        page == firstPage ? firstBox : laterPages[page]
    }

    /// Widens the page's box to take in `box`: the box so far, `union`, then `box`.
    mutating func add(_ box: BoundingBox, page: Int) {
        guard let firstPage else {
            firstPage = page
            firstBox = box
            return
        }
        if page == firstPage {
            firstBox = firstBox.union(box)
        } else {
            laterPages[page] = laterPages[page].map { $0.union(box) } ?? box
        }
    }

    /// Adds every page's box of `other`.
    mutating func add(_ other: PageBoxes) {
        if let page = other.firstPage { add(other.firstBox, page: page) }
        for (page, box) in other.laterPages { add(box, page: page) }
    }
}
