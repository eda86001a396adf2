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
