internal import CPoppler
import ProtokollModel

/// Whether a page shows anything that its text layer does not already hold.
///
/// With `ocr: auto`, a page with too little text layer is read by OCR. Yet most such pages in
/// a text PDF are not scans: the empty page a word processor leaves after a last page break,
/// a page with only its number. OCR of one costs about a second (Tesseract's model loaded, the
/// page drawn at 300 dpi, its orientation and its text searched) and finds nothing new, where
/// reading a text page takes milliseconds. Drawn at a low resolution, the page tells in a few
/// milliseconds: when every mark on it lies on one of its text layer's lines, OCR could only
/// read again what the text layer already has.
enum PageInk {
    /// Fine enough to show 6-point type (glyphs four pixels tall); an A4 page is then a
    /// quarter of a megapixel.
    static let dpi = 50
    /// Pixels at least this light are paper: light fills and the faint edges of anti-aliasing
    /// are no text to read.
    static let paper: UInt8 = 224
    /// How far, in points, a line's marks may reach beyond its box: underlines, accents and
    /// the anti-aliased edge of the low-resolution drawing.
    static let margin = 3.0

    /// - Returns: Whether drawing `page` puts a mark outside the boxes of `lines`, its text
    ///   layer; `true` as well when the page cannot be drawn, so OCR still gets its turn.
    static func hasMarks(on page: OpaquePointer, outside lines: [TextLine]) -> Bool {
        guard let (image, scale) = PageRaster.render(page: page, dpi: dpi) else { return true }
        let boxes = lines.map { line in
            (
                x0: Int(((line.bbox.x0 - margin) * scale).rounded(.down)),
                y0: Int(((line.bbox.y0 - margin) * scale).rounded(.down)),
                x1: Int(((line.bbox.x1 + margin) * scale).rounded(.up)),
                y1: Int(((line.bbox.y1 + margin) * scale).rounded(.up))
            )
        }
        for y in 0..<image.height {
            let row = y * image.width
            for x in 0..<image.width where image.pixels[row + x] < paper {
                if !boxes.contains(where: { x >= $0.x0 && x < $0.x1 && y >= $0.y0 && y < $0.y1 }) {
                    return true
                }
            }
        }
        return false
    }
}
