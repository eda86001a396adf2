import Foundation
import ProtokollExtract
import ProtokollModel
import ProtokollSegment
import TestSupport
import Testing

/// Scanned protocols through the real pipeline: samples made image-only by poppler and cairo
/// (``ScanCopier``), read back by Tesseract, and compared with the text layer of the original.
///
/// Few pages, because OCR takes seconds a page: the whole sample set at both resolutions is
/// `make bench-ocr` (docs/benchmarks.md).
struct OCRPipelineTests {
    static let auto = OCRSettings(mode: .auto)

    /// An image-only copy of the first pages of a sample, written in `folder`.
    private static func scan(
        _ sample: String, dpi: Int, pages: ClosedRange<Int>, turns: [Int: Double] = [:], in folder: URL
    ) throws -> URL {
        let output = folder.appendingPathComponent("scan-\(sample)")
        try ScanCopier(dpi: dpi, turns: turns, pages: pages).copy(pdf: Fixtures.sample(sample).path, to: output.path)
        return output
    }

    /// What the text-layer run of the same sample has on `pages`.
    private struct Expected {
        var titles: [String]
        var names: [String]
        /// Body text of the items that start and end on `pages`, by item number.
        var bodies: [String: String]

        init(_ document: SegmentedDocument, pages: ClosedRange<Int>) {
            titles = document.items.filter { pages.contains($0.prov.page ?? 0) }.compactMap(\.title)
            names = document.participants.filter { pages.contains($0.prov.page ?? 0) }.map(\.person.name)
            bodies = [:]
            for (item, next) in zip(document.items, document.items.dropFirst())
            where pages.contains(item.prov.page ?? 0) && pages.contains(next.prov.page ?? 0) {
                bodies[item.number] = item.body_text
            }
        }

        /// The character error rate of the scan's item bodies against these.
        func bodyErrorRate(_ scanned: SegmentedDocument) -> Double {
            let numbers = bodies.keys.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
            let read = Dictionary(
                scanned.items.map { ($0.number, $0.body_text) }, uniquingKeysWith: { first, _ in first })
            return OCRScore.characterErrorRate(
                numbers.map { read[$0] ?? "" }.joined(separator: "\n"),
                reference: numbers.map { bodies[$0] ?? "" }.joined(separator: "\n"))
        }
    }

    @Test func rotatedAndSkewedScanAt200DPIReadsLikeTheTextLayer() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let pages = 1...3
            // Page 2 is fed a quarter turn sideways, page 3 one and a half degrees askew.
            let scanned = try SegmentedDocument(
                Self.scan("orebro-2020-01-31.pdf", dpi: 200, pages: pages, turns: [2: 90, 3: 1.5], in: folder),
                ocr: Self.auto)
            let expected = Expected(try SegmentedDocument(Fixtures.sample("orebro-2020-01-31.pdf")), pages: pages)
            #expect(expected.titles.count >= 7)
            #expect(expected.names.count >= 15)

            let titles = Set(scanned.items.compactMap(\.title))
            let names = Set(scanned.participants.map(\.person.name))
            #expect(OCRScore.share(of: expected.titles, foundIn: titles) >= 0.95)
            #expect(OCRScore.share(of: expected.names, foundIn: names) >= 0.95)
            #expect(expected.bodies.count >= 5)
            #expect(expected.bodyErrorRate(scanned) <= 0.03)

