import Foundation
public import ProtokollExtract
public import ProtokollModel
import ProtokollNormalize
import ProtokollSegment

extension InspectedDocument {
    /// Reads one PDF or DOCX through the whole pipeline, in this process, and renders its
    /// pages.
    ///
    /// The same code as a run's worker and runner, so the report shows what a run writes; but
    /// unlike `protokoll run` nothing isolates poppler here, so a file that crashes poppler
    /// takes this process with it.
    /// - Parameters:
    ///   - path: The input file.
    ///   - renderer: Resolution and limits for the page images.
    /// - Throws: ``InspectError/cannotRender(path:reason:)`` when a PDF that extracted cannot
    ///   be drawn. A document that cannot be extracted is not an error: its report shows the
    ///   failure.
    public static func read(path: String, renderer: PageRenderer = PageRenderer()) throws -> InspectedDocument {
        var extracted: [ExtractRecord] = []
        let failure = try DocumentExtractor(limits: renderer.limits).extract(path: path) { extracted.append($0) }
        var rendered: [Page] = []
        let isPDF = extracted.contains { record in
            if case .document(let info) = record { return info.format == .pdf }
            return false
        }
        if failure == nil && isPDF {
            do {
                try renderer.render(path: path) { page in
                    rendered.append(Page(number: page.number, width: page.width, height: page.height, png: page.png))
                }
            } catch let error as ExtractionError {
                throw InspectError.cannotRender(path: path, reason: error.message)
            }
        }
        return InspectedDocument(extracted: extracted, rendered: rendered)
    }

    /// Gathers a document from its extract records, running normalization and segmentation
    /// on them exactly as `protokoll run` does, so the report shows the run's records.
    /// - Parameters:
    ///   - extracted: One document's extract records, `document` to `document_end`.
    ///   - rendered: The PDF's rendered pages, if any; pages missing here are drawn blank.
    public init(extracted: [ExtractRecord], rendered: [InspectedDocument.Page] = []) {
        let input = ExtractedInput(records: extracted)
        let normalized = DocumentNormalizer.normalize(input)
        var records: [PublicRecord] = []
        var canonical = ""
        for record in DocumentSegmenter.segment(normalized) {
            if case .canonicalText(let text) = record { canonical = text.text } else { records.append(record) }
        }
        var blocks: [TextBlock] = []
        var furniture: [Furniture] = []
        for record in normalized {
            switch record {
            case .block(let block): blocks.append(block)
            case .furniture(let line): furniture.append(line)
            default: break
            }
        }
        let images = Dictionary(rendered.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let pages = input.pages.map { info in
            InspectedDocument.Page(
                number: info.page, width: info.width, height: info.height, png: images[info.page]?.png)
        }
        var status = input.end.status
        if case .sourceDocument(let source)? = records.first { status = source.status }
        self.init(
            fileName: input.document?.fileName ?? (input.end.path as NSString).lastPathComponent,
            format: input.document?.format, status: status, pages: input.failure == nil ? pages : [],
            lines: input.lines, blocks: blocks, furniture: furniture, records: records, canonicalText: canonical)
    }
}
