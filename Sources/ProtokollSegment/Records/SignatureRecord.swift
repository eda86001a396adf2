import ProtokollModel

/// One signature slot: wet-ink line or electronic signature.
public struct SignatureRecord: Codable, Sendable, Equatable {
    public var v = PublicRecord.version
    public var id: String
    public var meeting_id: String
    /// `secretary`, `chair`, `adjuster`, `other`.
    public var role: String
    @Null public var role_raw: String?
    @Null public var signer: PersonRef?
    /// `wet_ink_line`, `electronic_visible`, `electronic_embedded`, `unknown`.
    public var method: String
    /// ISO 8601 with offset.
    @Null public var signed_at: String?
    @Null public var provider_raw: String?
    public var prov: Provenance
}

extension SignatureRecord {
    /// This record's members in its `PublicRecord` line, `type` included, in sorted key order.
    func writeRecordJSON(to json: inout JSONObjectWriter) {
        json.string("id", id)
        json.string("meeting_id", meeting_id)
        json.string("method", method)
        json.object("prov", prov)
        json.string("provider_raw", provider_raw)
        json.string("role", role)
        json.string("role_raw", role_raw)
        json.string("signed_at", signed_at)
        json.object("signer", signer)
        json.string("type", PublicRecord.Kind.signature.rawValue)
        json.integer("v", v)
    }
}
