/// One vote (omröstning) in an item.
public struct VoteEventRecord: Codable, Sendable, Equatable {
    public struct Count: Codable, Sendable, Equatable {
        /// `yes`, `no`, `abstain`, `absent`, `not voting`.
        public var option: String
        public var value: Int
        public var option_raw: String
    }

    public var v = PublicRecord.version
    public var id: String
    public var item_id: String
    public var seq: Int
    @Null public var question_raw: String?
    @Null public var yes_means: String?
    @Null public var no_means: String?
    public var counts: [Count]
    /// `printed` or `derived_from_names`.
    public var counts_source: String
    /// `pass`, `fail` or `null`.
    @Null public var result: String?
    @Null public var result_raw: String?
    public var prov: Provenance
}

/// One named voter's vote.
public struct VoteRecord: Codable, Sendable, Equatable {
    public var v = PublicRecord.version
    public var id: String
    public var vote_event_id: String
    public var voter: PersonRef
    public var option: String
    public var option_raw: String
    @Null public var role: String?
    public var prov: Provenance
}
