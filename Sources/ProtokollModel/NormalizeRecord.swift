/// One line of the normalize stage's NDJSON stream (format `protokoll.normalize`, version 1).
///
/// A document's stream is: `document` (as extracted), one `page` per page with its printed
/// label and its range of the canonical text, the body as `block`s, every removed line as a
/// `furniture` record, the extract stage's `issue`s and `error`, and a closing
/// `document_end` with the canonical text's hash. The canonical text is the blocks' texts
/// joined by a blank line (`"\n\n"`); every offset in this and later stages points into it.
/// See `docs/normalize-records.md`.
public enum NormalizeRecord: Sendable, Equatable {
    case document(DocumentInfo)
    case page(PageText)
    case block(TextBlock)
    case furniture(Furniture)
    case issue(ExtractIssue)
    case error(ExtractFailure)
    case documentEnd(NormalizedEnd)

    public static let version = 1

    /// Whether this record ends its document's stream.
    public var closesDocument: Bool {
        if case .documentEnd = self { true } else { false }
    }
}

extension NormalizeRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case type
    }

    private enum Kind: String, Codable {
        case document, page, block, furniture, issue, error
        case documentEnd = "document_end"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .type) {
        case .document: self = .document(try DocumentInfo(from: decoder))
        case .page: self = .page(try PageText(from: decoder))
        case .block: self = .block(try TextBlock(from: decoder))
        case .furniture: self = .furniture(try Furniture(from: decoder))
        case .issue: self = .issue(try ExtractIssue(from: decoder))
        case .error: self = .error(try ExtractFailure(from: decoder))
        case .documentEnd: self = .documentEnd(try NormalizedEnd(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .document(let value):
            try container.encode(Kind.document, forKey: .type)
            try value.encode(to: encoder)
        case .page(let value):
            try container.encode(Kind.page, forKey: .type)
            try value.encode(to: encoder)
        case .block(let value):
            try container.encode(Kind.block, forKey: .type)
            try value.encode(to: encoder)
        case .furniture(let value):
            try container.encode(Kind.furniture, forKey: .type)
            try value.encode(to: encoder)
        case .issue(let value):
            try container.encode(Kind.issue, forKey: .type)
            try value.encode(to: encoder)
        case .error(let value):
            try container.encode(Kind.error, forKey: .type)
            try value.encode(to: encoder)
        case .documentEnd(let value):
            try container.encode(Kind.documentEnd, forKey: .type)
            try value.encode(to: encoder)
        }
    }
}

/// A page of the canonical text: where its body text starts and ends, and the page label
/// printed on it.
public struct PageText: Codable, Sendable, Equatable {
    public var v = NormalizeRecord.version
    public var docID: String
    /// 1-based physical page (DOCX: Word's page hint).
    public var page: Int
    /// The printed label as it appears ("2 (9)", "Sida 2 av 9"), from the page's running
    /// header or footer; `nil` when none was found.
    public var labelRaw: String?
    /// Half-open range of the canonical text (Unicode scalars) whose blocks start on this page.
    public var charStart: Int
    public var charEnd: Int

    public init(docID: String, page: Int, labelRaw: String?, charStart: Int, charEnd: Int) {
        self.docID = docID
        self.page = page
        self.labelRaw = labelRaw
        self.charStart = charStart
        self.charEnd = charEnd
    }

    enum CodingKeys: String, CodingKey {
        case v, page
        case docID = "doc_id"
        case labelRaw = "label_raw"
        case charStart = "char_start"
        case charEnd = "char_end"
    }
}

/// A piece of a block on one page. A paragraph that a page break interrupted has two.
public struct BlockPart: Codable, Sendable, Equatable {
    public var page: Int
    /// PDF only; DOCX has no geometry.
    public var bbox: BoundingBox?
    public var charStart: Int
    public var charEnd: Int

    public init(page: Int, bbox: BoundingBox?, charStart: Int, charEnd: Int) {
        self.page = page
        self.bbox = bbox
        self.charStart = charStart
        self.charEnd = charEnd
    }

    enum CodingKeys: String, CodingKey {
        case page, bbox
        case charStart = "char_start"
        case charEnd = "char_end"
    }
}

/// What a block is, as far as layout tells.
public enum BlockKind: String, Codable, Sendable, Equatable {
    /// Body text: a paragraph, a list entry, a label with its values.
    case text
    /// A heading by style (DOCX) or by a bold line standing alone (PDF).
    case heading
    /// One table row, cells separated by tabs.
    case tableRow = "table_row"
    /// A footnote or endnote.
    case note
}

