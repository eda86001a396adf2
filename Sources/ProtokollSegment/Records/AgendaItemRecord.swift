/// One § or numbered agenda item.
public struct AgendaItemRecord: Codable, Sendable, Equatable {
    public struct DiaryNumber: Codable, Sendable, Equatable {
        public var raw: String
        @Null public var normalized: String?
    }

    public struct Section: Codable, Sendable, Equatable {
        public var heading: String
        public var char_start: Int
        public var char_end: Int
    }

    public var v = PublicRecord.version
    public var id: String
    public var meeting_id: String
    /// 0-based order in the protocol.
    public var seq: Int
    /// As printed: "§ 16/24", "KS § 3 a", "7.".
    public var number_raw: String
    /// "16", "3 a", "7".
    public var number: String
    @Null public var number_int: Int?
    @Null public var number_prefix: String?
    @Null public var number_suffix: String?
    public var title: String
    public var dnr: [DiaryNumber]
    public var presenters: [PersonRef]
    public var sections: [Section]
    /// The item's full text: furniture removed, hyphenation repaired.
    public var body_text: String
    public var prior_handling: [String]
    public var distribution: [String]
    public var prov: Provenance
}
