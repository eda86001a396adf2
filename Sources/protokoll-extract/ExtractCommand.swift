public import ArgumentParser
import Foundation
public import Logging
import ProtokollExtract
import ProtokollModel

/// `protokoll-extract FILE...`: the first pipeline stage. Reads PDF and DOCX files and writes
/// their text with layout to stdout as NDJSON (format `protokoll.extract`, version 1).
@main
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protokoll-extract",
        abstract: "Extract text with layout from PDF and DOCX protocols as NDJSON on stdout.",
        discussion: """
            Each file becomes a `document` record, its pages and lines (PDF) or tables and \
            paragraphs (DOCX), and a closing `document_end`; a file that cannot be read becomes \
            an `error` record with a stable code (unreadable, unsupported_format, encrypted, \
            corrupt, too_large, no_text) and a line on stderr. PDF pages without a usable text \
            layer are read by OCR (Tesseract, on one thread unless OMP_THREAD_LIMIT says \
            otherwise) unless --ocr off. See docs/extract-records.md.

            \(ExitStatus.helpText)
            """
    )

    @Argument(help: "PDF or DOCX files; the format is detected from content, not the name.")
    var files: [String] = []

    @Option(help: "Largest input file in bytes.")
    var maxFileBytes = ExtractionLimits().maxFileBytes

    @Option(help: "Most pages extracted from one PDF.")
    var maxPages = ExtractionLimits().maxPages

    @Option(help: "Address space this process may use, in MiB (0: no limit); beyond it the document fails as oom.")
    var maxMemoryMb = 0

    @Option(help: "OCR for PDF pages without a usable text layer: auto, off or force (every page).")
    var ocr: OCRSettings.Mode = .auto

    @Option(help: "Resolution pages are drawn at for OCR, in dots per inch.")
    var ocrDpi = OCRSettings().dpi

    @Option(help: "Tesseract language(s) for OCR, e.g. swe or swe+eng.")
    var ocrLanguage = OCRSettings().language

    @Option(help: "With --ocr auto: a page with fewer text-layer characters than this is read by OCR.")
    var ocrMinChars = OCRSettings().minTextCharacters

    @Option(help: "Seconds OCR may spend on one page; the page keeps what was read by then (ocr_timeout).")
    var ocrSecondsPerPage = OCRSettings().secondsPerPage

    @Option(help: "A page whose mean OCR confidence (0-100) is below this gets an ocr_low_confidence issue.")
    var ocrLowConfidence = OCRSettings().lowConfidence

    @Option(help: "Log level for stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .notice

    func run() throws {
        // Tesseract's OpenMP reads OMP_THREAD_LIMIT once, as it loads with the first scanned
        // page: set before, OCR runs on one thread (3× faster than spinning threads, same text).
        if ocr != .off, getenv("OMP_THREAD_LIMIT") == nil {
            setenv("OMP_THREAD_LIMIT", "1", 1)
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        let logger = Logger(label: "protokoll-extract")
        guard !files.isEmpty else {
            logger.error("no input files given")
            throw ExitCode(ExitStatus.noInput.rawValue)
        }
        AddressSpaceLimit.apply(megabytes: maxMemoryMb)
        var limits = ExtractionLimits()
        limits.maxFileBytes = maxFileBytes
        limits.maxPages = maxPages
        let extractor = DocumentExtractor(
            limits: limits,
            ocr: OCRSettings(
                mode: ocr, dpi: ocrDpi, language: ocrLanguage, minTextCharacters: ocrMinChars,
                secondsPerPage: ocrSecondsPerPage, lowConfidence: ocrLowConfidence))
        let writer = NDJSONWriter()
        var failures = 0
        do {
            for path in files {
                logger.info("extracting", metadata: ["document.path": "\(path)"])
                if let failure = try extractor.extract(path: path, emit: writer.write) {
                    failures += 1
                    FileHandle.standardError.write(
                        Data("protokoll-extract: \(failure.code.rawValue): \(failure.message)\n".utf8))
                }
            }
            try writer.flush()
        } catch {
            logger.critical("cannot write to stdout: \(error)")
            throw ExitCode(ExitStatus.cannotWrite.rawValue)
        }
        if failures > 0 {
            throw ExitCode(ExitStatus.someDocumentsFailed.rawValue)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension OCRSettings.Mode: ExpressibleByArgument {}
