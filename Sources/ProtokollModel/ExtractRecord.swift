/// One line of the extract stage's NDJSON stream (format `protokoll.extract`, version 1).
///
/// A document's stream is: one `document`, then its content (`page` + `line` for PDF;
/// `table` + `paragraph` for DOCX), any `issue`s, and one closing `document_end`. A file that
/// cannot be read yields one `error` record instead of content, still closed by
/// `document_end`, so a consumer always sees where each document starts and stops. See
/// `docs/extract-records.md`.
public enum ExtractRecord: Sendable, Equatable {
    case document(DocumentInfo)
    case page(PageInfo)
    case line(TextLine)
    case table(TableInfo)
    case paragraph(Paragraph)
    case issue(ExtractIssue)
    case error(ExtractFailure)
    case documentEnd(DocumentEnd)

    /// The record format's version, written as `v` on every line.
    public static let version = 1

    /// Whether this record ends its document's stream.
    public var closesDocument: Bool {
        if case .documentEnd = self { true } else { false }
    }
}

extension ExtractRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case type
    }

    private enum Kind: String, Codable {
        case document, page, line, table, paragraph, issue, error
        case documentEnd = "document_end"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .type) {
        case .document: self = .document(try DocumentInfo(from: decoder))
        case .page: self = .page(try PageInfo(from: decoder))
        case .line: self = .line(try TextLine(from: decoder))
        case .table: self = .table(try TableInfo(from: decoder))
        case .paragraph: self = .paragraph(try Paragraph(from: decoder))
        case .issue: self = .issue(try ExtractIssue(from: decoder))
        case .error: self = .error(try ExtractFailure(from: decoder))
        case .documentEnd: self = .documentEnd(try DocumentEnd(from: decoder))
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
        case .line(let value):
            try container.encode(Kind.line, forKey: .type)
            try value.encode(to: encoder)
        case .table(let value):
            try container.encode(Kind.table, forKey: .type)
            try value.encode(to: encoder)
        case .paragraph(let value):
            try container.encode(Kind.paragraph, forKey: .type)
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
