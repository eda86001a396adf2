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
