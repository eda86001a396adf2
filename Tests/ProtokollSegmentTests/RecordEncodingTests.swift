import Foundation
import ProtokollExtract
import ProtokollModel
import ProtokollNormalize
import TestSupport
import Testing

@testable import ProtokollSegment

/// Every record every stage writes for the samples, encoded by `NDJSON.line` and by
/// Foundation's `JSONEncoder` with the contract's options, must be the same bytes.
struct RecordEncodingTests {
    private static func foundation(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data([0x0A])
    }

    @Test(arguments: [
        "orebro-2020-01-31.pdf", "vasterbotten-2024-03-15.pdf", "psvo-2024-03-01.pdf", "psvo-2024-03-01.docx",
        "lsvo-2021-06-04.pdf", "lsvo-2021-06-04.docx",
    ])
    func everyStageMatchesFoundation(sample: String) throws {
        var extracted: [ExtractRecord] = []
        try DocumentExtractor().extract(path: Fixtures.sample(sample).path) { extracted.append($0) }
        let normalized = DocumentNormalizer.normalize(ExtractedInput(records: extracted))
        let segmented = DocumentSegmenter.segment(normalized)
        var kinds = Set<PublicRecord.Kind>()
        for record in extracted { #expect(try NDJSON.line(record) == Self.foundation(record)) }
        for record in normalized { #expect(try NDJSON.line(record) == Self.foundation(record)) }
        for record in segmented {
            kinds.insert(record.kind)
            #expect(try NDJSON.line(record) == Self.foundation(record), "\(record.kind)")
        }
        #expect(kinds.isSuperset(of: [.sourceDocument, .meeting, .participant, .agendaItem, .decision, .furniture]))
    }

    /// Each record's `writeRecordJSON` against Foundation, with every optional set and every
    /// array filled (a member the writer leaves out, misnames or misorders fails), and with
    /// every optional `nil` and every array empty (`null` and `[]` as `@Null` writes them).
    @Test(arguments: [RecordSamples.Variant.full, .empty])
    func everyRecordKindMatchesFoundation(variant: RecordSamples.Variant) throws {
        let records = RecordSamples.all(variant)
        #expect(Set(records.map(\.kind)) == Set(PublicRecord.Kind.allCases))
        var expected = Data()
        for record in records {
            let line = try Self.foundation(record)
            expected += line
            let ours = try NDJSON.line(record)
            #expect(
                ours == line,
                "\(record.kind):\n\(String(decoding: ours, as: UTF8.self))\(String(decoding: line, as: UTF8.self))")
        }
        let document = DocumentOutput.Document(records: records, canonicalText: "", fileName: "x", docID: "x")
        #expect(try DocumentOutput.ndjson(document) == expected)
    }

    /// The samples above only prove something if they fill every field: a new field left
    /// `nil` or empty in the full samples, or set in the empty ones, fails here.
    @Test func samplesFillEveryField() {
        for record in RecordSamples.all(.full) {
            let gaps = RecordSamples.unfilledPaths(in: record)
            #expect(gaps.isEmpty, "\(record.kind): \(gaps)")
        }
        for record in RecordSamples.all(.empty) {
            let filled = RecordSamples.filledOptionalPaths(in: record)
            #expect(filled.isEmpty, "\(record.kind): \(filled)")
        }
    }

    /// A number with no JSON form is an error on every path, as it is for Foundation.
    @Test func nonFiniteScoreThrows() throws {
        var records = RecordSamples.all(.full)
        for index in records.indices {
            guard case .furniture(var furniture) = records[index] else { continue }
            furniture.score = .nan
            records[index] = .furniture(furniture)
            #expect(throws: EncodingError.self) { try NDJSON.line(records[index]) }
        }
        let document = DocumentOutput.Document(records: records, canonicalText: "", fileName: "x", docID: "x")
        #expect(throws: EncodingError.self) { try DocumentOutput.ndjson(document) }
    }
}

/// One record of every kind, built field by field with distinct values, so a member written
/// under another's key, or with another's value, shows.
enum RecordSamples {
    enum Variant: Sendable, CustomStringConvertible {
        /// Every optional set, every array with two elements.
        case full
        /// Every optional `nil`, every array empty.
        case empty

        var description: String { self == .full ? "full" : "empty" }
    }

