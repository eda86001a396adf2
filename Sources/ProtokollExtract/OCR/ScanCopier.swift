internal import CPoppler
import Foundation
import ProtokollModel

/// Makes an image-only copy of a PDF, as a scanner would: every page drawn at `dpi` and put
/// back as a picture, optionally turned, so the copy has no text layer at all.
///
/// The OCR tests and `scripts/bench/ocr.sh` compare what OCR reads from such a copy with what
/// the text layer of the original says; the original is the answer key, so no hand-made
/// transcription is needed. A page turned a quarter is laid on a page of swapped size (a
/// sheet fed sideways); a page turned a degree or two stays on its size (a sheet fed askew).
public struct ScanCopier: Sendable {
    /// Resolution the pages are scanned at.
    public var dpi: Int
    /// Clockwise turn in degrees of some pages (1-based); the others are scanned straight.
    public var turns: [Int: Double]
    /// Only these pages (1-based) are copied; `nil` copies all.
    public var pages: ClosedRange<Int>?

    public init(dpi: Int = 300, turns: [Int: Double] = [:], pages: ClosedRange<Int>? = nil) {
        self.dpi = dpi
        self.turns = turns
        self.pages = pages
    }

    /// Writes the image-only copy of the PDF at `path` to `output`.
    /// - Returns: The number of pages written.
    /// - Throws: ``ExtractionError`` when the input cannot be opened or the copy not written.
    @discardableResult
    public func copy(pdf path: String, to output: String) throws -> Int {
        let file = try InputFile.read(path: path, maxBytes: ExtractionLimits().maxFileBytes)
        return try PopplerDocument.with(file.bytes, path: path) { document throws -> Int in
            // The size is set again for each page before it is drawn.
            guard let pdf = cairo_pdf_surface_create(output, 595, 842) else {
                throw ExtractionError(.unreadable, "cannot write '\(output)'")
            }
            defer { cairo_surface_destroy(pdf) }
            var written = 0
            let count = Int(poppler_document_get_n_pages(document))
            for index in 0..<count where pages?.contains(index + 1) ?? true {
                guard let page = poppler_document_get_page(document, Int32(index)) else { continue }
                defer { protokoll_object_unref(UnsafeMutableRawPointer(page)) }
                try scan(page: page, number: index + 1, onto: pdf, path: path)
                written += 1
            }
            cairo_surface_finish(pdf)
            guard cairo_surface_status(pdf) == CAIRO_STATUS_SUCCESS else {
                throw ExtractionError(
                    .unreadable, "cannot write '\(output)': cairo status \(cairo_surface_status(pdf))")
            }
            return written
        }
    }

    private func scan(page: OpaquePointer, number: Int, onto pdf: OpaquePointer, path: String) throws {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        let scale = Double(dpi) / 72
        guard
            let image = cairo_image_surface_create(
                CAIRO_FORMAT_RGB24, Int32((width * scale).rounded()), Int32((height * scale).rounded()))
        else { throw ExtractionError(.corrupt, "cannot draw page \(number) of '\(path)'") }
        defer { cairo_surface_destroy(image) }
        guard protokoll_render_page(page, image, scale, 0) == CAIRO_STATUS_SUCCESS else {
            throw ExtractionError(.corrupt, "cannot draw page \(number) of '\(path)'")
        }
        let turn = turns[number] ?? 0
        let sideways = abs(abs(turn.truncatingRemainder(dividingBy: 180)) - 90) < 1
        let status = protokoll_draw_scanned_page(
            pdf, image, sideways ? height : width, sideways ? width : height, scale, turn)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ExtractionError(.corrupt, "cannot draw page \(number) of '\(path)': cairo status \(status)")
        }
    }
}
