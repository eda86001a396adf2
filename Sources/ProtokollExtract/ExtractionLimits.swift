/// Per-document bounds that keep one hostile or huge file from exhausting the machine.
/// Exceeding any of them ends the document with `too_large`.
public struct ExtractionLimits: Codable, Sendable, Equatable {
    /// Largest input file read, in bytes.
    public var maxFileBytes: Int
    /// Most PDF pages extracted.
    public var maxPages: Int
    /// Largest decompressed size of one DOCX zip entry.
    public var maxZipEntryBytes: Int
    /// Largest decompressed size of all DOCX entries read together.
    public var maxZipTotalBytes: Int
    /// Largest decompressed/compressed ratio accepted for an entry bigger than 1 MiB; real
    /// Word XML compresses about 10:1, zip bombs 1000:1.
    public var maxZipRatio: Int
    /// Most entries in a DOCX zip directory.
    public var maxZipEntries: Int

    public init(
        maxFileBytes: Int = 512 << 20,
        maxPages: Int = 5_000,
        maxZipEntryBytes: Int = 256 << 20,
        maxZipTotalBytes: Int = 512 << 20,
        maxZipRatio: Int = 200,
        maxZipEntries: Int = 10_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxPages = maxPages
        self.maxZipEntryBytes = maxZipEntryBytes
        self.maxZipTotalBytes = maxZipTotalBytes
        self.maxZipRatio = maxZipRatio
        self.maxZipEntries = maxZipEntries
    }
}
