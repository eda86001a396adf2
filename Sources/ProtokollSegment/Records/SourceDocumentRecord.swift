/// One per input file: identity, file facts, pages and status.
public struct SourceDocumentRecord: Codable, Sendable, Equatable {
    public struct Page: Codable, Sendable, Equatable {
        public var page: Int
        @Null public var label_raw: String?
        public var char_start: Int
        public var char_end: Int
        /// `pdf_text`, `docx` or `ocr`: where this page's text was read from.
        public var text_layer: String
        /// OCR pages: Tesseract's mean word confidence (0–100, one decimal); else `null`.
        @Null public var ocr_confidence: Double?

    }

    public var v = PublicRecord.version
    public var id: String
    /// `null` only for a file whose bytes could not be read.
    @Null public var sha256: String?
    public var file_name: String
    @Null public var media_type: String?
    public var byte_size: Int
    @Null public var page_count: Int?
    @Null public var producer: String?
    @Null public var creator: String?
    /// `pdf_text`, `docx`, `ocr` (every body page read by OCR) or `mixed` (some were).
    @Null public var text_layer: String?
    public var text_sha256: String
    public var pages: [Page]
    @Null public var language: String?
    /// `ok`, or a failure code: `encrypted`, `corrupt`, `no_text`, `timeout`, `too_large`, …
    public var status: String
    public var pipeline_version: String
    @Null public var config_hash: String?
    public var extractor_versions: [String: String]

}
