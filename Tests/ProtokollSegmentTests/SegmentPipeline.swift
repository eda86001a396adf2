import Foundation
import ProtokollExtract
import ProtokollModel
import ProtokollNormalize
import ProtokollSegment

/// A file through extract, normalize and segment, in process.
struct SegmentedDocument {
    let records: [PublicRecord]

    init(_ url: URL, ocr: OCRSettings = OCRSettings()) throws {
        var extracted: [ExtractRecord] = []
        try DocumentExtractor(ocr: ocr).extract(path: url.path) { extracted.append($0) }
        records = DocumentSegmenter.segment(DocumentNormalizer.normalize(ExtractedInput(records: extracted)))
    }

    /// Segments normalize records built from inline text blocks, for parser tests without a
    /// PDF: each string is a block, kind `heading` when it starts with "#".
    init(blocks: [String]) {
        var records: [NormalizeRecord] = [
            .document(
                DocumentInfo(
                    docID: "sha256:inline", path: "inline.pdf", fileName: "inline.pdf", sha256: "00", byteSize: 1,
                    format: .pdf,
                    pageCount: 1))
        ]
        var offset = 0
        for (index, raw) in blocks.enumerated() {
            let heading = raw.hasPrefix("#")
            let text = heading ? String(raw.dropFirst()) : raw
            let length = text.unicodeScalars.count
            records.append(
                .block(
                    TextBlock(
                        docID: "sha256:inline", index: index, kind: heading ? .heading : .text, text: text,
                        charStart: offset,
                        charEnd: offset + length, page: 1,
                        parts: [BlockPart(page: 1, bbox: nil, charStart: offset, charEnd: offset + length)],
                        fontSize: 10, bold: heading, sourceLines: 1)))
            offset += length + 2
        }
        records.append(
            .documentEnd(
                NormalizedEnd(
                    docID: "sha256:inline", path: "inline.pdf", status: "ok", textSHA256: "",
                    textLength: max(0, offset - 2),
                    blocks: blocks.count, furniture: 0)))
        self.records = DocumentSegmenter.segment(records)
    }

    var meeting: MeetingRecord? {
        records.lazy.compactMap { if case .meeting(let value) = $0 { value } else { nil } }.first
    }
    var items: [AgendaItemRecord] { records.compactMap { if case .agendaItem(let value) = $0 { value } else { nil } } }
    var decisions: [DecisionRecord] { records.compactMap { if case .decision(let value) = $0 { value } else { nil } } }
    var participants: [ParticipantRecord] {
        records.compactMap { if case .participant(let value) = $0 { value } else { nil } }
    }
    var voteEvents: [VoteEventRecord] {
        records.compactMap { if case .voteEvent(let value) = $0 { value } else { nil } }
    }
    var votes: [VoteRecord] { records.compactMap { if case .vote(let value) = $0 { value } else { nil } } }
    var statements: [StatementRecord] {
        records.compactMap { if case .statement(let value) = $0 { value } else { nil } }
    }
    var signatures: [SignatureRecord] {
        records.compactMap { if case .signature(let value) = $0 { value } else { nil } }
    }
    var sourceDocument: SourceDocumentRecord? {
        records.lazy.compactMap { if case .sourceDocument(let value) = $0 { value } else { nil } }.first
    }
    var issues: [ParseIssueRecord] { records.compactMap { if case .parseIssue(let value) = $0 { value } else { nil } } }
    var canonicalText: String {
        records.lazy.compactMap { if case .canonicalText(let value) = $0 { value.text } else { nil } }.first ?? ""
    }
}
