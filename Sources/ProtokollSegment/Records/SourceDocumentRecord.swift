public import ProtokollModel

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

extension SourceDocumentRecord {
    /// This record's members in its `PublicRecord` line, `type` included, in sorted key order.
    func writeRecordJSON(to json: inout JSONObjectWriter) {
        json.integer("byte_size", byte_size)
        json.string("config_hash", config_hash)
        json.string("creator", creator)
        json.dictionary("extractor_versions", extractor_versions)
        json.string("file_name", file_name)
        json.string("id", id)
        json.string("language", language)
        json.string("media_type", media_type)
        json.integer("page_count", page_count)
        json.objects("pages", pages)
        json.string("pipeline_version", pipeline_version)
        json.string("producer", producer)
        json.string("sha256", sha256)
        json.string("status", status)
        json.string("text_layer", text_layer)
        json.string("text_sha256", text_sha256)
        json.string("type", PublicRecord.Kind.sourceDocument.rawValue)
        json.integer("v", v)
    }
}

extension SourceDocumentRecord.Page: JSONObjectWritable {
    public func writeJSON(to json: inout JSONObjectWriter) {
        json.integer("char_end", char_end)
        json.integer("char_start", char_start)
        json.string("label_raw", label_raw)
        json.number("ocr_confidence", ocr_confidence)
        json.integer("page", page)
        json.string("text_layer", text_layer)
    }
}
