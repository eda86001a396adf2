import Foundation
import ProtokollModel
import TestSupport
import Testing

struct ExtractRecordTests {
    let line = ExtractRecord.line(
        TextLine(
            docID: "sha256:0123456789abcdef", page: 2, index: 0, text: "§ 12/24",
            bbox: BoundingBox(x0: 56.7, y0: 80, x1: 101.25, y1: 94.5), font: "DejaVuSans-Bold",
            fontSize: 12, bold: true, italic: false))

    /// Keys are snake_case and sorted, slashes unescaped, and `type` and `v` are on the line:
    /// consumers and golden files depend on these exact bytes.
    @Test func encodesOneSortedLine() throws {
        let text = String(decoding: try NDJSON.line(line), as: UTF8.self)
        #expect(
            text == """
                {"bbox":{"x0":56.7,"x1":101.25,"y0":80,"y1":94.5},"bold":true,"doc_id":"sha256:0123456789abcdef",\
                "font":"DejaVuSans-Bold","font_size":12,"index":0,"italic":false,"page":2,"text":"§ 12/24",\
                "type":"line","v":1}

                """)
    }

    /// Line records are written field by field rather than through `Encodable`; they must still
    /// be Foundation's bytes, with every optional present or absent and any text or number.
    @Test func lineRecordsAreFoundationsBytes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var generator = SplitMix64(seed: 11)
        let texts = [
            "", "§ 12/24", "Kommunfullmäktige \"KF\"", "a\\b/c\t\u{1}", "😀 e\u{301}",
            String(repeating: "x", count: 300),
        ]
        let numbers: [Double] = [0, -0.0, 12, 56.7, 101.25, -3.125, 0.001, 1e9, 1e-7, 1.0 / 3, 841.89, 595.2756]
        for round in 0..<600 {
            func number() -> Double {
                let bits = generator.next()
                return bits % 3 == 0
                    ? numbers[Int(bits % UInt64(numbers.count))] : Double(Int64(bits % 2_000_000) - 1_000_000) / 100
            }
            let bits = generator.next()
            let record = ExtractRecord.line(
                TextLine(
                    docID: "sha256:\(round)", page: Int(bits % 40), index: round - 300,
                    text: texts[Int(bits % UInt64(texts.count))],
                    bbox: BoundingBox(x0: number(), y0: number(), x1: number(), y1: number()),
                    font: bits & 8 == 0 ? nil : texts[Int((bits >> 8) % UInt64(texts.count))],
                    fontSize: bits & 16 == 0 ? nil : number(), bold: bits & 32 == 0, italic: bits & 64 == 0,
                    confidence: bits & 128 == 0 ? nil : number()))
            let expected = String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
            #expect(String(decoding: try NDJSON.line(record), as: UTF8.self) == expected)
        }
        let infinite = ExtractRecord.line(
            TextLine(
                docID: "d", page: 1, index: 0, text: "", bbox: BoundingBox(x0: 0, y0: 0, x1: .infinity, y1: 0),
                font: nil, fontSize: nil, bold: false, italic: false))
        #expect(throws: EncodingError.self) { try NDJSON.line(infinite) }
    }

    @Test func roundTripsEveryKind() throws {
        let records: [ExtractRecord] = [
            .document(
                DocumentInfo(
                    docID: "sha256:aa", path: "x.pdf", fileName: "x.pdf", sha256: "aa", byteSize: 3, format: .pdf,
                    pageCount: 1, extractor: ["poppler": "22.12.0"])),
            .page(
                PageInfo(
                    docID: "sha256:aa", page: 1, width: 595, height: 842, quarterTurned: false, label: nil,
                    hasText: true, lineCount: 1)),
            line,
            .table(TableInfo(docID: "sha256:aa", index: 0, part: .body, rows: 2, columns: 2, parent: nil)),
            .paragraph(
                Paragraph(
                    docID: "sha256:aa", index: 0, part: .header, partName: "word/header1.xml", section: 0,
                    variant: "first", list: ListLabel(label: "1.", level: 0, numID: 3), text: "1. Att godkänna",
                    emphasis: [EmphasisSpan(start: 3, end: 6, bold: true, italic: false)],
                    cell: TableCell(table: 0, row: 1, col: 1), pageHint: 1)),
            .issue(ExtractIssue(docID: "sha256:aa", code: "no_text", page: 2, message: "page 2 has no text layer")),
            .error(ExtractFailure(docID: nil, path: "y.pdf", code: .encrypted, message: "needs a password")),
            .documentEnd(DocumentEnd(docID: "sha256:aa", path: "x.pdf", status: "ok", records: 4)),
        ]
        for record in records {
            let data = try NDJSON.line(record)
            let decoded = try NDJSON.decode(ExtractRecord.self, from: String(decoding: data.dropLast(), as: UTF8.self))
            #expect(decoded == record)
        }
    }

    @Test func failureCodesAreStable() {
        #expect(
            FailureCode.allCases.map(\.rawValue) == [
                "unreadable", "unsupported_format", "encrypted", "corrupt", "too_large", "no_text", "timeout",
                "crashed", "oom",
            ])
    }

    @Test func boundingBoxesRoundToHundredths() {
        let box = BoundingBox(x0: 1.23456, y0: 2.005, x1: 3.999, y1: 4).rounded
        #expect(box == BoundingBox(x0: 1.23, y0: 2.01, x1: 4, y1: 4))
    }
}