            let source = try #require(scanned.sourceDocument)
            #expect(source.text_layer == "ocr")
            #expect(source.pages.map(\.text_layer) == ["ocr", "ocr", "ocr"])
            #expect(source.pages.allSatisfy { ($0.ocr_confidence ?? 0) > 80 })
            #expect(scanned.items.allSatisfy { $0.prov.text_layer == "ocr" })
            #expect(!scanned.issues.contains { $0.code == "no_text_layer" || $0.code == "ocr_low_confidence" })
        }
    }

    @Test func scanAt300DPIFindsTheAttendeesAndItems() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let pages = 1...2
            // Page 2 turned sideways: orientation is detected on the page halved to 150 dpi.
            let scanned = try SegmentedDocument(
                Self.scan("orebro-2020-01-31.pdf", dpi: 300, pages: pages, turns: [2: 90], in: folder), ocr: Self.auto)
            #expect(scanned.sourceDocument?.pages.map(\.text_layer) == ["ocr", "ocr"])
            let expected = Expected(try SegmentedDocument(Fixtures.sample("orebro-2020-01-31.pdf")), pages: pages)
            #expect(OCRScore.share(of: expected.names, foundIn: Set(scanned.participants.map(\.person.name))) >= 0.95)
            #expect(OCRScore.share(of: expected.titles, foundIn: Set(scanned.items.compactMap(\.title))) >= 0.95)
            #expect(expected.bodyErrorRate(scanned) <= 0.03)
        }
    }

    @Test func offLeavesAScanAsNoText() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let scan = try Self.scan("orebro-2020-01-31.pdf", dpi: 100, pages: 1...1, in: folder)
            let document = try SegmentedDocument(scan, ocr: OCRSettings(mode: .off))
            #expect(document.sourceDocument?.status == "no_text")
        }
    }

    @Test func forceReadsATextPageByOCR() throws {
        let document = try SegmentedDocument(
            Fixtures.fixture("pdf/two-column.pdf"), ocr: OCRSettings(mode: .force, dpi: 200))
        #expect(document.sourceDocument?.text_layer == "ocr")
        #expect(document.sourceDocument?.pages.first?.text_layer == "ocr")
        let textLayer = try SegmentedDocument(Fixtures.fixture("pdf/two-column.pdf"))
        #expect(textLayer.sourceDocument?.text_layer == "pdf_text")
        #expect(textLayer.sourceDocument?.pages.first?.ocr_confidence == nil)
    }

    @Test func pageBelowTheConfidenceThresholdIsAnIssueOnItsPage() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let scan = try Self.scan("orebro-2020-01-31.pdf", dpi: 150, pages: 1...1, in: folder)
            let settings = OCRSettings(mode: .auto, dpi: 150, lowConfidence: 99.9)
            // The same scan read twice gives the same bytes: one thread, rounded confidences.
            var first: [ExtractRecord] = []
            var second: [ExtractRecord] = []
            try DocumentExtractor(ocr: settings).extract(path: scan.path) { first.append($0) }
            try DocumentExtractor(ocr: settings).extract(path: scan.path) { second.append($0) }
            #expect(try first.map(NDJSON.line) == second.map(NDJSON.line))
            let page = try #require(first.lazy.compactMap { if case .page(let page) = $0 { page } else { nil } }.first)
            #expect(page.textLayer == "ocr")
            #expect(page.ocrRotation == 0)
            let lines = first.compactMap { if case .line(let line) = $0 { line } else { nil } }
            #expect(!lines.isEmpty && lines.allSatisfy { ($0.confidence ?? -1) >= 0 && $0.font == nil })

            let document = try SegmentedDocument(scan, ocr: settings)
            let issue = try #require(document.issues.first { $0.code == "ocr_low_confidence" })
            #expect(issue.severity == "warning")
            #expect(issue.prov?.page == 1)
            #expect(issue.prov?.text_layer == "ocr")
            #expect(issue.message.contains("below 99.9"))
        }
    }

    @Test func missingLanguageDataIsAnIssueNotACrash() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let scan = try Self.scan("orebro-2020-01-31.pdf", dpi: 100, pages: 1...1, in: folder)
            let document = try SegmentedDocument(scan, ocr: OCRSettings(mode: .auto, language: "xqz"))
            #expect(document.sourceDocument?.status == "no_text")
            #expect(
                document.issues.contains { $0.code == "ocr_unavailable" && $0.message.contains("tesseract-ocr-xqz") })
        }
    }

    @Test(.enabled(if: Fixtures.realCorpus != nil, "needs ../shared/corpus/real"))
    func realScannedMinutesBecomeRecords() throws {
        let url = try #require(Fixtures.realCorpus).appendingPathComponent(
            "fr_thyez_deliberation_DEL2024_22_scanned.pdf")
        let document = try SegmentedDocument(url, ocr: OCRSettings(mode: .auto, dpi: 200))
        let source = try #require(document.sourceDocument)
        #expect(source.status == "ok")
        #expect(source.text_layer == "ocr")
        #expect(source.pages.count >= 3)
        // French read with the Swedish model: the words are there, if not every accent.
        #expect(document.canonicalText.contains("conseil municipal"))
    }
}

/// The measures `scripts/bench/ocr.sh` reports, for the tests.
enum OCRScore {
    /// The share of `expected` (with repeats) found exactly in `found`.
    static func share(of expected: [String], foundIn found: Set<String>) -> Double {
        guard !expected.isEmpty else { return 1 }
        return Double(expected.count { found.contains($0) }) / Double(expected.count)
    }

    /// Edit distance over the reference's length, on text with every whitespace run made one
    /// space: a line broken elsewhere is not an error of reading.
    static func characterErrorRate(_ text: String, reference: String) -> Double {
        func squeezed(_ value: String) -> [Unicode.Scalar] {
            Array(value.split(whereSeparator: \.isWhitespace).joined(separator: " ").unicodeScalars)
        }
        let a = squeezed(reference)
        let b = squeezed(text)
        guard !a.isEmpty else { return b.isEmpty ? 0 : 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return Double(previous[b.count]) / Double(a.count)
    }
}
