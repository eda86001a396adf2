/// Stable codes for documents that yield no content. Analysts and the batch ledger key on
/// these strings, so they never change meaning.
public enum FailureCode: String, Codable, Sendable, Equatable, CaseIterable {
    /// The file cannot be read: missing, a directory, no permission.
    case unreadable
    /// Neither PDF nor DOCX by its first bytes, whatever its name says.
    case unsupportedFormat = "unsupported_format"
    /// A PDF that needs a user password.
    case encrypted
    /// A PDF or DOCX too damaged to read, or a DOCX whose XML is refused (DTDs, malformed XML).
    case corrupt
    /// Over a configured limit: file bytes, pages, zip entry size, ratio or count.
    case tooLarge = "too_large"
    /// Readable, but no page or paragraph holds any text.
    case noText = "no_text"
    /// The worker extracting the document was stopped at the wall-time limit.
    case timeout
    /// The worker extracting the document died (a signal) or stopped mid-stream.
    case crashed
    /// The worker extracting the document ran out of its memory limit.
    case oom
}

/// The record for a document that could not be extracted.
public struct ExtractFailure: Codable, Sendable, Equatable {
    public var v = ExtractRecord.version
    /// Absent only when the file's bytes could not be read at all.
    public var docID: String?
    public var path: String
    public var code: FailureCode
    /// A sentence that says what failed, with the value and where.
    public var message: String

    public init(docID: String?, path: String, code: FailureCode, message: String) {
        self.docID = docID
        self.path = path
        self.code = code
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case v, path, code, message
        case docID = "doc_id"
    }
}

/// Something worth knowing about a document that was still extracted, e.g. a page without
/// a text layer.
public struct ExtractIssue: Codable, Sendable, Equatable {
    public var v = ExtractRecord.version
    public var docID: String
    /// Stable code, e.g. `no_text` for a page without text.
    public var code: String
    public var page: Int?
    public var message: String
    /// `ocr` and `ocr_low_confidence`: the page's mean OCR confidence (0–100). Issues pass
    /// through normalisation untouched, so this is how segmentation learns which pages were
    /// read by OCR and how well.
    public var confidence: Double?

    public init(docID: String, code: String, page: Int?, message: String, confidence: Double? = nil) {
        self.docID = docID
        self.code = code
        self.page = page
        self.message = message
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey {
        case v, code, page, message, confidence
        case docID = "doc_id"
    }
}
