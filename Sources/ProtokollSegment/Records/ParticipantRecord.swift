public import ProtokollModel

/// One person listed in the attendance.
public struct ParticipantRecord: Codable, Sendable, Equatable {
    /// Partial attendance: "§§12 - 17", "punkt 7", "kl 13–15", "frånvarande eftermiddag".
    public struct Presence: Codable, Sendable, Equatable {
        /// `items`, `time` or `session`.
        public var kind: String
        @Null public var from: String?
        @Null public var to: String?
        public var present: Bool
        public var raw: String
    }

    public var v = PublicRecord.version
    public var id: String
    public var meeting_id: String
    public var person: PersonRef
    /// `member`, `substitute_serving`, `substitute_not_serving`, `official`, `other`, `unknown`.
    public var group: String
    /// The heading the person was listed under.
    @Null public var group_raw: String?
    /// `present`, `partial`, `excused`, `absent`.
    public var status: String
    public var roles: [String]
    public var roles_raw: [String]
    @Null public var title_raw: String?
    @Null public var voting_right: Bool?
    @Null public var substitutes_for: PersonRef?
    public var presence: [Presence]
    @Null public var remote: Bool?
    public var prov: Provenance
}

extension ParticipantRecord {
    /// This record's members in its `PublicRecord` line, `type` included, in sorted key order.
    func writeRecordJSON(to json: inout JSONObjectWriter) {
        json.string("group", group)
        json.string("group_raw", group_raw)
        json.string("id", id)
        json.string("meeting_id", meeting_id)
        json.object("person", person)
        json.objects("presence", presence)
        json.object("prov", prov)
        json.bool("remote", remote)
        json.strings("roles", roles)
        json.strings("roles_raw", roles_raw)
        json.string("status", status)
        json.object("substitutes_for", substitutes_for)
        json.string("title_raw", title_raw)
        json.string("type", PublicRecord.Kind.participant.rawValue)
        json.integer("v", v)
        json.bool("voting_right", voting_right)
    }
}

extension ParticipantRecord.Presence: JSONObjectWritable {
    public func writeJSON(to json: inout JSONObjectWriter) {
        json.string("from", from)
        json.string("kind", kind)
        json.bool("present", present)
        json.string("raw", raw)
        json.string("to", to)
    }
}
