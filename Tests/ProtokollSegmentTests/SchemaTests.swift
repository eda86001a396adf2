import Foundation
import ProtokollModel
import ProtokollSegment
import TestSupport
import Testing

/// The public v1 contract: the JSON Schemas in `schema/v1/`, the validator that reads them,
/// one hand-written line per record type, and every line the pipeline emits for the samples.
struct SchemaTests {
    static let folder = Fixtures.root.appendingPathComponent("schema/v1")
    static let loaded = Result { try JSONSchemaValidator(folder: folder) }

    var validator: JSONSchemaValidator { get throws { try Self.loaded.get() } }

    // MARK: - The schema files

    @Test func everySchemaFileLoads() throws {
        let publicKinds = PublicRecord.Kind.allCases.filter { $0 != .canonicalText }
        let expected = publicKinds.map { "\($0.rawValue).schema.json" } + ["defs.schema.json", "record.schema.json"]
        #expect(try validator.schemaNames == expected.sorted())
    }

    /// `canonical_text` travels from segment to emit only; `record.schema.json` refuses it.
    @Test func canonicalTextIsNotPublic() throws {
        let line = #"{"type":"canonical_text","v":1,"doc_id":"sha256:3e11c9749367ccd8","text":"1. Godkännande"}"#
        #expect(try !validator.validate(line: line, against: "record.schema.json").isEmpty)
    }

    // MARK: - The validator

    @Test func acceptsAValidLine() throws {
        let vote = try Self.example("vote")
        #expect(try validator.validate(vote, against: "vote.schema.json") == [])
        #expect(try validator.validate(vote, against: "record.schema.json") == [])
    }

    @Test func rejectsAMissingRequiredKey() throws {
        let vote = try Self.example("vote") { $0["option_raw"] = nil }
        #expect(try messages(vote, "vote") == ["/option_raw: required key missing"])
    }

    @Test func rejectsAnExtraKey() throws {
        let vote = try Self.example("vote") { $0["comment"] = "Reservation" }
        #expect(try messages(vote, "vote") == ["/comment: unexpected key (not in the schema)"])
    }

    @Test func rejectsAnExtraKeyInANestedObject() throws {
        let vote = try Self.example("vote") { $0["prov"] = Self.merging($0["prov"], ["bbox": [88, 34]]) }
        #expect(try messages(vote, "vote") == ["/prov/bbox: unexpected key (not in the schema)"])
    }

    @Test func rejectsAWrongType() throws {
        let vote = try Self.example("vote") { $0["prov"] = Self.merging($0["prov"], ["char_start": "8637"]) }
        #expect(try messages(vote, "vote") == ["/prov/char_start: expected integer, got string"])
    }

    /// Foundation on Linux casts a parsed `1` to `Bool` and `true` to `Int`; the validator must
    /// still tell integer, number, boolean and null apart.
    @Test(arguments: [("1.5", "number"), ("true", "boolean"), ("null", "null")])
    func integerIsNeitherFractionNorBooleanNorNull(value: String, typeName: String) throws {
        let line = try Self.exampleLine("vote").replacingOccurrences(
            of: #""char_start": 8637"#, with: #""char_start": \#(value)"#)
        #expect(
            try validator.validate(line: line, against: "vote.schema.json").map(\.description) == [
                "/prov/char_start: expected integer, got \(typeName)"
            ])
    }

    @Test func rejectsNullWhereNoNullIsAllowed() throws {
        let vote = try Self.example("vote") { $0["voter"] = NSNull() }
        #expect(try messages(vote, "vote") == ["/voter: expected object, got null"])
    }

