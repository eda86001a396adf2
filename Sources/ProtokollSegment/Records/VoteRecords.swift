public import ProtokollModel

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

extension VoteEventRecord {
    /// This record's members in its `PublicRecord` line, `type` included, in sorted key order.
    func writeRecordJSON(to json: inout JSONObjectWriter) {
        json.objects("counts", counts)
        json.string("counts_source", counts_source)
        json.string("id", id)
        json.string("item_id", item_id)
        json.string("no_means", no_means)
        json.object("prov", prov)
        json.string("question_raw", question_raw)
        json.string("result", result)
        json.string("result_raw", result_raw)
        json.integer("seq", seq)
        json.string("type", PublicRecord.Kind.voteEvent.rawValue)
        json.integer("v", v)
        json.string("yes_means", yes_means)
    }
}

extension VoteEventRecord.Count: JSONObjectWritable {
    public func writeJSON(to json: inout JSONObjectWriter) {
        json.string("option", option)
        json.string("option_raw", option_raw)
        json.integer("value", value)
    }
}

extension VoteRecord {
    /// This record's members in its `PublicRecord` line, `type` included, in sorted key order.
    func writeRecordJSON(to json: inout JSONObjectWriter) {
        json.string("id", id)
        json.string("option", option)
        json.string("option_raw", option_raw)
        json.object("prov", prov)
        json.string("role", role)
        json.string("type", PublicRecord.Kind.vote.rawValue)
        json.integer("v", v)
        json.string("vote_event_id", vote_event_id)
        json.object("voter", voter)
    }
}
