internal import CTesseract
import Foundation
import ProtokollModel

/// Tesseract through its C API: one handle for the configured language, owned for one
/// document and ended in `deinit`, and one for orientation detection, started for each page.
///
/// A class because the language handle must live across the document's pages (loading a
/// language model takes a few hundred milliseconds) and be freed once; nothing of Tesseract
/// leaves this file as a C type.
final class TesseractEngine {
    /// What one recognised page holds, in the pixels of the upright image.
    struct Page {
        struct Word {
            var text: String
            /// Pixels, origin top-left.
            var x0, y0, x1, y1: Double
            /// 0–100.
            var confidence: Double
        }

        /// Lines in Tesseract's reading order, each its words left to right.
        var lines: [[Word]]
        /// Whether Tesseract ran to its deadline and stopped early.
        var timedOut: Bool
        /// The layout block of each line (Tesseract's column or paragraph region), numbered
        /// from 0 in reading order; empty when unknown, and each line is then its own block.
        var blocks: [Int] = []
    }

    /// Tesseract could not start, with the reason (most often: language data not installed).
    struct Unavailable: Error, Equatable {
        var message: String
    }

    private let api: ProtokollTesseract
    private let handle: OpaquePointer
    /// `false` once the `osd` data was found missing: pages are then read as they are
    /// displayed, and it is not looked for again.
    private var hasOrientationData = true

    /// Tesseract's version, for the `extractor` field of document records.
    var version: String { api.version().map { String(cString: $0) } ?? "unknown" }

    /// - Parameter language: Tesseract language code(s), `swe` or `swe+eng`.
    /// - Throws: ``Unavailable`` when the language data cannot be loaded.
    init(language: String) throws(Unavailable) {
        var failure: UnsafePointer<CChar>?
        guard let api = protokoll_tesseract(&failure)?.pointee else {
            throw Unavailable(message: failure.map { String(cString: $0) } ?? "libtesseract could not be loaded")
        }
        self.api = api
        guard let handle = api.create() else {
            throw Unavailable(message: "Tesseract could not be started")
        }
        // The LSTM engine only (what the Debian language data holds), and quiet: Tesseract
        // prints warnings to stderr, which belongs to protokoll's logs.
        guard api.init2(handle, nil, language, OEM_LSTM_ONLY) == 0 else {
            api.destroy(handle)
            throw Unavailable(
                message: "Tesseract cannot load the language '\(language)'; install tesseract-ocr-\(language)")
        }
        api.setVariable(handle, "debug_file", "/dev/null")
        // Tesseract's own layout analysis: blocks, then lines in reading order.
        api.setPageSegMode(handle, PSM_AUTO)
        self.handle = handle
    }

    deinit {
        api.end(handle)
        api.destroy(handle)
    }

    /// Resolution orientation is detected at, at most: the detector classifies letter shapes,
    /// and 150 dpi still draws a 10-point capital 15 pixels tall. A 300 dpi page halved has a
    /// quarter of the pixels, and detection on it peaks 15 MB lower on a dense A4 page.
    static let orientationDPI = 150

    /// How far the text on `image` is turned, as the clockwise turn that makes it upright
    /// (0, 90, 180 or 270); 0 when Tesseract is unsure or the page has too little text.
    ///
    /// The orientation model is loaded for each call and ended before it returns: it holds
    /// about 32 MB, which would otherwise sit beside recognition on every page. Loading it
    /// takes under a tenth of a second, against seconds for recognising the page.
    func uprightTurn(of image: GrayImage, dpi: Int) -> Int {
        guard hasOrientationData, let orientation = api.create() else { return 0 }
        defer {
            api.end(orientation)
            api.destroy(orientation)
        }
        guard api.init3(orientation, nil, "osd") == 0 else {
            hasOrientationData = false
            return 0
        }
        api.setVariable(orientation, "debug_file", "/dev/null")
        var image = image
        var dpi = dpi
        while dpi / 2 >= Self.orientationDPI {
            image = image.halved()
            dpi /= 2
        }
        set(image, dpi: dpi, on: orientation)
        var degrees: Int32 = 0
        var confidence: Float = 0
        var script: UnsafePointer<CChar>?
        var scriptConfidence: Float = 0
        guard api.detectOrientationScript(orientation, &degrees, &confidence, &script, &scriptConfidence) != 0
        else { return 0 }
        // Below about 2 the detector is guessing (Tesseract's own CLI warns there).
        guard confidence >= 2 else { return 0 }
        // Tesseract reports how far the text is turned counter-clockwise... as the turn that
        // reads it: "Orientation 90" needs a 270° clockwise turn, as its CLI prints "Rotate: 270".
        return (360 - Int(degrees) % 360) % 360
    }

