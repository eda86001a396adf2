public import ProtokollModel

/// One line of the public output (`v` 1): what analysts read. See `docs/records.md` and the
/// JSON Schemas in `schema/v1/`.
///
/// The segment stage also writes one `canonical_text` line per document, which
/// `protokoll-emit` stores beside the records (`<name>.txt`) instead of passing it on.
public enum PublicRecord: Sendable, Equatable {
    case sourceDocument(SourceDocumentRecord)
    case meeting(MeetingRecord)
    case participant(ParticipantRecord)
    case agendaItem(AgendaItemRecord)
    case decision(DecisionRecord)
    case statement(StatementRecord)
    case voteEvent(VoteEventRecord)
    case vote(VoteRecord)
    case signature(SignatureRecord)
    case furniture(FurnitureRecord)
    case parseIssue(ParseIssueRecord)
    case canonicalText(CanonicalTextRecord)

    public static let version = 1
}

/// The document's canonical text, carried from segment to emit.
public struct CanonicalTextRecord: Codable, Sendable, Equatable {
    public var v = PublicRecord.version
    public var doc_id: String
    public var text: String
}

extension PublicRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case type
    }

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case sourceDocument = "source_document"
        case meeting, participant
        case agendaItem = "agenda_item"
        case decision, statement
        case voteEvent = "vote_event"
        case vote, signature, furniture
        case parseIssue = "parse_issue"
        case canonicalText = "canonical_text"
    }

    public var kind: Kind {
        switch self {
        case .sourceDocument: .sourceDocument
        case .meeting: .meeting
        case .participant: .participant
        case .agendaItem: .agendaItem
        case .decision: .decision
        case .statement: .statement
        case .voteEvent: .voteEvent
        case .vote: .vote
        case .signature: .signature
        case .furniture: .furniture
        case .parseIssue: .parseIssue
        case .canonicalText: .canonicalText
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .type) {
        case .sourceDocument: self = .sourceDocument(try SourceDocumentRecord(from: decoder))
        case .meeting: self = .meeting(try MeetingRecord(from: decoder))
        case .participant: self = .participant(try ParticipantRecord(from: decoder))
        case .agendaItem: self = .agendaItem(try AgendaItemRecord(from: decoder))
        case .decision: self = .decision(try DecisionRecord(from: decoder))
        case .statement: self = .statement(try StatementRecord(from: decoder))
        case .voteEvent: self = .voteEvent(try VoteEventRecord(from: decoder))
        case .vote: self = .vote(try VoteRecord(from: decoder))
        case .signature: self = .signature(try SignatureRecord(from: decoder))
        case .furniture: self = .furniture(try FurnitureRecord(from: decoder))
        case .parseIssue: self = .parseIssue(try ParseIssueRecord(from: decoder))
        case .canonicalText: self = .canonicalText(try CanonicalTextRecord(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .type)
        switch self {
        case .sourceDocument(let value): try value.encode(to: encoder)
        case .meeting(let value): try value.encode(to: encoder)
        case .participant(let value): try value.encode(to: encoder)
        case .agendaItem(let value): try value.encode(to: encoder)
        case .decision(let value): try value.encode(to: encoder)
        case .statement(let value): try value.encode(to: encoder)
        case .voteEvent(let value): try value.encode(to: encoder)
        case .vote(let value): try value.encode(to: encoder)
        case .signature(let value): try value.encode(to: encoder)
        case .furniture(let value): try value.encode(to: encoder)
        case .parseIssue(let value): try value.encode(to: encoder)
        case .canonicalText(let value): try value.encode(to: encoder)
        }
    }
}

extension CanonicalTextRecord {
    /// This record's members in its `PublicRecord` line, `type` included, in sorted key order.
    func writeRecordJSON(to json: inout JSONObjectWriter) {
        json.string("doc_id", doc_id)
        json.string("text", text)
        json.string("type", PublicRecord.Kind.canonicalText.rawValue)
        json.integer("v", v)
    }
}

/// Every record writes its own line's members, `type` among them where it sorts, so
/// `NDJSON.line` needs no `Encodable` traversal for the public records.
extension PublicRecord: JSONObjectWritable {
    public func writeJSON(to json: inout JSONObjectWriter) {
        switch self {
        case .sourceDocument(let value): value.writeRecordJSON(to: &json)
        case .meeting(let value): value.writeRecordJSON(to: &json)
        case .participant(let value): value.writeRecordJSON(to: &json)
        case .agendaItem(let value): value.writeRecordJSON(to: &json)
        case .decision(let value): value.writeRecordJSON(to: &json)
        case .statement(let value): value.writeRecordJSON(to: &json)
        case .voteEvent(let value): value.writeRecordJSON(to: &json)
        case .vote(let value): value.writeRecordJSON(to: &json)
        case .signature(let value): value.writeRecordJSON(to: &json)
        case .furniture(let value): value.writeRecordJSON(to: &json)
        case .parseIssue(let value): value.writeRecordJSON(to: &json)
        case .canonicalText(let value): value.writeRecordJSON(to: &json)
        }
    }
}
