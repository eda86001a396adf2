import ArgumentParser
import Foundation
import ProtokollExtract
import ProtokollModel

/// `protokoll scan-copy IN.pdf OUT.pdf`: an image-only copy of a PDF, as a scanner makes one.
/// For measuring OCR against the original's text layer (`scripts/bench/ocr.sh`); not shown in
/// `--help`.
struct ScanCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan-copy",
        abstract: "Write an image-only copy of a PDF (every page drawn and put back as a picture).",
        shouldDisplay: false
    )

    @Argument(help: "The PDF to copy.")
    var input: String

    @Argument(help: "Where the image-only copy goes.")
    var output: String

    @Option(help: "Resolution of the page images, in dots per inch.")
    var dpi = 300

    @Option(help: "PAGE:DEGREES, a clockwise turn of one page (1-based), e.g. 2:90 or 3:1.5; repeatable.")
    var turn: [String] = []

    @Option(help: "Copy only the first N pages.")
    var firstPages: Int?

    func run() throws {
        var turns: [Int: Double] = [:]
        for value in turn {
            let parts = value.split(separator: ":")
            guard parts.count == 2, let page = Int(parts[0]), let degrees = Double(parts[1]) else {
                throw ValidationError("--turn: expected PAGE:DEGREES, got \(value)")
            }
            turns[page] = degrees
        }
        let copier = ScanCopier(dpi: dpi, turns: turns, pages: firstPages.map { 1...max(1, $0) })
        do {
            try copier.copy(pdf: input, to: output)
        } catch let error as ExtractionError {
            FileHandle.standardError.write(Data("protokoll scan-copy: \(error.message)\n".utf8))
            throw ExitCode(ExitStatus.someDocumentsFailed.rawValue)
        }
    }
}
