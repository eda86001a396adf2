/// The meeting a protocol records: body, date, time, place, chair, secretary, adjustment.
public struct MeetingRecord: Codable, Sendable, Equatable {
    public struct ItemRange: Codable, Sendable, Equatable {
        @Null public var from: String?
        @Null public var to: String?
        public var raw: String
    }

    public struct Adjustment: Codable, Sendable, Equatable {
        @Null public var place: String?
        @Null public var date: String?
        @Null public var time: String?
        public var raw: String
    }

    public struct Posting: Codable, Sendable, Equatable {
        @Null public var posted: String?
        @Null public var removed: String?
        public var raw: String
    }

    public var v = PublicRecord.version
    public var id: String
    public var doc_id: String
    /// As printed: "Politisk samverkan vård och omsorg (PSVO)".
    @Null public var body_name: String?
    @Null public var body_abbr: String?
    @Null public var organisation: String?
    @Null public var protocol_kind: String?
    /// `YYYY-MM-DD`.
    @Null public var date: String?
    /// `HH:MM`.
    @Null public var start_time: String?
    @Null public var end_time: String?
    @Null public var time_raw: String?
    @Null public var place: String?
    public var dnr: [String]
    @Null public var item_range: ItemRange?
    @Null public var chair: PersonRef?
    @Null public var secretary: PersonRef?
    public var adjusters: [PersonRef]
    @Null public var adjustment: Adjustment?
    @Null public var posting: Posting?
    @Null public var storage_place: String?
    public var prov: Provenance
}
