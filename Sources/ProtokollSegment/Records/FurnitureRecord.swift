/// One line or block removed from the body as page furniture.
public struct FurnitureRecord: Codable, Sendable, Equatable {
    public var v = PublicRecord.version
    public var id: String
    public var doc_id: String
    public var kind: String
    public var text: String
    @Null public var page: Int?
    /// The detector that removed it (see docs/normalize-records.md).
    public var rule: String
    public var score: Double
    /// Furniture is not part of the canonical text: `char_start == char_end` marks where
    /// it stood, `quote` is its text.
    public var prov: Provenance
}

/// Something the parser could not place or that does not add up.
public struct ParseIssueRecord: Codable, Sendable, Equatable {
    public var v = PublicRecord.version
    public var id: String
    public var doc_id: String
    @Null public var related_id: String?
    /// `info`, `warning`, `error`.
    public var severity: String
    /// Stable, e.g. `encrypted`, `no_text_layer`, `numbering_gap`, `vote_counts_mismatch`.
    public var code: String
    public var message: String
    @Null public var prov: Provenance?
}
