public import ProtokollExtract
import ProtokollModel

/// The typed contents of `pipeline.yml` (version 1). Every key is optional; a missing key takes
/// the value of `PipelineConfig()`. Unknown keys and wrong types are errors that name the file,
/// line and key (see `PipelineConfig+Loading.swift`).
public struct PipelineConfig: Sendable, Equatable {
    /// Per-document bounds, applied to the worker that extracts the document.
    public struct Limits: Sendable, Equatable {
        /// Wall-clock seconds one document may take before its worker is killed (`timeout`).
        public var wallSeconds: Double = 300
        /// Seconds a worker may go without writing a record before it is killed as stalled
        /// (`timeout`); catches a hang long before the wall-time limit.
        public var stallSeconds: Double = 120
        /// Largest input file in bytes (`too_large`).
        public var fileBytes: Int = 512 << 20
        /// Most pages in one PDF (`too_large`).
        public var pages: Int = 5_000
        /// Address space a worker may use, in MiB; beyond it allocation fails (`oom`).
        public var memoryMB: Int = 4_096
        /// Seconds OCR may spend on one page; the page keeps what was read by then and gets an
        /// `ocr_timeout` issue. Held below `stallSeconds` (see ``PipelineConfig/ocrSettings``):
        /// the worker reports progress after each page, so a longer page would look like a hang.
        public var ocrSecondsPerPage: Double = 60

        public init() {}
    }

    /// What to do with inputs the ledger has seen.
    public struct Incremental: Sendable, Equatable {
        /// Skip inputs whose content, pipeline version and configuration are unchanged.
        public var enabled = true
        /// Process again inputs that failed before (by default they stay failed until their
        /// content, the pipeline or the configuration changes).
        public var retryFailed = false

        public init() {}
    }

    /// What to keep of failed inputs.
    public struct Quarantine: Sendable, Equatable {
        /// Copy each failed input into `<output>/quarantine/` besides listing it.
        public var copy = false

        public init() {}
    }

    /// The only configuration version this build reads.
    public static let currentVersion = 1

    public var version = PipelineConfig.currentVersion
    /// Files, directories (searched recursively for `.pdf` and `.docx`) and glob patterns.
    public var inputs: [String] = ["samples"]
    /// A file that lists input paths, one per line (`#` comments and blank lines skipped).
    public var manifest: String?
    /// Where the records, canonical texts, summary and ledger go.
    public var output = "output"
    /// Documents processed at once; 0 means one per CPU core.
    public var jobs = 0
    /// Process only shard I of N ("2/4"), chosen by content hash.
    public var shard: String?
    public var limits = Limits()
    public var incremental = Incremental()
    public var quarantine = Quarantine()
    /// Exit 65 when more than this share of the inputs failed (0: any failure).
    public var failureThreshold = 0.0
    /// swift-log level for stderr.
    public var logLevel = "notice"
    /// Which PDF pages are read by OCR: `auto` (pages with too little text layer), `off`,
    /// `force` (every page).
    public var ocr = OCRSettings.Mode.auto
    /// Resolution pages are drawn at for OCR.
    public var ocrDPI = 300
    /// Tesseract language(s), e.g. `swe` or `swe+eng`.
    public var ocrLanguage = "swe"
    /// With `ocr: auto`, pages whose text layer has fewer non-space characters are read by OCR.
    public var ocrMinTextChars = 20
    /// Pages whose mean OCR confidence (0–100) is below this get an `ocr_low_confidence` issue.
    public var ocrLowConfidence = 70.0

    /// The OCR settings the workers run with. A page's OCR limit is cut to 80 % of the stall
    /// limit when it is longer, so a slow page ends as `ocr_timeout` with its text so far
    /// instead of its worker being killed as stalled and the whole document lost.
    public var ocrSettings: OCRSettings {
        OCRSettings(
            mode: ocr, dpi: ocrDPI, language: ocrLanguage, minTextCharacters: ocrMinTextChars,
            secondsPerPage: min(limits.ocrSecondsPerPage, limits.stallSeconds * 0.8), lowConfidence: ocrLowConfidence)
    }

    public init() {}
}