    @Test func rejectsAValueOutsideAnEnum() throws {
        let vote = try Self.example("vote") { $0["option"] = "nej" }
        #expect(
            try messages(vote, "vote") == [
                #"/option: "nej" is not one of "yes", "no", "abstain", "absent", "not voting""#
            ])
    }

    @Test func rejectsABadDate() throws {
        let meeting = try Self.example("meeting") { $0["date"] = "2024-3-1" }
        #expect(
            try messages(meeting, "meeting") == [
                #"/date: "2024-3-1" does not match ^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#
            ])
    }

    @Test func rejectsAnIDWithoutTheDocumentHash() throws {
        let vote = try Self.example("vote") { $0["id"] = "i/5/v/1/b/8" }
        #expect(try messages(vote, "vote").first?.hasPrefix(#"/id: "i/5/v/1/b/8" does not match"#) == true)
    }

    @Test func rejectsAnotherVersion() throws {
        let vote = try Self.example("vote") { $0["v"] = 2 }
        #expect(try messages(vote, "vote") == ["/v: expected 1, got 2"])
    }

    @Test func rejectsAPageBelowOne() throws {
        let vote = try Self.example("vote") { $0["prov"] = Self.merging($0["prov"], ["page": 0]) }
        #expect(try messages(vote, "vote") == ["/prov/page: 0 is less than the minimum 1"])
    }

    /// A `type` that names no record type matches none of `record.schema.json`'s alternatives,
    /// and the report names the closest one and its one complaint.
    @Test func rejectsAWrongRecordType() throws {
        let vote = try Self.example("vote") { $0["type"] = "votes" }
        #expect(
            try messages(vote, "record") == [
                "/: matches none of the 11 alternatives; the closest, vote.schema.json, fails:",
                #"/type: expected "vote", got "votes""#,
            ])
    }

    /// A record of the right type with one mistake is reported as that record's mistake.
    @Test func reportsTheClosestRecordType() throws {
        let statement = try Self.example("statement") { $0["kind"] = "reservationer" }
        let errors = try messages(statement, "record")
        #expect(errors.count == 2)
        #expect(errors.first == "/: matches none of the 11 alternatives; the closest, statement.schema.json, fails:")
        #expect(errors.last?.hasPrefix(#"/kind: "reservationer" is not one of "reservation""#) == true)
    }

    /// A nullable person is `oneOf: [null, person_ref]`; an object with a bad field is
    /// reported against `person_ref`, not as "expected null".
    @Test func nullableObjectReportsTheObjectsError() throws {
        let signature = try Self.example("signature") {
            $0["signer"] = Self.merging($0["signer"], ["party_scheme": "lokal"])
        }
        let errors = try messages(signature, "signature")
        #expect(errors.count == 2)
        #expect(errors.last?.hasPrefix(#"/signer/party_scheme: "lokal" is not one of"#) == true)
    }

    @Test func textThatIsNotJSONIsOneError() throws {
        #expect(
            try validator.validate(line: "{\"type\":", against: "record.schema.json").map(\.description) == [
                "/: not valid JSON"
            ])
    }

    @Test func unknownKeywordFailsLoading() throws {
        let error = #expect(throws: JSONSchemaValidator.LoadingError.self) {
            try Self.loadSchemas(["date.schema.json": #"{"type": "string", "format": "date"}"#])
        }
        #expect(error?.file == "date.schema.json")
        #expect(error?.message.hasPrefix("unknown keyword 'format'") == true)
    }

    @Test func unknownKeywordInANestedSchemaFailsLoading() throws {
        let error = #expect(throws: JSONSchemaValidator.LoadingError.self) {
            try Self.loadSchemas([
                "x.schema.json": #"{"type": "object", "properties": {"n": {"type": "integer", "exclusiveMinimum": 0}}}"#
            ])
        }
        #expect(error?.pointer == "/properties/n")
    }

    @Test func danglingReferenceFailsLoading() throws {
        let error = #expect(throws: JSONSchemaValidator.LoadingError.self) {
            try Self.loadSchemas(["x.schema.json": #"{"$ref": "defs.schema.json#/$defs/nothing"}"#])
        }
        #expect(error?.message == "$ref to a missing file: defs.schema.json#/$defs/nothing")
    }

    // MARK: - One hand-written line per record type

    @Test func everyPublicTypeHasAnExample() {
        let publicKinds = PublicRecord.Kind.allCases.filter { $0 != .canonicalText }.map(\.rawValue)
        #expect(Self.examples.map(\.type).sorted() == publicKinds.sorted())
    }

    /// Each example is valid on its own schema and on `record.schema.json`, and it survives
    /// the Swift types: decoded as a `PublicRecord` and encoded as `protokoll-emit` writes it,
    /// it is the same JSON and still valid. So the schema, the examples and the types agree on
    /// every key, and `@Null` fields are written as `null`, never left out.
    @Test(arguments: examples.map(\.type))
    func exampleIsValidAndMatchesTheSwiftTypes(type: String) throws {
        let line = try Self.exampleLine(type)
        #expect(try validator.validate(line: line, against: "\(type).schema.json").map(\.description) == [])
        #expect(try validator.validate(line: line, against: "record.schema.json").map(\.description) == [])

        let record = try NDJSON.decode(PublicRecord.self, from: line)
        #expect(record.kind.rawValue == type)
        let encoded = try NDJSON.line(record)
        #expect(try Self.canonicalJSON(encoded) == Self.canonicalJSON(Data(line.utf8)))
        #expect(
            try validator.validate(line: String(decoding: encoded, as: UTF8.self), against: "record.schema.json") == [])
    }

    // MARK: - Every line the pipeline emits

    static let samples = [
        "psvo-2024-03-01.pdf", "psvo-2024-03-01.docx", "orebro-2020-01-31.pdf",
        "lsvo-2021-06-04.pdf", "lsvo-2021-06-04.docx", "vasterbotten-2024-03-15.pdf",
    ]

    /// `protokoll-extract samples/NAME | protokoll-normalize | protokoll-segment | protokoll-emit`:
    /// every stage succeeds, every line on emit's stdout is a valid public record, and none is
    /// the internal `canonical_text` line.
    @Test(arguments: samples)
    func everyEmittedLineIsValid(name: String) throws {
        let run = try Self.runPipeline(on: "samples/\(name)")
        for (stage, result) in run.stages {
            #expect(result.status == ExitStatus.ok.rawValue, "protokoll-\(stage) failed on \(name): \(result.stderr)")
        }
        let records = try validRecords(emittedBy: run, for: name)
        #expect(records.filter { $0["type"] as? String == "source_document" }.count == 1)
    }

    /// A file that cannot be opened (an encrypted PDF) is still described: its `source_document`
    /// with a failure status and a `parse_issue` of severity `error`, both valid.
    @Test func failedDocumentIsDescribedByValidRecords() throws {
        let run = try Self.runPipeline(on: "Tests/Fixtures/pdf/encrypted-user.pdf")
        let records = try validRecords(emittedBy: run, for: "encrypted-user.pdf")
        #expect(records.map { $0["type"] as? String } == ["source_document", "parse_issue"])
        #expect(records.first?["status"] as? String == "encrypted")
        #expect(records.last?["severity"] as? String == "error")
    }

    /// A path with no bytes behind it still gets valid records: an id derived from its path,
    /// `sha256` null, and an error parse issue.
    @Test func missingFileIsDescribedByValidRecords() throws {
        let run = try Self.runPipeline(on: "samples/no-such-file.pdf")
        _ = try validRecords(emittedBy: run, for: "no-such-file.pdf")
    }

    struct PipelineRun {
        var stages: [(name: String, result: Executable.Result)]
        /// Emit's stdout.
        var emitted: String
    }

    /// The four stages, each reading the one before from stdin. Segment and emit run in a
    /// scratch folder so any `<name>.txt` they write stays out of the repository.
    static func runPipeline(on path: String) throws -> PipelineRun {
        let extracted = try Executable("protokoll-extract").run([path])
        let normalized = try Executable("protokoll-normalize").run([], input: extracted.stdout)
        let (segmented, emitted) = try Fixtures.withTemporaryDirectory { scratch in
            let segmented = try Executable("protokoll-segment").run([], in: scratch, input: normalized.stdout)
            return (segmented, try Executable("protokoll-emit").run([], in: scratch, input: segmented.stdout))
        }
        return PipelineRun(
            stages: [("extract", extracted), ("normalize", normalized), ("segment", segmented), ("emit", emitted)],
            emitted: emitted.stdoutText)
    }

    /// Checks every line of emit's stdout against `record.schema.json` and returns them parsed.
    private func validRecords(emittedBy run: PipelineRun, for name: String) throws -> [[String: Any]] {
        let text = run.emitted
        try #require(!text.isEmpty, "protokoll-emit wrote nothing for \(name)")
        #expect(text.hasSuffix("\n"), "\(name): the last line has no newline")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
        var records: [[String: Any]] = []
        for (number, line) in zip(1..., lines) {
            let errors = try validator.validate(line: line, against: "record.schema.json")
            #expect(
                errors.isEmpty, "\(name) line \(number): \(errors.map(\.description).joined(separator: "\n"))\n\(line)")
            let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            records.append(record ?? [:])
        }
        let types = records.map { $0["type"] as? String }
        #expect(!types.contains("canonical_text"), "\(name): canonical_text must not reach the public output")
        return records
    }

    // MARK: - Helpers

    private func messages(_ value: [String: Any], _ schema: String) throws -> [String] {
        try validator.validate(value, against: "\(schema).schema.json").map(\.description)
    }

    static func exampleLine(_ type: String) throws -> String {
        try #require(examples.first { $0.type == type }?.json, "no example for \(type)")
    }

    /// An example as `JSONSerialization` parses it, optionally edited to break one rule.
    static func example(_ type: String, _ edit: (inout [String: Any]) -> Void = { _ in }) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(try exampleLine(type).utf8))
        var object = try #require(parsed as? [String: Any])
        edit(&object)
        return object
    }

    /// The JSON re-serialised with sorted keys and no spaces, for comparing two texts of one value.
    static func canonicalJSON(_ data: Data) throws -> String {
        let value = try JSONSerialization.jsonObject(with: data)
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try JSONSerialization.data(withJSONObject: value, options: options), as: UTF8.self)
    }

    static func merging(_ object: Any?, _ changes: [String: Any]) -> [String: Any] {
        (object as? [String: Any] ?? [:]).merging(changes) { $1 }
    }

    /// A validator loaded from a schema folder holding just `files`.
    static func loadSchemas(_ files: [String: String]) throws -> JSONSchemaValidator {
        try Fixtures.withTemporaryDirectory { folder in
            for (name, text) in files {
                try Data(text.utf8).write(to: folder.appendingPathComponent(name))
            }
            return try JSONSchemaValidator(folder: folder)
        }
    }
}

