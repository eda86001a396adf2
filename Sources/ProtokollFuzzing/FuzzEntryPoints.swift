public import Foundation
import ProtokollExtract
import ProtokollModel
import ProtokollNormalize
import ProtokollSegment
import ZIPFoundation

/// What the fuzz targets in `Fuzz/` run on every input, kept here so the regression tests
/// replay saved crashers through exactly the same code in an ordinary build.
///
/// Each entry must return for any bytes: a crash, a hang or a trap is a bug.
public enum FuzzEntryPoints {
    /// Small limits, so the fuzzer explores parsing rather than waiting on big inputs.
    static var limits: ExtractionLimits {
        var limits = ExtractionLimits()
        limits.maxFileBytes = 4 << 20
        limits.maxPages = 50
        limits.maxZipEntryBytes = 8 << 20
        limits.maxZipTotalBytes = 16 << 20
        limits.maxZipEntries = 500
        return limits
    }

    /// Raw bytes as a whole file: PDF, DOCX or neither, by content.
    public static func document(_ bytes: Data) {
        _ = try? DocumentExtractor(limits: limits).extract(bytes: bytes, path: "fuzz.bin") { _ in }
    }

    /// Bytes as `word/document.xml` of an otherwise valid package: reaches the XML and
    /// WordprocessingML code without the fuzzer having to learn zip.
    public static func wordXML(_ bytes: Data) {
        guard let archive = try? Archive(data: Data(), accessMode: .create, pathEncoding: nil) else { return }
        let parts: [(String, Data)] = [
            (
                "[Content_Types].xml",
                Data(
                    #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#
                        .utf8)
            ),
            ("word/document.xml", bytes),
        ]
        for (name, data) in parts {
            try? archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) {
                position, size in data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let package = archive.data else { return }
        document(package)
    }

    /// Bytes as the text of PDF lines with layout derived from the bytes, through
    /// normalization and segmentation.
    public static func layout(_ bytes: Data) {
        let text = String(decoding: bytes, as: UTF8.self)
        let docID = "sha256:fuzz"
        var records: [ExtractRecord] = [
            .document(
                DocumentInfo(
                    docID: docID, path: "f.pdf", fileName: "f.pdf", sha256: "00", byteSize: bytes.count, format: .pdf,
                    pageCount: 3))
        ]
        var lines: [TextLine] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(2000).enumerated() {
            let seed = line.utf8.reduce(UInt32(index)) { $0 &* 31 &+ UInt32($1) }
            let page = index % 3 + 1
            let y = Double(seed % 800)
            let x = Double(seed / 800 % 400)
            lines.append(
                TextLine(
                    docID: docID, page: page, index: index, text: String(line),
                    bbox: BoundingBox(x0: x, y0: y, x1: x + Double(line.count) * 5, y1: y + Double(seed % 20)),
                    font: seed % 5 == 0 ? "Arial-Bold" : "Arial", fontSize: Double(8 + seed % 8), bold: seed % 5 == 0,
                    italic: false))
        }
        for page in 1...3 {
            records.append(
                .page(
                    PageInfo(
                        docID: docID, page: page, width: 595, height: 842, quarterTurned: false, label: nil,
                        hasText: true, lineCount: 0)))
            records += lines.filter { $0.page == page }.map(ExtractRecord.line)
        }
        records.append(.documentEnd(DocumentEnd(docID: docID, path: "f.pdf", status: "ok", records: lines.count)))
        _ = DocumentSegmenter.segment(DocumentNormalizer.normalize(ExtractedInput(records: records)))
    }

    /// Bytes as DOCX paragraphs (one per line), through normalization and segmentation:
    /// the segmenter sees the text exactly as written.
    public static func text(_ bytes: Data) {
        let text = String(decoding: bytes, as: UTF8.self)
        let docID = "sha256:fuzz"
        var records: [ExtractRecord] = [
            .document(
                DocumentInfo(
                    docID: docID, path: "f.docx", fileName: "f.docx", sha256: "00", byteSize: bytes.count, format: .docx
                ))
        ]
        for (index, line) in text.split(separator: "\n").prefix(3000).enumerated() {
            let heading = line.hasPrefix("#")
            records.append(
                .paragraph(
                    Paragraph(
                        docID: docID, index: index, part: .body, partName: "word/document.xml", section: 0,
                        headingLevel: heading ? 1 : nil, text: String(heading ? line.dropFirst() : line), pageHint: 1)))
        }
        records.append(
            .documentEnd(DocumentEnd(docID: docID, path: "f.docx", status: "ok", records: records.count - 1)))
        _ = DocumentSegmenter.segment(DocumentNormalizer.normalize(ExtractedInput(records: records)))
    }
}
