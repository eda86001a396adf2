import Foundation
import ProtokollExtract
import ProtokollModel

/// A document's extract records, collected for assertions.
struct ExtractedDocument {
    let records: [ExtractRecord]
    let failure: ExtractFailure?

    init(_ url: URL, limits: ExtractionLimits = ExtractionLimits(), ocr: OCRSettings = OCRSettings()) throws {
        var records: [ExtractRecord] = []
        failure = try DocumentExtractor(limits: limits, ocr: ocr).extract(path: url.path) { records.append($0) }
        self.records = records
    }

    var document: DocumentInfo? {
        records.lazy.compactMap { if case .document(let value) = $0 { value } else { nil } }.first
    }

    var pages: [PageInfo] {
        records.compactMap { if case .page(let value) = $0 { value } else { nil } }
    }

    var lines: [TextLine] {
        records.compactMap { if case .line(let value) = $0 { value } else { nil } }
    }

    var paragraphs: [Paragraph] {
        records.compactMap { if case .paragraph(let value) = $0 { value } else { nil } }
    }

    var tables: [TableInfo] {
        records.compactMap { if case .table(let value) = $0 { value } else { nil } }
    }

    var issues: [ExtractIssue] {
        records.compactMap { if case .issue(let value) = $0 { value } else { nil } }
    }

    var end: DocumentEnd? {
        if case .documentEnd(let value)? = records.last { value } else { nil }
    }

    /// The record kinds in order, e.g. `["document", "error", "document_end"]`.
    var kinds: [String] {
        records.map { record in
            switch record {
            case .document: "document"
            case .page: "page"
            case .line: "line"
            case .table: "table"
            case .paragraph: "paragraph"
            case .issue: "issue"
            case .error: "error"
            case .documentEnd: "document_end"
            }
        }
    }

    /// The text of one page's lines, joined by newlines.
    func text(ofPage page: Int) -> String {
        lines.filter { $0.page == page }.map(\.text).joined(separator: "\n")
    }
}
