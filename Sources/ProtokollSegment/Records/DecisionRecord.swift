import ProtokollModel

/// One att-clause, numbered decision point or decision sentence.
public struct DecisionRecord: Codable, Sendable, Equatable {
    public var v = PublicRecord.version
    public var id: String
    public var item_id: String
    /// 1-based within the item.
    public var index: Int
    /// "1.", "att", or `null` for a plain sentence.
    @Null public var label_raw: String?
    @Null public var deciding_body_raw: String?
    /// "beslutar", "Kommunstyrelsens beslut", or `null`.
    @Null public var formula_raw: String?
    public var text: String
    /// `approve`, `reject`, `note`, `refer_back`, `table`, `recommend`, `propose`, `assign`,
    /// `appoint`, `answered`, `dropped`, `other`.
    public var kind: String
    public var prov: Provenance
}

extension DecisionRecord {
    /// This record's members in its `PublicRecord` line, `type` included, in sorted key order.
    func writeRecordJSON(to json: inout JSONObjectWriter) {
        json.string("deciding_body_raw", deciding_body_raw)
        json.string("formula_raw", formula_raw)
        json.string("id", id)
        json.integer("index", index)
        json.string("item_id", item_id)
        json.string("kind", kind)
        json.string("label_raw", label_raw)
        json.object("prov", prov)
        json.string("text", text)
        json.string("type", PublicRecord.Kind.decision.rawValue)
        json.integer("v", v)
    }
}
