import ProtokollExtract
import ProtokollRunner
import Testing

/// The OCR keys of pipeline.yml: defaults, values, refusals, and the ledger hash.
struct OCRConfigTests {
    @Test func defaultsReadScansInSwedishAt300DPI() {
        let settings = PipelineConfig().ocrSettings
        #expect(settings == OCRSettings(mode: .auto, dpi: 300, language: "swe", minTextCharacters: 20))
        #expect(settings.wantsOCR(textCharacters: 0))
        #expect(!settings.wantsOCR(textCharacters: 500))
        #expect(OCRSettings(mode: .force).wantsOCR(textCharacters: 500))
        #expect(!OCRSettings(mode: .off).wantsOCR(textCharacters: 0))
    }

    @Test func everyKeyIsRead() throws {
        let config = try PipelineConfig.parse(
            """
            ocr: force
            ocr_dpi: 200
            ocr_language: swe+eng
            ocr_min_text_chars: 5
            ocr_low_confidence: 55.5
            limits: {ocr_seconds_per_page: 30}
            """, file: "pipeline.yml")
        #expect(
            config.ocrSettings
                == OCRSettings(
                    mode: .force, dpi: 200, language: "swe+eng", minTextCharacters: 5, secondsPerPage: 30,
                    lowConfidence: 55.5))
    }

    @Test(arguments: [
        ("ocr: sometimes\n", "ocr"), ("ocr_dpi: 20\n", "ocr_dpi"), ("ocr_language: ../x\n", "ocr_language"),
        ("ocr_min_text_chars: -1\n", "ocr_min_text_chars"), ("ocr_low_confidence: 101\n", "ocr_low_confidence"),
        ("limits: {ocr_seconds_per_page: 0}\n", "limits.ocr_seconds_per_page"),
        ("ocr_langauge: swe\n", "ocr_langauge"),
    ])
    func badValuesNameTheirKey(text: String, key: String) {
        #expect(throws: ConfigurationError.self) { try PipelineConfig.parse(text, file: "p.yml") }
        do {
            _ = try PipelineConfig.parse(text, file: "p.yml")
        } catch {
            #expect(error.key == key)
        }
    }

    @Test func pageLimitStaysBelowTheStallLimit() throws {
        let config = try PipelineConfig.parse("limits: {stall_seconds: 10, ocr_seconds_per_page: 60}\n", file: "p.yml")
        #expect(config.ocrSettings.secondsPerPage == 8)
    }

    @Test func ocrSettingsChangeTheHash() {
        let base = PipelineConfig()
        var off = base
        off.ocr = .off
        var dpi = base
        dpi.ocrDPI = 200
        #expect(off.configHash != base.configHash)
        #expect(dpi.configHash != base.configHash)
        #expect(off.configHash != dpi.configHash)
    }
}
