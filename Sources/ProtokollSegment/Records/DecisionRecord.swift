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