    static func all(_ variant: Variant) -> [PublicRecord] {
        var values = Values(full: variant == .full)
        return [
            .sourceDocument(sourceDocument(&values)), .meeting(meeting(&values)),
            .participant(participant(&values)), .agendaItem(agendaItem(&values)), .decision(decision(&values)),
            .statement(statement(&values)), .voteEvent(voteEvent(&values)), .vote(vote(&values)),
            .signature(signature(&values)), .furniture(furniture(&values)), .parseIssue(parseIssue(&values)),
            .canonicalText(CanonicalTextRecord(doc_id: values.text(), text: values.text())),
        ]
    }

    /// Distinct strings that need escaping and are not ASCII, distinct integers and fractional
    /// numbers; optionals and arrays set or not as the variant says.
    struct Values {
        let full: Bool
        private var counter = 0

        init(full: Bool) { self.full = full }

        mutating func text() -> String {
            counter += 1
            return "\(counter) Beslut \"att\" \\ a/b\n\t\u{1}\u{1F} åäö Å 😀 e\u{301} \u{2028}"
        }

        mutating func integer() -> Int {
            counter += 1
            return counter * 1_013
        }

        mutating func optionalText() -> String? { full ? text() : nil }
        mutating func optionalInteger() -> Int? { full ? integer() : nil }
        mutating func texts() -> [String] { full ? [text(), text()] : [] }

        mutating func array<Element>(_ make: (inout Values) -> Element) -> [Element] {
            full ? [make(&self), make(&self)] : []
        }

        mutating func optional<Wrapped>(_ make: (inout Values) -> Wrapped) -> Wrapped? {
            full ? make(&self) : nil
        }
    }

    static func provenance(_ values: inout Values) -> Provenance {
        Provenance(
            page: values.optionalInteger(), page_label: values.optionalText(), char_start: values.integer(),
            char_end: values.integer(), quote: values.text(), text_layer: values.text())
    }

    static func person(_ values: inout Values) -> PersonRef {
        PersonRef(
            name: values.text(), name_raw: values.text(), person_key: values.text(), party_raw: values.optionalText(),
            party_code: values.optionalText(), party_scheme: values.text(), represents: values.optionalText())
    }

    static func sourceDocument(_ values: inout Values) -> SourceDocumentRecord {
        let pages = values.array { values in
            SourceDocumentRecord.Page(
                page: values.integer(), label_raw: values.optionalText(), char_start: values.integer(),
                char_end: values.integer(), text_layer: values.text(),
                ocr_confidence: values.full ? 93.4 + Double(values.integer()) / 7 : nil)
        }
        let versions =
            values.full ? ["poppler": values.text(), "é": values.text(), "Z": values.text(), "a_b": ""] : [:]
        return SourceDocumentRecord(
            id: values.text(), sha256: values.optionalText(), file_name: values.text(),
            media_type: values.optionalText(),
            byte_size: values.integer(), page_count: values.optionalInteger(), producer: values.optionalText(),
            creator: values.optionalText(), text_layer: values.optionalText(), text_sha256: values.text(), pages: pages,
            language: values.optionalText(), status: values.text(), pipeline_version: values.text(),
            config_hash: values.optionalText(), extractor_versions: versions)
    }

    static func meeting(_ values: inout Values) -> MeetingRecord {
        MeetingRecord(
            id: values.text(), doc_id: values.text(), body_name: values.optionalText(),
            body_abbr: values.optionalText(),
            organisation: values.optionalText(), protocol_kind: values.optionalText(), date: values.optionalText(),
            start_time: values.optionalText(), end_time: values.optionalText(), time_raw: values.optionalText(),
            place: values.optionalText(), dnr: values.texts(),
            item_range: values.optional { values in
                MeetingRecord.ItemRange(from: values.optionalText(), to: values.optionalText(), raw: values.text())
            },
            chair: values.optional(person), secretary: values.optional(person), adjusters: values.array(person),
            adjustment: values.optional { values in
                MeetingRecord.Adjustment(
                    place: values.optionalText(), date: values.optionalText(), time: values.optionalText(),
                    raw: values.text())
            },
            posting: values.optional { values in
                MeetingRecord.Posting(posted: values.optionalText(), removed: values.optionalText(), raw: values.text())
            },
            storage_place: values.optionalText(), prov: provenance(&values))
    }

    static func participant(_ values: inout Values) -> ParticipantRecord {
        ParticipantRecord(
            id: values.text(), meeting_id: values.text(), person: person(&values), group: values.text(),
            group_raw: values.optionalText(), status: values.text(), roles: values.texts(), roles_raw: values.texts(),
            title_raw: values.optionalText(), voting_right: values.full ? true : nil,
            substitutes_for: values.optional(person),
            presence: values.array { values in
                ParticipantRecord.Presence(
                    kind: values.text(), from: values.optionalText(), to: values.optionalText(),
                    present: values.integer() % 2 == 0, raw: values.text())
            },
            remote: values.full ? false : nil, prov: provenance(&values))
    }

