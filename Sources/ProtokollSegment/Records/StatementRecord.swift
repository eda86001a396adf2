import ProtokollModel

/// A reservation, protocol note, motion, special statement or recusal.
public struct StatementRecord: Codable, Sendable, Equatable {
    public var v = PublicRecord.version
    public var id: String
    public var item_id: String
    /// `reservation`, `protocol_note`, `motion`, `special_statement`, `recusal`.
    public var kind: String
    /// Only when printed; never guessed.
    public var authors: [PersonRef]
    public var author_groups: [String]
    public var text: String
    @Null public var vote_event_id: String?
    public var prov: Provenance
}

extension StatementRecord {
    /// This record's members in its `PublicRecord` line, `type` included, in sorted key order.
    func writeRecordJSON(to json: inout JSONObjectWriter) {
        json.strings("author_groups", author_groups)
        json.objects("authors", authors)
        json.string("id", id)
        json.string("item_id", item_id)
        json.string("kind", kind)
        json.object("prov", prov)
        json.string("text", text)
        json.string("type", PublicRecord.Kind.statement.rawValue)
        json.integer("v", v)
        json.string("vote_event_id", vote_event_id)
    }
}
