internal import CPoppler
import Foundation
import ProtokollModel

/// The OCR path of the PDF reader: a page without a usable text layer is drawn by poppler and
/// read by Tesseract, and comes out as the same `page` and `line` records as a text page.
extension PDFExtractor {
    /// One document's Tesseract, started at its first page that needs OCR (most documents
    /// have none, and loading a language model costs a few hundred milliseconds).
    final class OCRSession {
        let settings: OCRSettings
        private var engine: TesseractEngine?
        private var failure: TesseractEngine.Unavailable?

        init(settings: OCRSettings) {
            self.settings = settings
        }

        /// The engine, or why there is none; asked once per document.
        func start() -> Result<TesseractEngine, TesseractEngine.Unavailable> {
            if let engine { return .success(engine) }
            if let failure { return .failure(failure) }
            do {
                let started = try TesseractEngine(language: settings.language)
                engine = started
                return .success(started)
            } catch {
                failure = error
                return .failure(error)
            }
        }
    }

    /// A page read by OCR: its records and what to say about it.
    struct OCRResult {
        var info: PageInfo
        var lines: [TextLine]
        var issues: [ExtractIssue]
    }

    /// Reads `page` by OCR when the settings ask for it.
    /// - Parameters:
    ///   - textLayer: The page as its text layer gives it.
    /// - Returns: The OCR reading, or `nil` when the text layer stands (OCR not wanted, or it
    ///   found nothing where the text layer has something). Issues such as `ocr_unavailable`
    ///   and `ocr_timeout` come back even when the text layer stands.
    func readByOCR(
        page: OpaquePointer, textLayer: PageInfo, lines textLines: [TextLine], path: String, session: OCRSession
    ) -> OCRResult? {
        let settings = session.settings
        guard settings.mode != .off else { return nil }
        // Counted only as far as the threshold: every text page passes through here.
        var characters = 0
        counting: for line in textLines {
            for scalar in line.text.unicodeScalars where !scalar.isWhitespace {
                characters += 1
                if characters >= settings.minTextCharacters { break counting }
            }
        }
        guard settings.wantsOCR(textCharacters: characters) else { return nil }
        // An empty page, or one with only its number, has nothing more to read; `force` reads
        // every page all the same.
        if settings.mode == .auto, !PageInk.hasMarks(on: page, outside: textLines) { return nil }
        let number = textLayer.page
        let docID = textLayer.docID
        func issue(_ code: String, _ message: String, confidence: Double? = nil) -> ExtractIssue {
            ExtractIssue(docID: docID, code: code, page: number, message: message, confidence: confidence)
        }
        let engine: TesseractEngine
        switch session.start() {
        case .success(let started): engine = started
        case .failure(let error):
            return OCRResult(
                info: textLayer, lines: textLines,
                issues: [issue("ocr_unavailable", "page \(number) of '\(path)' was not read by OCR: \(error.message)")])
        }
        guard let (drawn, scale) = PageRaster.render(page: page, dpi: settings.dpi) else {
            return OCRResult(
                info: textLayer, lines: textLines,
                issues: [issue("ocr_unavailable", "page \(number) of '\(path)' could not be drawn for OCR")])
        }
        FreedMemory.release()
        let dpi = Int((scale * 72).rounded())
        let turn = engine.uprightTurn(of: drawn, dpi: dpi)
        FreedMemory.release()
        let image = drawn.rotated(clockwise: turn)
        let recognised = engine.recognize(image, dpi: dpi, seconds: settings.secondsPerPage)
        FreedMemory.release()
        let ocrLines = OCRLineBuilder.lines(recognised, image: image, scale: scale)
        var issues: [ExtractIssue] = []
        if recognised.timedOut {
            issues.append(
                issue(
                    "ocr_timeout",
                    "OCR of page \(number) of '\(path)' stopped at the limit of \(settings.secondsPerPage) s; "
                        + "\(ocrLines.count) lines were read before it")
            )
        }
        guard let confidence = OCRLineBuilder.meanConfidence(ocrLines) else {
            return OCRResult(info: textLayer, lines: textLines, issues: issues)
        }
        let turned = turn == 90 || turn == 270
        var info = textLayer
        if turned { swap(&info.width, &info.height) }
        info.hasText = true
        info.lineCount = ocrLines.count
        info.textLayer = "ocr"
        info.ocrConfidence = confidence
        info.ocrRotation = turn
        let lines = ocrLines.enumerated().map { index, line in
            TextLine(
                docID: docID, page: number, index: index, text: line.text, bbox: line.bbox, font: nil, fontSize: nil,
                bold: line.bold, italic: false, confidence: line.confidence)
        }
        let how =
            "Tesseract \(engine.version), \(settings.language), \(dpi) dpi"
            + (turn == 0 ? "" : ", turned \(turn)° to read upright")
        if confidence < settings.lowConfidence {
            issues.append(
                issue(
                    "ocr_low_confidence",
                    "page \(number) was read by OCR (\(how)) with a mean confidence of \(confidence), "
                        + "below \(settings.lowConfidence): check its text against the scan",
                    confidence: confidence))
        } else {
            issues.append(
                issue(
                    "ocr", "page \(number) was read by OCR (\(how)): mean confidence \(confidence)",
                    confidence: confidence))
        }
        return OCRResult(info: info, lines: lines, issues: issues)
    }
}
