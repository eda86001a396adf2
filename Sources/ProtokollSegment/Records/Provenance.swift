public import ProtokollModel

/// Where a value came from: page, printed page label, the exact span of the canonical text.
///
/// Property names in the public record types are the contract's field names
/// (`docs/records.md`), snake_case as analysts query them.
public struct Provenance: Codable, Sendable, Equatable {
    /// 1-based physical page of the span's start; `null` when the span is not on a page.
    @Null public var page: Int?
    @Null public var page_label: String?
    /// Half-open offsets in Unicode scalars into the canonical text.
    public var char_start: Int
    public var char_end: Int
    /// Exactly `canonical[char_start..<char_end]`.
    public var quote: String
    /// `pdf_text`, `docx` or `ocr`.
    public var text_layer: String

}

/// A person as printed, with a normalised key for linking the same person across records.
public struct PersonRef: Codable, Sendable, Equatable {
    /// "Förnamn Efternamn" as printed.
    public var name: String
    /// The whole printed entry the person was read from.
    public var name_raw: String
    /// "given-family|PARTY", lowercased and ASCII-folded, for joins.
    public var person_key: String
    @Null public var party_raw: String?
    @Null public var party_code: String?
    /// `national`, `local` or `unknown`.
    public var party_scheme: String
    /// The organisation or municipality the person sits for.
    @Null public var represents: String?

}

extension Provenance: JSONObjectWritable {
    public func writeJSON(to json: inout JSONObjectWriter) {
        json.integer("char_end", char_end)
        json.integer("char_start", char_start)
        json.integer("page", page)
        json.string("page_label", page_label)
        json.string("quote", quote)
        json.string("text_layer", text_layer)
    }
}

extension PersonRef: JSONObjectWritable {
    public func writeJSON(to json: inout JSONObjectWriter) {
        json.string("name", name)
        json.string("name_raw", name_raw)
        json.string("party_code", party_code)
        json.string("party_raw", party_raw)
        json.string("party_scheme", party_scheme)
        json.string("person_key", person_key)
        json.string("represents", represents)
    }
}