extension PipelineConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, inputs, manifest, output, jobs, shard, limits, incremental, quarantine
        case failureThreshold = "failure_threshold"
        case logLevel = "log_level"
        case ocr
        case ocrDPI = "ocr_dpi"
        case ocrLanguage = "ocr_language"
        case ocrMinTextChars = "ocr_min_text_chars"
        case ocrLowConfidence = "ocr_low_confidence"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = PipelineConfig()
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? defaults.version
        inputs = try container.decodeIfPresent([String].self, forKey: .inputs) ?? defaults.inputs
        manifest = try container.decodeIfPresent(String.self, forKey: .manifest)
        output = try container.decodeIfPresent(String.self, forKey: .output) ?? defaults.output
        jobs = try container.decodeIfPresent(Int.self, forKey: .jobs) ?? defaults.jobs
        shard = try container.decodeIfPresent(String.self, forKey: .shard)
        limits = try container.decodeIfPresent(Limits.self, forKey: .limits) ?? defaults.limits
        incremental = try container.decodeIfPresent(Incremental.self, forKey: .incremental) ?? defaults.incremental
        quarantine = try container.decodeIfPresent(Quarantine.self, forKey: .quarantine) ?? defaults.quarantine
        failureThreshold =
            try container.decodeIfPresent(Double.self, forKey: .failureThreshold) ?? defaults.failureThreshold
        logLevel = try container.decodeIfPresent(String.self, forKey: .logLevel) ?? defaults.logLevel
        if let mode = try container.decodeIfPresent(String.self, forKey: .ocr) {
            guard let known = OCRSettings.Mode(rawValue: mode) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .ocr, in: container, debugDescription: "expected auto, off or force, got \"\(mode)\"")
            }
            ocr = known
        }
        ocrDPI = try container.decodeIfPresent(Int.self, forKey: .ocrDPI) ?? defaults.ocrDPI
        ocrLanguage = try container.decodeIfPresent(String.self, forKey: .ocrLanguage) ?? defaults.ocrLanguage
        ocrMinTextChars =
            try container.decodeIfPresent(Int.self, forKey: .ocrMinTextChars) ?? defaults.ocrMinTextChars
        ocrLowConfidence =
            try container.decodeIfPresent(Double.self, forKey: .ocrLowConfidence) ?? defaults.ocrLowConfidence
    }
}

extension PipelineConfig.Limits: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case wallSeconds = "wall_seconds"
        case stallSeconds = "stall_seconds"
        case fileBytes = "file_bytes"
        case pages
        case memoryMB = "memory_mb"
        case ocrSecondsPerPage = "ocr_seconds_per_page"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = PipelineConfig.Limits()
        wallSeconds = try container.decodeIfPresent(Double.self, forKey: .wallSeconds) ?? defaults.wallSeconds
        stallSeconds = try container.decodeIfPresent(Double.self, forKey: .stallSeconds) ?? defaults.stallSeconds
        fileBytes = try container.decodeIfPresent(Int.self, forKey: .fileBytes) ?? defaults.fileBytes
        pages = try container.decodeIfPresent(Int.self, forKey: .pages) ?? defaults.pages
        memoryMB = try container.decodeIfPresent(Int.self, forKey: .memoryMB) ?? defaults.memoryMB
        ocrSecondsPerPage =
            try container.decodeIfPresent(Double.self, forKey: .ocrSecondsPerPage) ?? defaults.ocrSecondsPerPage
    }
}

extension PipelineConfig.Incremental: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled
        case retryFailed = "retry_failed"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
        retryFailed = try container.decodeIfPresent(Bool.self, forKey: .retryFailed) ?? false
    }
}

extension PipelineConfig.Quarantine: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case copy
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        copy = try container.decodeIfPresent(Bool.self, forKey: .copy) ?? false
    }
}

extension PipelineConfig {
    /// The settings that can change a document's records, hashed: part of each ledger key, so
    /// changing one reprocesses everything it may affect. Jobs, logging, output place, shard
    /// and incremental policy are left out; they never change a record.
    public var configHash: String {
        let canonical = [
            "file_bytes=\(limits.fileBytes)", "memory_mb=\(limits.memoryMB)", "pages=\(limits.pages)",
            "stall_seconds=\(limits.stallSeconds)", "wall_seconds=\(limits.wallSeconds)",
            "ocr=\(ocr.rawValue)", "ocr_dpi=\(ocrDPI)", "ocr_language=\(ocrLanguage)",
            "ocr_low_confidence=\(ocrLowConfidence)", "ocr_min_text_chars=\(ocrMinTextChars)",
            "ocr_seconds_per_page=\(limits.ocrSecondsPerPage)",
        ].joined(separator: "\n")
        return "sha256:" + SHA256.hex(Array(canonical.utf8)).prefix(16)
    }
}
