/// The typed contents of `pipeline.yml` (version 1). Every key is optional; a missing key takes
/// the value of `PipelineConfig()`. Unknown keys and wrong types are errors that name the file,
/// line and key (see `PipelineConfig+Loading.swift`).
public struct PipelineConfig: Sendable, Equatable {
    /// Per-document bounds, applied in the worker that extracts the document.
    public struct Limits: Sendable, Equatable {
        /// Wall-clock seconds one document may take before its worker is killed (`timeout`).
        public var wallSeconds: Double = 300
        /// Largest input file in bytes (`too_large`).
        public var fileBytes: Int = 512 << 20
        /// Most pages in one PDF (`too_large`).
        public var pages: Int = 5_000

        public init() {}
    }

    /// The only configuration version this build reads.
    public static let currentVersion = 1

    public var version = PipelineConfig.currentVersion
    /// Files and directories (searched recursively for `.pdf` and `.docx`).
    public var inputs: [String] = ["samples"]
    /// Where one NDJSON file per document and the run summary are written.
    public var output = "output"
    /// Documents processed at once; 0 means one per CPU core.
    public var jobs = 0
    public var limits = Limits()
    /// swift-log level for stderr.
    public var logLevel = "notice"

    public init() {}
}

extension PipelineConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, inputs, output, jobs, limits
        case logLevel = "log_level"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = PipelineConfig()
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? defaults.version
        inputs = try container.decodeIfPresent([String].self, forKey: .inputs) ?? defaults.inputs
        output = try container.decodeIfPresent(String.self, forKey: .output) ?? defaults.output
        jobs = try container.decodeIfPresent(Int.self, forKey: .jobs) ?? defaults.jobs
        limits = try container.decodeIfPresent(Limits.self, forKey: .limits) ?? defaults.limits
        logLevel = try container.decodeIfPresent(String.self, forKey: .logLevel) ?? defaults.logLevel
    }
}

extension PipelineConfig.Limits: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case wallSeconds = "wall_seconds"
        case fileBytes = "file_bytes"
        case pages
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = PipelineConfig.Limits()
        wallSeconds = try container.decodeIfPresent(Double.self, forKey: .wallSeconds) ?? defaults.wallSeconds
        fileBytes = try container.decodeIfPresent(Int.self, forKey: .fileBytes) ?? defaults.fileBytes
        pages = try container.decodeIfPresent(Int.self, forKey: .pages) ?? defaults.pages
    }
}
