import ProtokollModel

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

extension FurnitureRecord {
    /// This record's members in its `PublicRecord` line, `type` included, in sorted key order.
    func writeRecordJSON(to json: inout JSONObjectWriter) {
        json.string("doc_id", doc_id)
        json.string("id", id)
        json.string("kind", kind)
        json.integer("page", page)
        json.object("prov", prov)
        json.string("rule", rule)
        json.number("score", score)
        json.string("text", text)
        json.string("type", PublicRecord.Kind.furniture.rawValue)
        json.integer("v", v)
    }
}

extension ParseIssueRecord {
    /// This record's members in its `PublicRecord` line, `type` included, in sorted key order.
    func writeRecordJSON(to json: inout JSONObjectWriter) {
        json.string("code", code)
        json.string("doc_id", doc_id)
        json.string("id", id)
        json.string("message", message)
        json.object("prov", prov)
        json.string("related_id", related_id)
        json.string("severity", severity)
        json.string("type", PublicRecord.Kind.parseIssue.rawValue)
        json.integer("v", v)
    }
}
