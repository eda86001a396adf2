import Foundation
import ProtokollExtract
import ProtokollModel
import TestSupport
import Testing

/// The PDF path on the samples and the crafted fixtures in `Tests/Fixtures/pdf/`.
struct PDFExtractionTests {
    static let samples = [
        "psvo-2024-03-01.pdf", "orebro-2020-01-31.pdf", "lsvo-2021-06-04.pdf", "vasterbotten-2024-03-15.pdf",
    ]

    @Test(arguments: samples)
    func everySamplePageHasTextAndAClosingRecord(name: String) throws {
        let extracted = try ExtractedDocument(Fixtures.sample(name))
        #expect(extracted.failure == nil)
        let document = try #require(extracted.document)
        #expect(document.format == .pdf)
        #expect(document.mediaType == "application/pdf")
        #expect(document.extractor["poppler"] != nil)
        #expect(document.sha256.count == 64)
        #expect(document.docID == "sha256:" + document.sha256.prefix(16))
        #expect(extracted.pages.map(\.page) == Array(1...(document.pageCount ?? 0)))
        #expect(extracted.pages.allSatisfy { $0.hasText && abs($0.width - 595.3) < 1 && abs($0.height - 841.9) < 1 })
        #expect(extracted.issues.isEmpty)
        #expect(extracted.end?.status == "ok")
        #expect(extracted.end?.records == extracted.pages.count + extracted.lines.count)
    }

    /// Each sample prints its page label in the running header, in its own style; the label on
    /// page N says N and the document's page count.
    @Test(arguments: [
        ("psvo-2024-03-01.pdf", "Sida %d av %d"),
        ("orebro-2020-01-31.pdf", "%d (%d)"),
        ("lsvo-2021-06-04.pdf", "%d (%d)"),
        ("vasterbotten-2024-03-15.pdf", "%d(%d )"),
    ])
    func runningHeaderCarriesThePageLabel(name: String, format: String) throws {
        let extracted = try ExtractedDocument(Fixtures.sample(name))
        let pageCount = try #require(extracted.document?.pageCount)
        let labelledPages = name.hasPrefix("vasterbotten") ? pageCount - 1 : pageCount  // its signing page has none
        for page in 1...labelledPages {
            let label = String(format: format, page, labelledPages)
            #expect(extracted.lines.contains { $0.page == page && $0.text.contains(label) }, "page \(page): \(label)")
        }
    }

    @Test func psvoCarriesTheSignatureBoxOnEveryPage() throws {
        let extracted = try ExtractedDocument(Fixtures.sample("psvo-2024-03-01.pdf"))
        for page in extracted.pages {
            let text = extracted.text(ofPage: page.page)
            #expect(text.contains("Justerandes signatur") && text.contains("Utdragsbestyrkande"), "page \(page.page)")
        }
    }

    /// The address block sits at the foot of every Örebro page, below the body, and its
    /// columns come out separated by tabs rather than glued together.
    @Test func orebroAddressBlockIsAFooterWithColumns() throws {
        let extracted = try ExtractedDocument(Fixtures.sample("orebro-2020-01-31.pdf"))
        for page in extracted.pages {
            let header = try #require(extracted.lines.first { $0.page == page.page && $0.text.hasPrefix("POSTADRESS") })
            #expect(header.text == "POSTADRESS\tBESÖKSADRESS\tTELEFON\tTELEFAX\tORG.NR\tPLUSGIRO")
            #expect(header.bbox.y0 > page.height * 0.85)
        }
    }

    @Test func vasterbottenEndsWithTheComfactSigningPage() throws {
        let extracted = try ExtractedDocument(Fixtures.sample("vasterbotten-2024-03-15.pdf"))
        let last = try #require(extracted.pages.last)
        let text = extracted.text(ofPage: last.page)
        #expect(text.contains("UNDERSKRIFTSSIDA"))
        #expect(text.contains("Comfact"))
    }

    /// Headings are drawn bold; the line records say so.
    @Test func boldHeadingsAreMarked() throws {
        let extracted = try ExtractedDocument(Fixtures.sample("orebro-2020-01-31.pdf"))
        let heading = try #require(extracted.lines.first { $0.text == "1. Mötet öppnades" })
        #expect(heading.bold)
        let body = try #require(extracted.lines.first { $0.text.hasPrefix("Ordförande hälsade") })
        #expect(!body.bold)
        #expect(body.fontSize != nil)
    }

    @Test func twoColumnPageReadsColumnByColumn() throws {
        let extracted = try ExtractedDocument(Fixtures.fixture("pdf/two-column.pdf"))
        let sentenceStarts = extracted.lines.compactMap { line -> String? in
            let words = line.text.split(separator: " ")
            guard words.count > 1, words[0] == "Vänster" || words[0] == "Höger" else { return nil }
            return "\(words[0]) \(words[1])"
        }
        let expected = (1...7).map { "Vänster \($0)." } + (1...7).map { "Höger \($0)." }
        #expect(sentenceStarts == expected)
        let lastLeft = try #require(extracted.lines.lastIndex { $0.text.hasPrefix("Vänster") })
        let firstRight = try #require(extracted.lines.firstIndex { $0.text.hasPrefix("Höger") })
        #expect(lastLeft < firstRight)
    }

    @Test func pageWithoutTextIsFlaggedNotFailed() throws {
        let extracted = try ExtractedDocument(Fixtures.fixture("pdf/no-text.pdf"))
        #expect(extracted.failure == nil)
        #expect(extracted.pages.map(\.hasText) == [true, false])
        #expect(extracted.issues.map(\.code) == ["no_text"])
        #expect(extracted.issues.first?.page == 2)
    }

    @Test func ownerPasswordOnlyIsExtracted() throws {
        let extracted = try ExtractedDocument(Fixtures.fixture("pdf/encrypted-owner.pdf"))
        #expect(extracted.failure == nil)
        #expect(extracted.document?.encrypted == true)
        #expect(extracted.lines.contains { $0.text.hasPrefix("Vänster 1.") })
    }

    @Test func userPasswordIsAnEncryptedError() throws {
        let extracted = try ExtractedDocument(Fixtures.fixture("pdf/encrypted-user.pdf"))
        #expect(extracted.failure?.code == .encrypted)
        #expect(extracted.kinds == ["document", "error", "document_end"])
        #expect(extracted.end?.status == "encrypted")
    }

    @Test(.enabled(if: Fixtures.realCorpus != nil, "needs ../shared/corpus/real"))
    func scannedDocumentIsNoText() throws {
        let corpus = try #require(Fixtures.realCorpus)
        let extracted = try ExtractedDocument(
            corpus.appendingPathComponent("fr_thyez_deliberation_DEL2024_22_scanned.pdf"))
        #expect(extracted.failure?.code == .noText)
        #expect(extracted.pages.count == 4)
        #expect(extracted.issues.count == 4)
        #expect(extracted.kinds.suffix(2) == ["error", "document_end"])
    }
}
