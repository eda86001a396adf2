/// An 8-bit grayscale image, row by row with no padding: what a page is rendered to for OCR.
///
/// Tesseract binarises whatever it gets; gray keeps a quarter of the memory of the ARGB
/// surface cairo draws on and is what Tesseract would convert colour to anyway.
struct GrayImage: Equatable {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    /// The image turned clockwise by `degrees` (a multiple of 90).
    func rotated(clockwise degrees: Int) -> GrayImage {
        switch ((degrees % 360) + 360) % 360 {
        case 90:
            var out = [UInt8](repeating: 255, count: pixels.count)
            // Column x of the result is row (height - 1 - x) of the source.
            for y in 0..<height {
                for x in 0..<width {
                    out[x * height + (height - 1 - y)] = pixels[y * width + x]
                }
            }
            return GrayImage(width: height, height: width, pixels: out)
        case 180:
            return GrayImage(width: width, height: height, pixels: pixels.reversed())
        case 270:
            var out = [UInt8](repeating: 255, count: pixels.count)
            for y in 0..<height {
                for x in 0..<width {
                    out[(width - 1 - x) * height + y] = pixels[y * width + x]
                }
            }
            return GrayImage(width: height, height: width, pixels: out)
        default:
            return self
        }
    }
}

extension GrayImage {
    /// The mean length of the runs of dark pixels along the rows of a box: the width of the
    /// letters' vertical strokes, which is what makes type look bold.
    func meanStrokeWidth(x0: Int, y0: Int, x1: Int, y1: Int) -> Double {
        let left = max(0, x0)
        let right = min(width, x1)
        let top = max(0, y0)
        let bottom = min(height, y1)
        guard left < right, top < bottom else { return 0 }
        var runs = 0
        var dark = 0
        for y in top..<bottom {
            var inRun = false
            let row = y * width
            for x in left..<right {
                if pixels[row + x] < 128 {
                    dark += 1
                    if !inRun { runs += 1 }
                    inRun = true
                } else {
                    inRun = false
                }
            }
        }
        return runs == 0 ? 0 : Double(dark) / Double(runs)
    }
}

extension GrayImage {
    /// The number of blank columns between the first glyph in a box and the next one: the
    /// space after a section sign ("§ 115" against "§115"), which Tesseract guesses.
    ///
    /// A column is blank when no pixel of the box's rows in it is dark. The first glyph is
    /// the first run of columns with ink; `nil` when the box holds no second run.
    func blankColumnsAfterFirstGlyph(x0: Int, y0: Int, x1: Int, y1: Int) -> Int? {
        let left = max(0, x0)
        let right = min(width, x1)
        let top = max(0, y0)
        let bottom = min(height, y1)
        guard left < right, top < bottom else { return nil }
        func hasInk(_ x: Int) -> Bool {
            for y in top..<bottom where pixels[y * width + x] < 128 { return true }
            return false
        }
        var x = left
        while x < right, !hasInk(x) { x += 1 }
        while x < right, hasInk(x) { x += 1 }
        let gapStart = x
        while x < right, !hasInk(x) { x += 1 }
        return x < right && gapStart < right ? x - gapStart : nil
    }
}

extension GrayImage {
    /// The image at half its width and height, each pixel the mean of the four it replaces.
    /// An odd last row or column is left out; an image one pixel wide or high stays so.
    func halved() -> GrayImage {
        let halfWidth = max(1, width / 2)
        let halfHeight = max(1, height / 2)
        var out = [UInt8](repeating: 255, count: halfWidth * halfHeight)
        for y in 0..<halfHeight {
            let top = min(2 * y, height - 1) * width
            let bottom = min(2 * y + 1, height - 1) * width
            for x in 0..<halfWidth {
                let left = min(2 * x, width - 1)
                let right = min(2 * x + 1, width - 1)
                let upper = Int(pixels[top + left]) + Int(pixels[top + right])
                let lower = Int(pixels[bottom + left]) + Int(pixels[bottom + right])
                out[y * halfWidth + x] = UInt8((upper + lower + 2) / 4)
            }
        }
        return GrayImage(width: halfWidth, height: halfHeight, pixels: out)
    }
}
