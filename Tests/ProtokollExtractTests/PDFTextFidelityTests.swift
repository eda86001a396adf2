import Foundation
import ProtokollExtract
import TestSupport
import Testing

/// Our per-page text against `pdftotext` (poppler-utils) on the same page: at least 99% of
/// pdftotext's non-whitespace characters, in order, and no page missing. Whitespace is left out
/// because the two place line breaks and column gaps differently by design.
struct PDFTextFidelityTests {
    static var documents: [URL] {
        let samples = PDFExtractionTests.samples.map(Fixtures.sample)
        let corpus =
            Fixtures.realCorpus.map { folder in
                ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                    .filter { $0.hasSuffix(".pdf") }.sorted().map { folder.appendingPathComponent($0) }
            } ?? []
        return samples + corpus
    }

    @Test(arguments: documents)
    func matchesPdftotextPerPage(url: URL) throws {
        let reference = try pdftotextPages(url)
        let extracted = try ExtractedDocument(url)
        #expect(extracted.pages.count == reference.count)
        for (index, expected) in reference.enumerated() {
            let want = Array(expected.unicodeScalars.filter { !$0.properties.isWhitespace })
            let got = Array(extracted.text(ofPage: index + 1).unicodeScalars.filter { !$0.properties.isWhitespace })
            guard !want.isEmpty else {
                #expect(got.isEmpty, "page \(index + 1) has text pdftotext does not see")
                continue
            }
            let missing = got.difference(from: want).removals.count
            let kept = Double(want.count - missing) / Double(want.count)
            #expect(kept >= 0.99, "page \(index + 1) of \(url.lastPathComponent): \(kept)")
        }
    }

    /// pdftotext's text, split at the form feeds it puts after every page.
    private func pdftotextPages(_ url: URL) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-enc", "UTF-8", url.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var pages = String(decoding: data, as: UTF8.self).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }
}
