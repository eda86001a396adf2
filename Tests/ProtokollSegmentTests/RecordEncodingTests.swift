import Foundation
import ProtokollExtract
import ProtokollModel
import ProtokollNormalize
import ProtokollSegment
import TestSupport
import Testing

/// Every record every stage writes for the samples, encoded by `NDJSON.line` and by
/// Foundation's `JSONEncoder` with the contract's options, must be the same bytes.
struct RecordEncodingTests {
    private static func foundation(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data([0x0A])
    }

    @Test(arguments: [
        "orebro-2020-01-31.pdf", "vasterbotten-2024-03-15.pdf", "psvo-2024-03-01.pdf", "psvo-2024-03-01.docx",
        "lsvo-2021-06-04.pdf", "lsvo-2021-06-04.docx",
    ])
    func everyStageMatchesFoundation(sample: String) throws {
        var extracted: [ExtractRecord] = []
        try DocumentExtractor().extract(path: Fixtures.sample(sample).path) { extracted.append($0) }
        let normalized = DocumentNormalizer.normalize(ExtractedInput(records: extracted))
        let segmented = DocumentSegmenter.segment(normalized)
        var kinds = Set<PublicRecord.Kind>()
        for record in extracted { #expect(try NDJSON.line(record) == Self.foundation(record)) }
        for record in normalized { #expect(try NDJSON.line(record) == Self.foundation(record)) }
        for record in segmented {
            kinds.insert(record.kind)
            #expect(try NDJSON.line(record) == Self.foundation(record), "\(record.kind)")
        }
        #expect(kinds.isSuperset(of: [.sourceDocument, .meeting, .participant, .agendaItem, .decision, .furniture]))
    }
}
