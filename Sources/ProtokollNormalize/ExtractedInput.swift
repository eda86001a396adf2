public import ProtokollModel

/// One document's extract records, gathered from the stream so the document can be
/// normalized as a whole (furniture is found by comparing pages).
public struct ExtractedInput: Sendable, Equatable {
    public var document: DocumentInfo?
    public var pages: [PageInfo] = []
    public var lines: [TextLine] = []
    public var paragraphs: [Paragraph] = []
    public var issues: [ExtractIssue] = []
    public var failure: ExtractFailure?
    public var end = DocumentEnd(docID: nil, path: "", status: "crashed", records: 0)

    /// Nothing gathered yet: a document whose stream stops here counts as crashed.
    public init() {}

    public init(records: [ExtractRecord]) {
        for record in records { add(record) }
    }

    /// Takes the next record of the document's stream.
    ///
    /// The worker hands each record over as extraction emits it: holding a document's
    /// records in an array first, only to sort them into these arrays, copied every record
    /// twice.
    public mutating func add(_ record: ExtractRecord) {
        switch record {
        case .document(let value): document = value
        case .page(let value): pages.append(value)
        case .line(let value): lines.append(value)
        case .table: break  // Paragraphs carry their cell; the table record only sizes it.
        case .paragraph(let value): paragraphs.append(value)
        case .issue(let value): issues.append(value)
        case .error(let value): failure = value
        case .documentEnd(let value): end = value
        }
    }
}
