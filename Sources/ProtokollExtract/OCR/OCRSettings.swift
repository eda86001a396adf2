/// When and how pages without a usable text layer are read by OCR (Tesseract).
///
/// Scanned protocols have pages that are only images; without OCR they end as `no_text`. OCR
/// is the slow path (seconds per page against milliseconds), so `auto` runs it only on pages
/// whose text layer is missing or too thin to be the page's real text.
public struct OCRSettings: Codable, Sendable, Equatable {
    /// Which pages are read by OCR.
    public enum Mode: String, Codable, Sendable, Equatable, CaseIterable {
        /// Pages with fewer than ``OCRSettings/minTextCharacters`` characters of text layer.
        case auto
        /// None: a page without text stays without text (`no_text`).
        case off
        /// Every page, even one with a text layer (to check a text layer that may be wrong).
        case force
    }

    public var mode: Mode
    /// Resolution the page is rendered at for Tesseract; 300 is what Tesseract is trained
    /// for, 200 is faster and still reads 10-point type.
    public var dpi: Int
    /// Tesseract language(s), e.g. `swe` or `swe+eng`; the data comes from the system's
    /// `tesseract-ocr-<lang>` packages.
    public var language: String
    /// In `auto`, a page whose text layer has fewer non-space characters than this is read by
    /// OCR. A scan often carries a stray text object (a stamp, a page number); those few
    /// characters must not hide the page's real text.
    public var minTextCharacters: Int
    /// Wall-clock seconds Tesseract may spend on one page; a page over it keeps what was read
    /// in time and gets an `ocr_timeout` issue. Kept below the runner's stall limit, so a slow
    /// page never looks like a hung worker.
    public var secondsPerPage: Double
    /// A page whose mean word confidence (0–100) is below this gets an `ocr_low_confidence`
    /// issue: its text is there, but analysts should not trust it blindly.
    public var lowConfidence: Double

    public init(
        mode: Mode = .off, dpi: Int = 300, language: String = "swe", minTextCharacters: Int = 20,
        secondsPerPage: Double = 60, lowConfidence: Double = 70
    ) {
        self.mode = mode
        self.dpi = dpi
        self.language = language
        self.minTextCharacters = minTextCharacters
        self.secondsPerPage = secondsPerPage
        self.lowConfidence = lowConfidence
    }

    /// Whether a page with `textCharacters` non-space characters in its text layer is read
    /// by OCR.
    public func wantsOCR(textCharacters: Int) -> Bool {
        switch mode {
        case .off: false
        case .force: true
        case .auto: textCharacters < minTextCharacters
        }
    }
}
