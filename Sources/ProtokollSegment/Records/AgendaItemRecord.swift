public import ProtokollModel

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

extension AgendaItemRecord {
    /// This record's members in its `PublicRecord` line, `type` included, in sorted key order.
    func writeRecordJSON(to json: inout JSONObjectWriter) {
        json.string("body_text", body_text)
        json.strings("distribution", distribution)
        json.objects("dnr", dnr)
        json.string("id", id)
        json.string("meeting_id", meeting_id)
        json.string("number", number)
        json.integer("number_int", number_int)
        json.string("number_prefix", number_prefix)
        json.string("number_raw", number_raw)
        json.string("number_suffix", number_suffix)
        json.objects("presenters", presenters)
        json.strings("prior_handling", prior_handling)
        json.object("prov", prov)
        json.objects("sections", sections)
        json.integer("seq", seq)
        json.string("title", title)
        json.string("type", PublicRecord.Kind.agendaItem.rawValue)
        json.integer("v", v)
    }
}

extension AgendaItemRecord.DiaryNumber: JSONObjectWritable {
    public func writeJSON(to json: inout JSONObjectWriter) {
        json.string("normalized", normalized)
        json.string("raw", raw)
    }
}

extension AgendaItemRecord.Section: JSONObjectWritable {
    public func writeJSON(to json: inout JSONObjectWriter) {
        json.integer("char_end", char_end)
        json.integer("char_start", char_start)
        json.string("heading", heading)
    }
}
