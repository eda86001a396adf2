import Foundation
import ProtokollExtract
import ProtokollModel
import ProtokollNormalize

/// A file run through extract and normalize, with the pieces tests look at.
struct NormalizedDocument {
    let input: ExtractedInput
    let records: [NormalizeRecord]

    init(_ url: URL) throws {
        var extracted: [ExtractRecord] = []
        try DocumentExtractor().extract(path: url.path) { extracted.append($0) }
        input = ExtractedInput(records: extracted)
        records = DocumentNormalizer.normalize(input)
    }

    var blocks: [TextBlock] { records.compactMap { if case .block(let value) = $0 { value } else { nil } } }
    var furniture: [Furniture] { records.compactMap { if case .furniture(let value) = $0 { value } else { nil } } }
    var pages: [PageText] { records.compactMap { if case .page(let value) = $0 { value } else { nil } } }
    var end: NormalizedEnd? { if case .documentEnd(let value)? = records.last { value } else { nil } }

    /// The canonical text as a consumer rebuilds it from the blocks.
    var canonicalText: String { blocks.map(\.text).joined(separator: DocumentNormalizer.blockSeparator) }
}