    static func agendaItem(_ values: inout Values) -> AgendaItemRecord {
        AgendaItemRecord(
            id: values.text(), meeting_id: values.text(), seq: values.integer(), number_raw: values.text(),
            number: values.text(), number_int: values.optionalInteger(), number_prefix: values.optionalText(),
            number_suffix: values.optionalText(), title: values.text(),
            dnr: values.array { values in
                AgendaItemRecord.DiaryNumber(raw: values.text(), normalized: values.optionalText())
            },
            presenters: values.array(person),
            sections: values.array { values in
                AgendaItemRecord.Section(
                    heading: values.text(), char_start: values.integer(), char_end: -values.integer())
            },
            body_text: values.text(), prior_handling: values.texts(), distribution: values.texts(),
            prov: provenance(&values))
    }

    static func decision(_ values: inout Values) -> DecisionRecord {
        DecisionRecord(
            id: values.text(), item_id: values.text(), index: values.integer(), label_raw: values.optionalText(),
            deciding_body_raw: values.optionalText(), formula_raw: values.optionalText(), text: values.text(),
            kind: values.text(), prov: provenance(&values))
    }

    static func statement(_ values: inout Values) -> StatementRecord {
        StatementRecord(
            id: values.text(), item_id: values.text(), kind: values.text(), authors: values.array(person),
            author_groups: values.texts(), text: values.text(), vote_event_id: values.optionalText(),
            prov: provenance(&values))
    }

    static func voteEvent(_ values: inout Values) -> VoteEventRecord {
        VoteEventRecord(
            id: values.text(), item_id: values.text(), seq: values.integer(), question_raw: values.optionalText(),
            yes_means: values.optionalText(), no_means: values.optionalText(),
            counts: values.array { values in
                VoteEventRecord.Count(option: values.text(), value: values.integer(), option_raw: values.text())
            },
            counts_source: values.text(), result: values.optionalText(), result_raw: values.optionalText(),
            prov: provenance(&values))
    }

    static func vote(_ values: inout Values) -> VoteRecord {
        VoteRecord(
            id: values.text(), vote_event_id: values.text(), voter: person(&values), option: values.text(),
            option_raw: values.text(), role: values.optionalText(), prov: provenance(&values))
    }

    static func signature(_ values: inout Values) -> SignatureRecord {
        SignatureRecord(
            id: values.text(), meeting_id: values.text(), role: values.text(), role_raw: values.optionalText(),
            signer: values.optional(person), method: values.text(), signed_at: values.optionalText(),
            provider_raw: values.optionalText(), prov: provenance(&values))
    }

    static func furniture(_ values: inout Values) -> FurnitureRecord {
        FurnitureRecord(
            id: values.text(), doc_id: values.text(), kind: values.text(), text: values.text(),
            page: values.optionalInteger(), rule: values.text(), score: Double(values.integer()) / 3,
            prov: provenance(&values))
    }

    static func parseIssue(_ values: inout Values) -> ParseIssueRecord {
        ParseIssueRecord(
            id: values.text(), doc_id: values.text(), related_id: values.optionalText(), severity: values.text(),
            code: values.text(), message: values.text(), prov: values.optional(provenance))
    }
}

extension RecordSamples {
    /// Paths of optionals that are `nil` and collections that are empty, anywhere in `value`.
    static func unfilledPaths(in value: Any, path: String = "") -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return [path] }
            return unfilledPaths(in: wrapped.value, path: path)
        case .collection, .dictionary:
            guard !mirror.children.isEmpty else { return [path] }
            return mirror.children.prefix(1).flatMap { unfilledPaths(in: $0.value, path: path + "[0]") }
        default:
            return mirror.children.flatMap { unfilledPaths(in: $0.value, path: path + "." + ($0.label ?? "?")) }
        }
    }

    /// Paths of optionals that are set and collections that are not empty, anywhere in `value`.
    static func filledOptionalPaths(in value: Any, path: String = "") -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.isEmpty ? [] : [path]
        case .collection, .dictionary:
            return mirror.children.isEmpty ? [] : [path]
        default:
            return mirror.children.flatMap { filledOptionalPaths(in: $0.value, path: path + "." + ($0.label ?? "?")) }
        }
    }
}
