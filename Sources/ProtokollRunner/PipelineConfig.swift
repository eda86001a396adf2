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

    public init() {}
}

extension PipelineConfig: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, inputs, manifest, output, jobs, shard, limits, incremental, quarantine
        case failureThreshold = "failure_threshold"
        case logLevel = "log_level"
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
    }
}

extension PipelineConfig.Limits: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case wallSeconds = "wall_seconds"
        case stallSeconds = "stall_seconds"
        case fileBytes = "file_bytes"
        case pages
        case memoryMB = "memory_mb"
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
        ].joined(separator: "\n")
        return "sha256:" + SHA256.hex(Array(canonical.utf8)).prefix(16)
    }
}
