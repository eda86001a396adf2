public import ProtokollModel

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

extension MeetingRecord {
    /// This record's members in its `PublicRecord` line, `type` included, in sorted key order.
    func writeRecordJSON(to json: inout JSONObjectWriter) {
        json.objects("adjusters", adjusters)
        json.object("adjustment", adjustment)
        json.string("body_abbr", body_abbr)
        json.string("body_name", body_name)
        json.object("chair", chair)
        json.string("date", date)
        json.strings("dnr", dnr)
        json.string("doc_id", doc_id)
        json.string("end_time", end_time)
        json.string("id", id)
        json.object("item_range", item_range)
        json.string("organisation", organisation)
        json.string("place", place)
        json.object("posting", posting)
        json.string("protocol_kind", protocol_kind)
        json.object("prov", prov)
        json.object("secretary", secretary)
        json.string("start_time", start_time)
        json.string("storage_place", storage_place)
        json.string("time_raw", time_raw)
        json.string("type", PublicRecord.Kind.meeting.rawValue)
        json.integer("v", v)
    }
}

extension MeetingRecord.ItemRange: JSONObjectWritable {
    public func writeJSON(to json: inout JSONObjectWriter) {
        json.string("from", from)
        json.string("raw", raw)
        json.string("to", to)
    }
}

extension MeetingRecord.Adjustment: JSONObjectWritable {
    public func writeJSON(to json: inout JSONObjectWriter) {
        json.string("date", date)
        json.string("place", place)
        json.string("raw", raw)
        json.string("time", time)
    }
}

extension MeetingRecord.Posting: JSONObjectWritable {
    public func writeJSON(to json: inout JSONObjectWriter) {
        json.string("posted", posted)
        json.string("raw", raw)
        json.string("removed", removed)
    }
}
