/// The input formats protokoll reads.
public enum DocumentFormat: String, Codable, Sendable, Equatable {
    case pdf
    case docx

    /// The IANA media type written into records.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    }
}

/// The first record of every document: identity, file facts and the producer's metadata.
public struct DocumentInfo: Codable, Sendable, Equatable {
    /// Always `ExtractRecord.version`.
    public var v = ExtractRecord.version
    /// `sha256:` plus the first 16 hex digits of the file's SHA-256: stable across renames.
    public var docID: String
    /// The path as given on the command line.
    public var path: String
    public var fileName: String
    /// Full SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    public var byteSize: Int
    /// Known once the format is sniffed from the file's first bytes; absent for unreadable files.
    public var format: DocumentFormat?
    public var mediaType: String?
    /// PDF: pages in the file. DOCX: Word's own count (`docProps/app.xml`) when Word saved its
    /// layout (the file has rendered page breaks), else one more than the explicit breaks.
    public var pageCount: Int?
    public var producer: String?
    public var creator: String?
    public var author: String?
    public var title: String?
    /// PDF only: the file carries an encryption dictionary (opened with an empty user password).
    public var encrypted: Bool?
    /// Library versions that read the file, e.g. `["poppler": "22.12.0"]`.
    public var extractor: [String: String]

    public init(
        docID: String, path: String, fileName: String, sha256: String, byteSize: Int,
        format: DocumentFormat? = nil, pageCount: Int? = nil, producer: String? = nil,
        creator: String? = nil, author: String? = nil, title: String? = nil,
        encrypted: Bool? = nil, extractor: [String: String] = [:]
    ) {
        self.docID = docID
        self.path = path
        self.fileName = fileName
        self.sha256 = sha256
        self.byteSize = byteSize
        self.format = format
        self.mediaType = format?.mediaType
        self.pageCount = pageCount
        self.producer = producer
        self.creator = creator
        self.author = author
        self.title = title
        self.encrypted = encrypted
        self.extractor = extractor
    }

    /// The document ID for a file's full SHA-256 hex digest.
    public static func docID(forSHA256 hex: String) -> String {
        "sha256:" + hex.prefix(16)
    }

    enum CodingKeys: String, CodingKey {
        case v, path, sha256, format, producer, creator, author, title, encrypted, extractor
        case docID = "doc_id"
        case fileName = "file_name"
        case byteSize = "byte_size"
        case mediaType = "media_type"
        case pageCount = "page_count"
    }
}

/// The last record of every document, so a reader of the stream knows the document is complete.
public struct DocumentEnd: Codable, Sendable, Equatable {
    public var v = ExtractRecord.version
    /// Absent only when the file's bytes could not be read at all.
    public var docID: String?
    public var path: String
    /// `ok`, or the error code of the document's `error` record.
    public var status: String
    /// Content records written for the document (pages, lines, tables, paragraphs).
    public var records: Int

    public init(docID: String?, path: String, status: String, records: Int) {
        self.docID = docID
        self.path = path
        self.status = status
        self.records = records
    }

    enum CodingKeys: String, CodingKey {
        case v, path, status, records
        case docID = "doc_id"
    }
}
