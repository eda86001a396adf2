internal import CPoppler

/// Draws a poppler page into a ``GrayImage`` through cairo, for OCR.
///
/// The page is drawn as displayed (its `/Rotate` applied) on white, at `dpi`, unless that
/// would exceed `maxPixels`: then at the highest resolution that fits, so a poster-sized scan
/// cannot make the worker allocate gigabytes.
///
/// cairo draws in colour, four bytes a pixel: 35 MB for an A4 page at 300 dpi, while poppler
/// holds a scanned page's picture decoded at as much again. So the page is drawn in equal
/// bands of at most `bandBytes` into one reused surface, each band turned to gray as it is
/// drawn. Each band draws the page anew, decoding its pictures again, so bands are few: an A4
/// page takes three at 300 dpi and one at 200 dpi (15.5 MB). Two at 300 dpi raised a worker's
/// peak on scans by 5 MiB.
enum PageRaster {
    /// - Returns: The image and the pixels per point it was drawn at, or `nil` when cairo
    ///   could not draw the page.
    static func render(
        page: OpaquePointer, dpi: Int, maxPixels: Int = 40_000_000, bandBytes: Int = 16 << 20
    ) -> (GrayImage, Double)? {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard width > 0, height > 0 else { return nil }
        var scale = Double(dpi) / 72
        let pixels = width * height * scale * scale
        if pixels > Double(maxPixels) {
            scale *= (Double(maxPixels) / pixels).squareRoot()
        }
        let pixelWidth = max(1, Int((width * scale).rounded()))
        let pixelHeight = max(1, Int((height * scale).rounded()))
        let bands = max(1, (pixelWidth * 4 * pixelHeight + bandBytes - 1) / bandBytes)
        let bandRows = (pixelHeight + bands - 1) / bands
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(bandRows))
        else { return nil }
        defer { cairo_surface_destroy(surface) }
        var gray = [UInt8](repeating: 255, count: pixelWidth * pixelHeight)
        for top in stride(from: 0, to: pixelHeight, by: bandRows) {
            guard protokoll_render_page(page, surface, scale, Double(top)) == CAIRO_STATUS_SUCCESS else { return nil }
            cairo_surface_flush(surface)
            guard let data = cairo_image_surface_get_data(surface) else { return nil }
            let stride = Int(cairo_image_surface_get_stride(surface))
            gray.withUnsafeMutableBufferPointer { out in
                for y in top..<min(top + bandRows, pixelHeight) {
                    let row = data.advanced(by: (y - top) * stride)
                    for x in 0..<pixelWidth {
                        // RGB24 is one native-endian 32-bit word per pixel: 0x00RRGGBB.
                        let pixel = row.advanced(by: x * 4).withMemoryRebound(to: UInt32.self, capacity: 1) {
                            $0.pointee
                        }
                        let red = (pixel >> 16) & 0xFF
                        let green = (pixel >> 8) & 0xFF
                        let blue = pixel & 0xFF
                        // ITU-R BT.601 luma in integers, so every machine gets the same bytes.
                        out[y * pixelWidth + x] = UInt8((red * 299 + green * 587 + blue * 114) / 1000)
                    }
                }
            }
        }
        return (GrayImage(width: pixelWidth, height: pixelHeight, pixels: gray), scale)
    }
}