    /// Recognises `image`, giving up after `seconds`.
    func recognize(_ image: GrayImage, dpi: Int, seconds: Double) -> Page {
        set(image, dpi: dpi, on: handle)
        defer { api.clear(handle) }
        let started = DispatchTime.now()
        let milliseconds = Int32(clamping: Int((seconds * 1000).rounded()))
        // Tesseract checks the deadline between words and keeps what it has read so far, so a
        // page that runs over ends with a partial result, not a hang; it does not say whether
        // the deadline passed, so the elapsed time is compared below.
        if let monitor = api.monitorCreate() {
            if milliseconds > 0 { api.monitorSetDeadlineMSecs(monitor, milliseconds) }
            _ = api.recognize(handle, monitor)
            api.monitorDelete(monitor)
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let (lines, blocks) = words()
        return Page(lines: lines, timedOut: seconds > 0 && elapsed >= seconds, blocks: blocks)
    }

    private func set(_ image: GrayImage, dpi: Int, on handle: OpaquePointer) {
        image.pixels.withUnsafeBufferPointer { buffer in
            // Tesseract copies the pixels into its own image here.
            api.setImage(
                handle, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        api.setSourceResolution(handle, Int32(dpi))
    }

    /// The recognised words, grouped by Tesseract's text lines, and each line's block.
    private func words() -> ([[Page.Word]], [Int]) {
        guard let iterator = api.getIterator(handle) else { return ([], []) }
        defer { api.resultIteratorDelete(iterator) }
        let pageIterator = api.resultIteratorGetPageIterator(iterator)
        var lines: [[Page.Word]] = []
        var blocks: [Int] = []
        var block = -1
        repeat {
            if api.pageIteratorIsAtBeginningOf(pageIterator, RIL_BLOCK) != 0 { block += 1 }
            if api.pageIteratorIsAtBeginningOf(pageIterator, RIL_TEXTLINE) != 0 || lines.isEmpty {
                if lines.last?.isEmpty != true {
                    lines.append([])
                    blocks.append(max(block, 0))
                } else {
                    blocks[blocks.count - 1] = max(block, 0)
                }
            }
            guard let pointer = api.resultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            let text = String(cString: pointer).trimmingCharacters(in: .whitespacesAndNewlines)
            api.deleteText(pointer)
            guard !text.isEmpty else { continue }
            var left: Int32 = 0
            var top: Int32 = 0
            var right: Int32 = 0
            var bottom: Int32 = 0
            guard api.pageIteratorBoundingBox(pageIterator, RIL_WORD, &left, &top, &right, &bottom) != 0 else {
                continue
            }
            let confidence = Double(api.resultIteratorConfidence(iterator, RIL_WORD))
            lines[lines.count - 1].append(
                Page.Word(
                    text: text, x0: Double(left), y0: Double(top), x1: Double(right), y1: Double(bottom),
                    confidence: max(0, min(100, confidence))))
        } while api.resultIteratorNext(iterator, RIL_WORD) != 0
        let kept = lines.indices.filter { !lines[$0].isEmpty }
        return (kept.map { lines[$0] }, kept.map { blocks[$0] })
    }
}
