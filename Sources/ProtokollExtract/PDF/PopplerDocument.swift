internal import CPoppler
import Foundation
import ProtokollModel

/// A PDF opened by poppler from bytes in memory, for the length of one call. Text
/// extraction, drawn pages and scan copies all open PDFs here, so each gets the colour
/// conversions kept between pages (``ColourTransformCache``) and the same errors.
enum PopplerDocument {
    /// Calls `body` with the open document, which is released when `body` returns.
    /// - Throws: ``ExtractionError``: `encrypted` when the file needs a user password,
    ///   `corrupt` when it is empty or poppler cannot open it; and whatever `body` throws.
    static func with<Result>(
        _ data: Data, path: String, _ body: (OpaquePointer) throws -> Result
    ) throws -> Result {
        try data.withUnsafeBytes { raw throws -> Result in
            guard let base = raw.baseAddress, raw.count > 0 else {
                throw ExtractionError(.corrupt, "cannot open PDF '\(path)': the file is empty")
            }
            let bytes = g_bytes_new_static(base, gsize(raw.count))
            defer { g_bytes_unref(bytes) }
            ColourTransformCache.install()
            var gerror: UnsafeMutablePointer<GError>?
            guard let document = poppler_document_new_from_bytes(bytes, nil, &gerror) else {
                throw translate(gerror, path: path)
            }
            defer { protokoll_object_unref(UnsafeMutableRawPointer(document)) }
            return try body(document)
        }
    }

    /// The one place poppler's GError becomes a protokoll error.
    private static func translate(_ error: UnsafeMutablePointer<GError>?, path: String) -> ExtractionError {
        guard let error else {
            return ExtractionError(.corrupt, "cannot open PDF '\(path)': poppler gave no reason")
        }
        defer { g_error_free(error) }
        let message = String(cString: error.pointee.message)
        if protokoll_is_poppler_error(error) != 0 && error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
            return ExtractionError(.encrypted, "cannot open PDF '\(path)': it needs a user password")
        }
        return ExtractionError(.corrupt, "cannot open PDF '\(path)': \(message)")
    }
}