// MARK: - The examples

extension SchemaTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var type: String
        var json: String
        var testDescription: String { type }
    }

    /// One complete line per record type, from the samples: Västerbotten 2024-03-15 (the vote,
    /// the reservation, the Comfact signing page), PSVO 2024-03-01 (the meeting head) and the
    /// encrypted test PDF. Offsets and quotes are those of the canonical texts, except that the
    /// agenda item's `body_text` and `quote` are cut short with "…". `docs/records.md` shows
    /// these same lines.
    static let examples: [Example] = [
        Example(
            type: "source_document",
            json: #"""
                {"type": "source_document", "v": 1, "id": "sha256:3e11c9749367ccd8",
                 "sha256": "3e11c9749367ccd8f67b45ac0472ad998f9c1a9f6a323a8301d3af12e9b27bfc",
                 "file_name": "vasterbotten-2024-03-15.pdf", "media_type": "application/pdf", "byte_size": 92076,
                 "page_count": 11, "producer": "ReportLab PDF Library - (opensource)",
                 "creator": "protokoll scripts/samples (reportlab canvas)", "text_layer": "pdf_text",
                 "text_sha256": "e8adcdbe7bbe753e8463be31ebeca8b11178e319c652c07847a3b820c196ada2",
                 "pages": [
                   {"page": 1, "label_raw": "1(10 )", "char_start": 0, "char_end": 2000,
                    "text_layer": "pdf_text", "ocr_confidence": null},
                   {"page": 2, "label_raw": "2(10 )", "char_start": 2002, "char_end": 5704,
                    "text_layer": "pdf_text", "ocr_confidence": null},
                   {"page": 3, "label_raw": "3(10 )", "char_start": 5706, "char_end": 8324,
                    "text_layer": "pdf_text", "ocr_confidence": null},
                   {"page": 4, "label_raw": "4(10 )", "char_start": 8326, "char_end": 10505,
                    "text_layer": "pdf_text", "ocr_confidence": null},
                   {"page": 5, "label_raw": "5(10 )", "char_start": 10507, "char_end": 12272,
                    "text_layer": "pdf_text", "ocr_confidence": null},
                   {"page": 6, "label_raw": "6(10 )", "char_start": 12274, "char_end": 14862,
                    "text_layer": "pdf_text", "ocr_confidence": null},
                   {"page": 7, "label_raw": "7(10 )", "char_start": 14864, "char_end": 17518,
                    "text_layer": "pdf_text", "ocr_confidence": null},
                   {"page": 8, "label_raw": "8(10 )", "char_start": 17520, "char_end": 17617,
                    "text_layer": "pdf_text", "ocr_confidence": null},
                   {"page": 9, "label_raw": "9(10 )", "char_start": 17619, "char_end": 19172,
                    "text_layer": "pdf_text", "ocr_confidence": null},
                   {"page": 10, "label_raw": "10(10 )", "char_start": 19174, "char_end": 19766,
                    "text_layer": "pdf_text", "ocr_confidence": null},
                   {"page": 11, "label_raw": null, "char_start": 19766, "char_end": 19766,
                    "text_layer": "pdf_text", "ocr_confidence": null}],
                 "language": "sv", "status": "ok", "pipeline_version": "0.1.0", "config_hash": null,
                 "extractor_versions": {"poppler": "22.12.0"}}
                """#),
        Example(
            type: "meeting",
            json: #"""
                {"type": "meeting", "v": 1, "id": "sha256:9d9305ecb2684438/m", "doc_id": "sha256:9d9305ecb2684438",
                 "body_name": "Politisk samverkan vård och omsorg (PSVO)", "body_abbr": "PSVO",
                 "organisation": "Region Blekinge", "protocol_kind": "protokoll", "date": "2024-03-01",
                 "start_time": "13:00", "end_time": "16:00", "time_raw": "den 1 mars 2024, klockan 13:00-16:00",
                 "place": "Konferensrum Näsvisen Karlshamns sjukhus", "dnr": [],
                 "item_range": {"from": "12", "to": "22", "raw": "Paragraf 12 - 22"},
                 "chair": {"name": "Anders Lund", "name_raw": "Anders Lund (M) ordförande",
                   "person_key": "anders-lund|M", "party_raw": "(M)", "party_code": "M", "party_scheme": "national",
                   "represents": null},
                 "secretary": {"name": "Bodil Sundlöf", "name_raw": "Bodil Sundlöf, sekreterare",
                   "person_key": "bodil-sundlof|", "party_raw": null, "party_code": null, "party_scheme": "unknown",
                   "represents": null},
                 "adjusters": [{"name": "Therese Åberg", "name_raw": "Therese Åberg (M)",
                   "person_key": "therese-aberg|M", "party_raw": "(M)", "party_code": "M", "party_scheme": "national",
                   "represents": null}],
                 "adjustment": {"place": null, "date": "2024-03-15", "time": "16:00",
                   "raw": "Digital justering senast 2024-03-15 kl. 16.00"},
                 "posting": null, "storage_place": null,
                 "prov": {"page": 1, "page_label": "Sida 1 av 7", "char_start": 73, "char_end": 166,
                   "quote": "Plats och tid:\tKonferensrum Näsvisen Karlshamns sjukhus, den 1 mars\n2024, klockan 13:00-16:00",
                   "text_layer": "pdf_text"}}
                """#),
        Example(
            type: "participant",
            json: #"""
                {"type": "participant", "v": 1, "id": "sha256:3e11c9749367ccd8/pa/1",
                 "meeting_id": "sha256:3e11c9749367ccd8/m",
                 "person": {"name": "Carin Nilsson",
                   "name_raw": "Carin Nilsson (s) Umeå kommun, ordförande (frånvarande eftermiddag)",
                   "person_key": "carin-nilsson|S", "party_raw": "(s)", "party_code": "S", "party_scheme": "national",
                   "represents": "Umeå kommun"},
                 "group": "member", "group_raw": "Närvarande Samråd hälsa, vård och omsorg", "status": "partial",
                 "roles": ["chair", "member"], "roles_raw": ["ordförande"], "title_raw": null, "voting_right": true,
                 "substitutes_for": null,
                 "presence": [{"kind": "session", "from": null, "to": null, "present": false,
                   "raw": "frånvarande eftermiddag"}],
                 "remote": null,
                 "prov": {"page": 9, "page_label": "9(10 )", "char_start": 17661, "char_end": 17728,
                   "quote": "Carin Nilsson (s) Umeå kommun, ordförande (frånvarande eftermiddag)", "text_layer": "pdf_text"}}
                """#),
        Example(
            type: "agenda_item",
            json: #"""
                {"type": "agenda_item", "v": 1, "id": "sha256:3e11c9749367ccd8/i/5",
                 "meeting_id": "sha256:3e11c9749367ccd8/m", "seq": 4, "number_raw": "5.", "number": "5",
                 "number_int": 5, "number_prefix": null, "number_suffix": null,
                 "title": "Hantering gällande vaccinationsfrågor i kommunerna", "dnr": [],
                 "presenters": [
                   {"name": "Isabell Zembrén", "name_raw": "Isabell Zembrén områdeschef närsjukvård Södra Lappland",
                    "person_key": "isabell-zembren|", "party_raw": null, "party_code": null, "party_scheme": "unknown",
                    "represents": null},
                   {"name": "Katarzyna Wikström", "name_raw": "Katarzyna Wikström socialchef Skellefteå kommun",
                    "person_key": "katarzyna-wikstrom|", "party_raw": null, "party_code": null,
                    "party_scheme": "unknown", "represents": null},
                   {"name": "Dan Thorn", "name_raw": "Dan Thorn vaccinsamordnare Region Västerbotten",
                    "person_key": "dan-thorn|", "party_raw": null, "party_code": null, "party_scheme": "unknown",
                    "represents": null},
                   {"name": "Åsa Bygdeson", "name_raw": "Åsa Bygdeson, MAS Skellefteå kommun",
                    "person_key": "asa-bygdeson|", "party_raw": null, "party_code": null, "party_scheme": "unknown",
                    "represents": null}],
                 "sections": [
                   {"heading": "Bifall", "char_start": 8359, "char_end": 8365},
                   {"heading": "Avslag", "char_start": 8629, "char_end": 8635},
                   {"heading": "Protokollsanteckning ärende 5 Hantering gällande vaccinationsfrågor i kommunerna",
                    "char_start": 9051, "char_end": 9131},
                   {"heading": "Avstod att rösta", "char_start": 10507, "char_end": 10523},
                   {"heading": "Frånvarande", "char_start": 10707, "char_end": 10718}],
                 "body_text": "5. Hantering gällande vaccinationsfrågor i kommunerna\n\nBeslutsärende\n\nFöredragande: Isabell Zembrén områdeschef närsjukvård Södra Lappland, Katarzyna Wikström\nsocialchef Skellefteå kommun, Dan Thorn vaccinsamordnare Region Västerbotten, Åsa\nBygdeson, MAS Skellefteå kommun\n\nBakgrund och nuläge: Vaccination mot covid-19 inom Västerbotten gällande individer inom\n…",
                 "prior_handling": [], "distribution": [],
                 "prov": {"page": 2, "page_label": "2(10 )", "char_start": 4216, "char_end": 11076,
                   "quote": "5. Hantering gällande vaccinationsfrågor i kommunerna\n\nBeslutsärende\n\n…",
                   "text_layer": "pdf_text"}}
                """#),
        Example(
            type: "decision",
            json: #"""
                {"type": "decision", "v": 1, "id": "sha256:3e11c9749367ccd8/i/7/d/1",
                 "item_id": "sha256:3e11c9749367ccd8/i/7", "index": 1, "label_raw": null,
                 "deciding_body_raw": "Samråd hälsa, vård och omsorg", "formula_raw": "beslutade",
                 "text": "att bordlägga ärendet till kommande möte", "kind": "table",
                 "prov": {"page": 5, "page_label": "5(10 )", "char_start": 11602, "char_end": 11683,
                   "quote": "Samråd hälsa, vård och omsorg beslutade att bordlägga ärendet till kommande möte.",
                   "text_layer": "pdf_text"}}
                """#),
        Example(
            type: "statement",
            json: #"""
                {"type": "statement", "v": 1, "id": "sha256:3e11c9749367ccd8/i/5/s/1",
                 "item_id": "sha256:3e11c9749367ccd8/i/5", "kind": "reservation",
                 "authors": [{"name": "Magnus Eriksson", "name_raw": "Magnus Eriksson (s) Norsjö kommun",
                   "person_key": "magnus-eriksson|S", "party_raw": "(s)", "party_code": "S", "party_scheme": "national",
                   "represents": "Norsjö kommun"}],
                 "author_groups": ["S"],
                 "text": "Jag anser att samrådet inte har mandat att besluta i frågor som de inte råder samsyn kring. Samrådet kan inte överta beslutsrätten från respektive kommun eller regionen.",
                 "vote_event_id": "sha256:3e11c9749367ccd8/i/5/v/1",
                 "prov": {"page": 4, "page_label": "4(10 )", "char_start": 8672, "char_end": 8854,
                   "quote": "Reservation: Jag anser att samrådet inte har mandat att\nbesluta i frågor som de inte råder samsyn kring. Samrådet kan inte överta beslutsrätten från\nrespektive kommun eller regionen.",
                   "text_layer": "pdf_text"}}
                """#),
        Example(
            type: "vote_event",
            json: #"""
                {"type": "vote_event", "v": 1, "id": "sha256:3e11c9749367ccd8/i/5/v/1",
                 "item_id": "sha256:3e11c9749367ccd8/i/5", "seq": 1,
                 "question_raw": null, "yes_means": null, "no_means": null,
                 "counts": [{"option": "yes", "value": 7, "option_raw": "Bifall"},
                   {"option": "no", "value": 5, "option_raw": "Avslag"},
                   {"option": "abstain", "value": 4, "option_raw": "Avstod att rösta"},
                   {"option": "absent", "value": 9, "option_raw": "Frånvarande"}],
                 "counts_source": "derived_from_names", "result": "pass", "result_raw": null,
                 "prov": {"page": 4, "page_label": "4(10 )", "char_start": 8326, "char_end": 8357,
                   "quote": "Röstningen utföll enligt nedan:", "text_layer": "pdf_text"}}
                """#),
        Example(
            type: "vote",
            json: #"""
                {"type": "vote", "v": 1, "id": "sha256:3e11c9749367ccd8/i/5/v/1/b/8",
                 "vote_event_id": "sha256:3e11c9749367ccd8/i/5/v/1",
                 "voter": {"name": "Magnus Eriksson", "name_raw": "Magnus Eriksson (s) Norsjö kommun",
                   "person_key": "magnus-eriksson|S", "party_raw": "(s)", "party_code": "S", "party_scheme": "national",
                   "represents": "Norsjö kommun"},
                 "option": "no", "option_raw": "Avslag", "role": null,
                 "prov": {"page": 4, "page_label": "4(10 )", "char_start": 8637, "char_end": 8670,
                   "quote": "Magnus Eriksson (s) Norsjö kommun", "text_layer": "pdf_text"}}
                """#),
        Example(
            type: "signature",
            json: #"""
                {"type": "signature", "v": 1, "id": "sha256:3e11c9749367ccd8/sig/3",
                 "meeting_id": "sha256:3e11c9749367ccd8/m", "role": "chair", "role_raw": "ordförande",
                 "signer": {"name": "Carin Nilsson", "name_raw": "NAMN:\tCarin Nilsson", "person_key": "carin-nilsson|",
                   "party_raw": null, "party_code": null, "party_scheme": "unknown", "represents": null},
                 "method": "electronic_visible", "signed_at": "2024-03-27T09:37:21+01:00",
                 "provider_raw": "Comfact Signature",
                 "prov": {"page": 11, "page_label": null, "char_start": 19766, "char_end": 19766,
                   "quote": "NAMN:\tCarin Nilsson", "text_layer": "pdf_text"}}
                """#),
        Example(
            type: "furniture",
            json: #"""
                {"type": "furniture", "v": 1, "id": "sha256:3e11c9749367ccd8/f/19",
                 "doc_id": "sha256:3e11c9749367ccd8", "kind": "running_header", "text": "Region Västerbotten",
                 "page": 4, "rule": "repeated_top", "score": 0.909,
                 "prov": {"page": 4, "page_label": "4(10 )", "char_start": 8326, "char_end": 8326,
                   "quote": "Region Västerbotten", "text_layer": "pdf_text"}}
                """#),
        Example(
            type: "parse_issue",
            json: #"""
                {"type": "parse_issue", "v": 1, "id": "sha256:cad67010a7ed6825/pi/1",
                 "doc_id": "sha256:cad67010a7ed6825", "related_id": "sha256:cad67010a7ed6825", "severity": "error",
                 "code": "encrypted",
                 "message": "cannot open PDF 'Tests/Fixtures/pdf/encrypted-user.pdf': it needs a user password",
                 "prov": null}
                """#),
    ]
}
