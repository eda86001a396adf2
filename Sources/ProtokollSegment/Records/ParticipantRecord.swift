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
