internal import CPoppler
public import Foundation
import ProtokollModel

/// Renders the pages of a PDF to PNG images through poppler and cairo, so people can see a
/// page beside what the pipeline read from it (`protokoll inspect`).
///
/// Pages come out as displayed (their `/Rotate` applied), the same orientation the text
/// boxes of `line` records use, so a box in points times ``scale`` lands on the image. The
/// document handle lives only inside ``render(path:each:)``; callers get bytes, never a C
/// type.
public struct PageRenderer: Sendable {
    /// One rendered page.
    public struct Page: Sendable, Equatable {
        /// 1-based physical page number.
        public var number: Int
        /// Width and height in points, as displayed.
        public var width: Double
        public var height: Double
        /// The image's size in pixels; about `width × scale` unless the page was too large.
        public var pixelWidth: Int
        public var pixelHeight: Int
        /// The PNG file's bytes.
        public var png: Data
    }

    /// Resolution in pixels per inch (a point is 1/72 inch).
    public var dpi: Double
    public var limits: ExtractionLimits
    /// Largest image drawn for one page: a poster-sized page is drawn at a lower resolution
    /// instead of allocating gigabytes (4 bytes per pixel).
    public var maxPixels: Int

    /// - Parameters:
    ///   - dpi: Pixels per inch; 100 keeps text legible and an A4 page near 170 KB of PNG.
    ///   - limits: The extractor's file-size and page limits, applied here too.
    ///   - maxPixels: The most pixels drawn for one page.
    public init(dpi: Double = 100, limits: ExtractionLimits = ExtractionLimits(), maxPixels: Int = 25_000_000) {
        self.dpi = dpi
        self.limits = limits
        self.maxPixels = maxPixels
    }

    /// Pixels per point.
    public var scale: Double { dpi / 72 }

    /// Renders every page of the PDF at `path` in order, handing each to `each` as soon as it
    /// is drawn, so only one page's pixels are held at a time. A page poppler cannot load is
    /// left out.
    /// - Throws: ``ExtractionError`` when the file cannot be read or opened (`unreadable`,
    ///   `unsupported_format`, `encrypted`, `corrupt`, `too_large`), and whatever `each` throws.
    public func render(path: String, each: (Page) throws -> Void) throws {
        let file = try InputFile.read(path: path, maxBytes: limits.maxFileBytes)
        guard file.sniffedFormat == .pdf else {
            throw ExtractionError(.unsupportedFormat, "cannot render '\(path)': it is not a PDF")
        }
        try PopplerDocument.with(file.bytes, path: path) { document in
            let count = Int(poppler_document_get_n_pages(document))
            if count > limits.maxPages {
                throw ExtractionError(
                    .tooLarge, "'\(path)' has \(count) pages, more than the limit of \(limits.maxPages)")
            }
            for index in 0..<count {
                guard let page = poppler_document_get_page(document, Int32(index)) else { continue }
                defer { protokoll_object_unref(UnsafeMutableRawPointer(page)) }
                if let rendered = try render(page: page, number: index + 1, path: path) {
                    try each(rendered)
                }
            }
        }
    }

    private func render(page: OpaquePointer, number: Int, path: String) throws -> Page? {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard width > 0, height > 0 else { return nil }
        var pixelScale = scale
        let pixels = width * height * pixelScale * pixelScale
        if pixels > Double(maxPixels) {
            pixelScale *= (Double(maxPixels) / pixels).squareRoot()
        }
        let pixelWidth = max(1, Int((width * pixelScale).rounded(.up)))
        let pixelHeight = max(1, Int((height * pixelScale).rounded(.up)))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight))
        else { return nil }
        defer { cairo_surface_destroy(surface) }
        let drawn = protokoll_render_page(page, surface, pixelScale, 0)
        guard drawn == CAIRO_STATUS_SUCCESS else {
            throw ExtractionError(.corrupt, "cannot render page \(number) of '\(path)': cairo status \(drawn.rawValue)")
        }
        let sink = PNGSink()
        let written = cairo_surface_write_to_png_stream(
            surface,
            { closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(data, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque())
        guard written == CAIRO_STATUS_SUCCESS else {
            throw ExtractionError(
                .corrupt, "cannot encode page \(number) of '\(path)' as PNG: cairo status \(written.rawValue)")
        }
        return Page(
            number: number, width: width, height: height, pixelWidth: pixelWidth, pixelHeight: pixelHeight,
            png: sink.bytes)
    }
}

/// Collects the PNG bytes cairo writes in chunks; a class so the C callback can reach it
/// through its `closure` pointer.
private final class PNGSink {
    var bytes = Data()
}