/// A block of body text: a paragraph, a list item, a heading, a table row. Lines inside a
/// block are separated by `\n`; table cells and layout columns by `\t`.
public struct TextBlock: Codable, Sendable, Equatable {
    public var v = NormalizeRecord.version
    public var docID: String
    /// 0-based order in the canonical text.
    public var index: Int
    public var kind: BlockKind
    /// The repaired text (hyphenation, ligatures, NFC, whitespace); exactly
    /// `canonical[char_start..<char_end]`.
    public var text: String
    public var charStart: Int
    public var charEnd: Int
    /// The page the block starts on.
    public var page: Int
    /// One per page the block is on, in order.
    public var parts: [BlockPart]
    public var fontSize: Double?
    public var bold: Bool
    public var headingLevel: Int?
    /// DOCX: Word's list label ("1.", "a)"), also at the start of `text`.
    public var listLabel: String?
    /// DOCX: the paragraph style name.
    public var style: String?
    /// How many extracted lines (PDF) or paragraphs (DOCX) the block was built from, so
    /// `sum(source_lines) + furniture records = extracted lines`.
    public var sourceLines: Int

    public init(
        docID: String, index: Int, kind: BlockKind, text: String, charStart: Int, charEnd: Int, page: Int,
        parts: [BlockPart], fontSize: Double?, bold: Bool, headingLevel: Int? = nil, listLabel: String? = nil,
        style: String? = nil, sourceLines: Int
    ) {
        self.docID = docID
        self.index = index
        self.kind = kind
        self.text = text
        self.charStart = charStart
        self.charEnd = charEnd
        self.page = page
        self.parts = parts
        self.fontSize = fontSize
        self.bold = bold
        self.headingLevel = headingLevel
        self.listLabel = listLabel
        self.style = style
        self.sourceLines = sourceLines
    }

    enum CodingKeys: String, CodingKey {
        case v, index, kind, text, page, parts, bold, style
        case docID = "doc_id"
        case charStart = "char_start"
        case charEnd = "char_end"
        case fontSize = "font_size"
        case headingLevel = "heading_level"
        case listLabel = "list_label"
        case sourceLines = "source_lines"
    }
}

/// What kind of page furniture a removed line is.
public enum FurnitureKind: String, Codable, Sendable, Equatable, CaseIterable {
    case runningHeader = "running_header"
    case runningFooter = "running_footer"
    case pageNumber = "page_number"
    case signatureBox = "signature_box"
    case addressBlock = "address_block"
    case signingPage = "signing_page"
    case esignNote = "esign_note"
}

/// One line removed from the body, with the evidence for removing it. Signature boxes and
/// signing pages are kept here so the segment stage can still read the signatures.
public struct Furniture: Codable, Sendable, Equatable {
    public var v = NormalizeRecord.version
    public var docID: String
    /// 0-based, in page and reading order.
    public var index: Int
    public var kind: FurnitureKind
    public var text: String
    /// 1-based page (DOCX: the page hint of the section that uses the part).
    public var page: Int
    public var bbox: BoundingBox?
    /// DOCX: the header or footer part, e.g. `word/footer1.xml`.
    public var partName: String?
    /// Which detector removed the line: `repeated_top`, `repeated_bottom`, `header_band`,
    /// `footer_band`, `page_label`, `signature_box_phrase`, `signing_page_marker`,
    /// `esign_phrase`, `docx_header_part`, `docx_footer_part`.
    public var rule: String
    /// Evidence in 0…1: for repetition, the share of pages the line recurs on; 1 for
    /// phrase and part rules.
    public var score: Double

    public init(
        docID: String, index: Int, kind: FurnitureKind, text: String, page: Int, bbox: BoundingBox?,
        partName: String? = nil, rule: String, score: Double
    ) {
        self.docID = docID
        self.index = index
        self.kind = kind
        self.text = text
        self.page = page
        self.bbox = bbox
        self.partName = partName
        self.rule = rule
        self.score = score
    }

    enum CodingKeys: String, CodingKey {
        case v, index, kind, text, page, bbox, rule, score
        case docID = "doc_id"
        case partName = "part_name"
    }
}

/// Closes a normalized document.
public struct NormalizedEnd: Codable, Sendable, Equatable {
    public var v = NormalizeRecord.version
    public var docID: String?
    public var path: String
    /// `ok`, or the extract error's code.
    public var status: String
    /// SHA-256 of the canonical text's UTF-8 bytes.
    public var textSHA256: String
    /// Length of the canonical text in Unicode scalars.
    public var textLength: Int
    public var blocks: Int
    public var furniture: Int

    public init(
        docID: String?, path: String, status: String, textSHA256: String, textLength: Int, blocks: Int,
        furniture: Int
    ) {
        self.docID = docID
        self.path = path
        self.status = status
        self.textSHA256 = textSHA256
        self.textLength = textLength
        self.blocks = blocks
        self.furniture = furniture
    }

    enum CodingKeys: String, CodingKey {
        case v, path, status, blocks, furniture
        case docID = "doc_id"
        case textSHA256 = "text_sha256"
        case textLength = "text_length"
    }
}
