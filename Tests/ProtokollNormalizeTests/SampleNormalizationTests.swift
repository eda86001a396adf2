import Foundation
import ProtokollModel
import ProtokollNormalize
import TestSupport
import Testing

/// Every sample through extract and normalize: nothing lost, furniture out of the body,
/// offsets that point at the right text.
struct SampleNormalizationTests {
    static let samples = [
        "psvo-2024-03-01.pdf", "psvo-2024-03-01.docx", "orebro-2020-01-31.pdf", "lsvo-2021-06-04.pdf",
        "lsvo-2021-06-04.docx", "vasterbotten-2024-03-15.pdf",
    ]

    /// Body + furniture = everything extracted: each extracted line (PDF) or paragraph (DOCX)
    /// is in exactly one block or one furniture record.
    @Test(arguments: samples)
    func nothingIsLost(name: String) throws {
        let document = try NormalizedDocument(Fixtures.sample(name))
        let extracted = name.hasSuffix(".pdf") ? document.input.lines.count : document.input.paragraphs.count
        #expect(document.blocks.map(\.sourceLines).reduce(0, +) + document.furniture.count == extracted)
        #expect(document.end?.status == "ok")
    }

    @Test(arguments: samples)
    func offsetsPointIntoTheCanonicalText(name: String) throws {
        let document = try NormalizedDocument(Fixtures.sample(name))
        let canonical = Array(document.canonicalText.unicodeScalars)
        for block in document.blocks {
            #expect(String(String.UnicodeScalarView(canonical[block.charStart..<block.charEnd])) == block.text)
            #expect(block.parts.first?.charStart == block.charStart)
            #expect(block.parts.last?.charEnd == block.charEnd)
        }
        #expect(document.end?.textSHA256 == SHA256.hex(Array(document.canonicalText.utf8)))
        #expect(document.end?.textLength == canonical.count)
        let pageRanges = document.pages.map { $0.charStart...$0.charEnd }
        #expect(pageRanges.map(\.lowerBound) == pageRanges.map(\.lowerBound).sorted())
    }

    /// The furniture each sample was made with is gone from the body, and recorded.
    @Test(arguments: [
        ("psvo-2024-03-01.pdf", ["Justerandes signatur", "Utdragsbestyrkande", "Sida 2 av 7", "PROTOKOLL"]),
        ("psvo-2024-03-01.docx", ["Justerandes signatur", "Utdragsbestyrkande", "verifiera dokumentet"]),
        ("orebro-2020-01-31.pdf", ["POSTADRESS", "regionen@regionorebrolan.se", "Box 1613", "2 (9)", "PROTOKOLL"]),
        ("lsvo-2021-06-04.pdf", ["371 81 Karlskrona", "2 (7)", "LSVO sammanträdesprotokoll 2021-06-04"]),
        ("lsvo-2021-06-04.docx", ["371 81 Karlskrona"]),
        ("vasterbotten-2024-03-15.pdf", ["UNDERSKRIFTSSIDA", "IDENTIFIKATIONS-ID", "3(10 )", "Comfact"]),
    ])
    func furnitureLeavesTheBody(name: String, strings: [String]) throws {
        let document = try NormalizedDocument(Fixtures.sample(name))
        for string in strings {
            #expect(!document.canonicalText.contains(string), "\(string) in the body of \(name)")
            #expect(document.furniture.contains { $0.text.contains(string) }, "\(string) not recorded")
        }
    }

    /// Body text that recurs on every item or page stays: decision formulas, item headings.
    @Test func recurringBodyTextStays() throws {
        let psvo = try NormalizedDocument(Fixtures.sample("psvo-2024-03-01.pdf"))
        // The seed has the formula five times and the information line four times on its own.
        #expect(psvo.blocks.filter { $0.text.hasSuffix("PSVO beslutar") }.count == 5)
        #expect(psvo.blocks.filter { $0.text == "Informationen tas till protokollet." }.count == 4)
        for item in 12...22 {
            #expect(psvo.canonicalText.contains("§ \(item)/24"))
        }
        let orebro = try NormalizedDocument(Fixtures.sample("orebro-2020-01-31.pdf"))
        for item in 1...18 {
            #expect(orebro.blocks.contains { $0.text.hasPrefix("\(item). ") }, "item \(item)")
        }
    }

    @Test(arguments: [
        ("psvo-2024-03-01.pdf", "Sida %d av 7", 7), ("orebro-2020-01-31.pdf", "%d (9)", 9),
        ("lsvo-2021-06-04.pdf", "%d (7)", 7), ("vasterbotten-2024-03-15.pdf", "%d(10 )", 10),
    ])
    func pageLabelsAreRead(name: String, format: String, labelled: Int) throws {
        let document = try NormalizedDocument(Fixtures.sample(name))
        #expect(document.pages.prefix(labelled).map(\.labelRaw) == (1...labelled).map { String(format: format, $0) })
    }

    /// Sentences cut by a page break come out whole.
    @Test func sentencesSplitByPageBreaksAreWhole() throws {
        let document = try NormalizedDocument(Fixtures.sample("vasterbotten-2024-03-15.pdf"))
        let block = try #require(document.blocks.first { $0.text.contains("Vid det sistnämnda mötet") })
        #expect(block.text.contains("Vid det sistnämnda mötet\npåpekades att ingen dialog förts"))
        #expect(block.parts.map(\.page) == [2, 3])
    }

    /// The Örebro attendance list is read as name–municipality rows.
    @Test func attendanceColumnsBecomeRows() throws {
        let document = try NormalizedDocument(Fixtures.sample("orebro-2020-01-31.pdf"))
        #expect(document.canonicalText.contains("Anna-May Björk\tAskersund\nJohanna Svärd\tDegerfors"))
    }

    /// DOCX label/value tables read as "Label:<tab>value" rows, like the PDF.
    @Test func docxTableRowsReadLikeThePDF() throws {
        let document = try NormalizedDocument(Fixtures.sample("psvo-2024-03-01.docx"))
        let row = try #require(document.blocks.first { $0.text.hasPrefix("Närvarande ledamöter:") })
        #expect(row.kind == .tableRow)
        #expect(
            row.text.hasPrefix("Närvarande ledamöter:\tAnders Lund (M) ordförande\nTherese Åberg (M) vice ordförande"))
        #expect(document.furniture.contains { $0.kind == .pageNumber && $0.partName?.hasPrefix("word/header") == true })
    }

    @Test func sameInputGivesIdenticalRecords() throws {
        let first = try NormalizedDocument(Fixtures.sample("orebro-2020-01-31.pdf"))
        let second = try NormalizedDocument(Fixtures.sample("orebro-2020-01-31.pdf"))
        #expect(first.records == second.records)
    }
}
