import Foundation
import ProtokollModel
import TestSupport
import Testing

@testable import ProtokollExtract

/// Packages built to hurt the reader: entity tricks, zip bombs, lying zip headers, damaged
/// and empty documents. Each must end as `document`, `error`, `document_end` with a stable
/// code, quickly and without leaking anything it refused to read.
struct DOCXHostileInputTests {
    private static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// The record sequence every refused document gives, with its code in both places.
    private func expectFailure(
        _ document: ExtractedDocument, _ code: FailureCode, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(document.kinds == ["document", "error", "document_end"], sourceLocation: sourceLocation)
        #expect(document.failure?.code == code, sourceLocation: sourceLocation)
        #expect(document.end?.status == code.rawValue, sourceLocation: sourceLocation)
        #expect(document.document?.format == .docx, sourceLocation: sourceLocation)
    }

    /// Whether any record, as the NDJSON line it becomes, contains `text`.
    private func output(_ document: ExtractedDocument, contains text: String) throws -> Bool {
        try document.records.contains { String(decoding: try NDJSON.line($0), as: UTF8.self).contains(text) }
    }

    /// Saves `package` as a file called `name` and extracts it.
    private func extracted(
        _ package: Data, name: String, limits: ExtractionLimits = ExtractionLimits()
    ) throws -> ExtractedDocument {
        try Fixtures.withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent(name)
            try package.write(to: url)
            return try ExtractedDocument(url, limits: limits)
        }
    }

    private func builder(documentXML: String) -> DOCXBuilder {
        var builder = DOCXBuilder(body: "")
        builder.documentXML = Data(documentXML.utf8)
        return builder
    }

    // MARK: XML entities

    @Test func externalEntityIsRefused() throws {
        let document = try builder(
            documentXML: """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <w:document xmlns:w="\(Self.wordNamespace)">
                  <w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body>
                </w:document>
                """
        ).extracted()

        expectFailure(document, .corrupt)
        #expect(document.failure?.message.contains("DTD") == true)
        #expect(try !output(document, contains: "root:"))
    }

    /// UTF-16 hides the `<!DOCTYPE` bytes from a plain byte search; the DTD must still be
    /// refused, and the entity never read.
    @Test func externalEntityInUTF16IsRefused() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-16"?>
            <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <w:document xmlns:w="\(Self.wordNamespace)">
              <w:body><w:p><w:r><w:t>Text &xxe;</w:t></w:r></w:p></w:body>
            </w:document>
            """
        var builder = DOCXBuilder(body: "")
        builder.documentXML = Self.utf16(xml)
        let document = try builder.extracted()

        expectFailure(document, .corrupt)
        #expect(document.failure?.message.contains("DTD") == true)
        #expect(try !output(document, contains: "root:"))
    }

    /// The classic billion laughs: nine levels of ten references each.
    @Test(arguments: [false, true])
    func entityExpansionBombIsRefused(inUTF16: Bool) throws {
        var entities = #"<!ENTITY lol "lol">"#
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        let xml = """
            <?xml version="1.0" encoding="\(inUTF16 ? "UTF-16" : "UTF-8")"?>
            <!DOCTYPE w:document [\(entities)]>
            <w:document xmlns:w="\(Self.wordNamespace)">
              <w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>
            </w:document>
            """
        var builder = DOCXBuilder(body: "")
        builder.documentXML = inUTF16 ? Self.utf16(xml) : Data(xml.utf8)
        let document = try builder.extracted()

        expectFailure(document, .corrupt)
        // In UTF-16 the byte check misses the DTD and libxml2's own entity limits end the
        // parse ("not well-formed") before the DTD check after it.
        #expect(document.failure?.message.contains(inUTF16 ? "not well-formed" : "DTD") == true)
        #expect(try !output(document, contains: "lollol"))
    }

    @Test func parserRefusesDTDsButDecodesPredefinedEntities() throws {
        let withDTD = Data(#"<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>"#.utf8)
        let error = #expect(throws: ExtractionError.self) { try XMLTree.parse(withDTD, part: "word/document.xml") }
        #expect(error?.code == .corrupt)

        let root = try XMLTree.parse(
            Data(
                """
                <w:p xmlns:w="\(Self.wordNamespace)"><w:pStyle w:val="A&amp;B &lt;1&gt;"/>\
                <w:t>Kost &amp; logi &lt;3&gt; &#228;&#x20AC; &quot;&apos;</w:t></w:p>
                """.utf8),
            part: "word/document.xml")
        #expect(root.isWord && root.name == "p")
        #expect(root.word("t")?.textContent == "Kost & logi <3> ä€ \"'")
        #expect(root.value(of: "pStyle") == "A&B <1>")
    }

    /// libxml2's depth limit ends the parse before the tree copy or the walk can recurse
    /// deep enough to overflow the stack.
    @Test func deeplyNestedElementsAreRefused() throws {
        let depth = 50_000
        var builder = DOCXBuilder(
            body: String(repeating: "<w:sdt><w:sdtContent>", count: depth)
                + "<w:p><w:r><w:t>Djupt</w:t></w:r></w:p>"
                + String(repeating: "</w:sdtContent></w:sdt>", count: depth))
        builder.compressed = false  // deflated, it would be refused as a zip bomb first
        let document = try builder.extracted()

        expectFailure(document, .corrupt)
        #expect(document.failure?.message.contains("not well-formed") == true)
    }

    // MARK: Zip bounds

    /// About 50 MB of one repeated paragraph deflates to well under 100 KB.
    @Test func zipBombIsStoppedWhileInflating() throws {
        let paragraph = "<w:p><w:r><w:t>a</w:t></w:r></w:p>"
        let body = String(repeating: paragraph, count: 50_000_000 / paragraph.utf8.count)
        let builder = DOCXBuilder(body: body)
        let package = try builder.packageData()
        #expect(package.count * 200 < builder.documentData.count)  // over the 200:1 ratio limit

        let document = try extracted(package, name: "bomb.docx")

        expectFailure(document, .tooLarge)
        #expect(document.failure?.message.contains("zip bomb") == true)
    }

    /// About 2 MB of varied text, which compresses like real Word XML.
    private static let twoMegabyteBody = (0..<25_000).map { index in
        "<w:p><w:r><w:t>§ \(index) Kommunstyrelsen beslutar enligt förslag nr \(index * 7919 % 10_007).</w:t></w:r></w:p>"
    }.joined()

    @Test func entryOverTheSizeLimitIsRefusedByItsDeclaredSize() throws {
        let builder = DOCXBuilder(body: Self.twoMegabyteBody)
        #expect(builder.documentData.count > 2_000_000)

        let document = try builder.extracted(limits: ExtractionLimits(maxZipEntryBytes: 1_000_000))

        expectFailure(document, .tooLarge)
        #expect(document.failure?.message.contains("declares") == true)
    }

    /// The zip headers claim 1 000 bytes; the limit must hold on what actually inflates.
    @Test func entryThatLiesAboutItsSizeIsStoppedWhileInflating() throws {
        var package = try DOCXBuilder(body: Self.twoMegabyteBody).packageData()
        #expect(DOCXBuilder.patchHeaders(of: "word/document.xml", in: &package, uncompressedSize: 1_000) == 2)

        let document = try extracted(package, name: "liar.docx", limits: ExtractionLimits(maxZipEntryBytes: 1_000_000))

        expectFailure(document, .tooLarge)
        #expect(document.failure?.message.contains("inflates past") == true)
    }

    @Test func tooManyEntriesAreRefused() throws {
        var builder = DOCXBuilder(body: "<w:p><w:r><w:t>Text</w:t></w:r></w:p>")
        builder.extraEntries = (0..<100).map { ("customXml/item\($0).xml", Data("<a/>".utf8)) }

        expectFailure(try builder.extracted(limits: ExtractionLimits(maxZipEntries: 50)), .tooLarge)
        // The same package is fine under the default limit.
        #expect(try builder.extracted().failure == nil)
    }

    // MARK: Damaged packages

    @Test func zipWithoutWordDocumentIsUnsupported() throws {
        var builder = DOCXBuilder(body: "<w:p><w:r><w:t>Text</w:t></w:r></w:p>")
        builder.includesDocument = false
        builder.extraEntries = [("xl/workbook.xml", Data("<workbook/>".utf8))]

        expectFailure(try builder.extracted(), .unsupportedFormat)
    }

    @Test func truncatedPackageIsCorrupt() throws {
        let package = try DOCXBuilder(body: "<w:p><w:r><w:t>Hela texten</w:t></w:r></w:p>").packageData()

        expectFailure(try extracted(package.prefix(package.count / 2), name: "truncated.docx"), .corrupt)
    }

    /// A stored entry whose bytes changed after the CRC was written: the reader must not
    /// trust it.
    @Test func entryWithWrongChecksumIsCorrupt() throws {
        var builder = DOCXBuilder(body: "<w:p><w:r><w:t>Beslut: bifall</w:t></w:r></w:p>")
        builder.compressed = false
        var package = try builder.packageData()
        let original = try #require(package.range(of: Data("bifall".utf8)))
        package.replaceSubrange(original, with: Data("avslag".utf8))

        let document = try extracted(package, name: "crc.docx")

        expectFailure(document, .corrupt)
        #expect(document.failure?.message.contains("CRC") == true)
        #expect(try !output(document, contains: "avslag"))
    }

    /// The headers say deflate, but the data is one stored block that claims 65 535 bytes and
    /// runs off the end of the file, so the deflate stream never ends. The read must stop at
    /// the entry's end instead of waiting for more input forever.
    @Test func deflateStreamThatNeverEndsIsCorrupt() throws {
        var builder = DOCXBuilder(body: "")
        builder.documentXML = Data([0x00, 0xFF, 0xFF, 0x00, 0x00]) + Data("<w:document".utf8)
        builder.compressed = false
        var package = try builder.packageData()
        #expect(DOCXBuilder.patchHeaders(of: "word/document.xml", in: &package, compressionMethod: 8) == 2)

        // A hang guard, not a timing assertion: a reader stuck in a loop fails the test
        // instead of stalling the whole run.
        let finished = try Fixtures.withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("endless.docx")
            try package.write(to: url)
            return try Self.finishing(within: 60) { try ExtractedDocument(url) }
        }
        let document = try #require(finished)

        expectFailure(document, .corrupt)
        #expect(document.failure?.message.contains("does not end within the entry") == true)
    }

    @Test func malformedXMLIsCorrupt() throws {
        let document = try builder(
            documentXML: """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="\(Self.wordNamespace)">
                  <w:body><w:p><w:r><w:t>Oavslutad</w:r></w:p></w:body>
                </w:document>
                """
        ).extracted()

        expectFailure(document, .corrupt)
        #expect(document.failure?.message.contains("word/document.xml") == true)
    }

    @Test func bodyWithOnlyEmptyParagraphsHasNoText() throws {
        let document = try DOCXBuilder(
            body: """
                <w:p/>
                <w:p><w:r><w:t></w:t></w:r></w:p>
                <w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>dold</w:t></w:r></w:p>
                <w:sectPr/>
                """
        ).extracted()

        expectFailure(document, .noText)
    }

    /// UTF-16 little-endian with a byte-order mark, as Word could in principle write a part.
    private static func utf16(_ text: String) -> Data {
        Data([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    }

    /// Runs `work` on its own thread and gives up waiting after `seconds`; `nil` means it
    /// did not finish (the thread is left behind, the test fails).
    private static func finishing(
        within seconds: Double, _ work: @escaping @Sendable () throws -> ExtractedDocument
    ) throws -> ExtractedDocument? {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Thread {
            box.result = Result { try work() }
            done.signal()
        }.start()
        guard done.wait(timeout: .now() + seconds) == .success, let result = box.result else { return nil }
        return try result.get()
    }
}

/// Hands a result from a worker thread to the waiting test; the semaphore orders the accesses.
private final class ResultBox: @unchecked Sendable {
    var result: Result<ExtractedDocument, any Error>?
}
