import Foundation
import TestSupport
import Testing

/// Tesseract, and the forty libraries it brings, loads when the first page needs OCR: a run
/// without scans starts without it. The dynamic loader's own log (`LD_DEBUG=files`) says which
/// libraries a process loaded and why.
struct TesseractLoadingTests {
    let extract = Executable("protokoll-extract")
    let protokoll = Executable("protokoll")

    @Test func aTextPDFIsReadWithoutLoadingTesseract() throws {
        let sample = Fixtures.sample("orebro-2020-01-31.pdf")
        let result = try extract.run([sample.path], environment: ["LD_DEBUG": "files"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("libpoppler-glib"), "the loader's log is missing: \(result.stderr.prefix(300))")
        #expect(!result.stderr.contains("libtesseract"))
    }

    @Test func aScannedPageLoadsTesseractWhenItIsRead() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let scan = folder.appendingPathComponent("scan.pdf")
            let copied = try protokoll.run([
                "scan-copy", Fixtures.sample("orebro-2020-01-31.pdf").path, scan.path, "--dpi", "150", "--first-pages",
                "1",
            ])
            #expect(copied.status == 0)

            let result = try extract.run([scan.path], environment: ["LD_DEBUG": "files"])
            #expect(result.status == 0)
            #expect(result.stdoutText.contains(#""text_layer":"ocr""#))
            let dynamicLoad = "file=libtesseract.so.5 [0];  dynamically loaded by"
            #expect(result.stderr.split(separator: "\n").filter { $0.contains(dynamicLoad) }.count == 1)
        }
    }
}
