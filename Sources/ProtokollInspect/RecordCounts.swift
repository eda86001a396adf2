import ProtokollSegment

/// How many of the records that matter for a quick audit a document has; the report's
/// header and the run index show the same numbers.
public struct RecordCounts: Sendable, Equatable {
    public var items = 0
    public var attendees = 0
    public var decisions = 0
    /// Vote events (omröstningar), not the named votes in them.
    public var votes = 0
    public var furniture = 0
    public var parseIssues = 0
    /// Parse issues of severity `error`: the document failed.
    public var errors = 0

    public init() {}

    init(_ records: [PublicRecord]) {
        for record in records {
            var severity: String?
            if case .parseIssue(let issue) = record { severity = issue.severity }
            add(type: record.kind.rawValue, severity: severity)
        }
    }

    /// Counts one record by its `type` (and a parse issue's `severity`).
    public mutating func add(type: String, severity: String? = nil) {
        switch type {
        case "agenda_item": items += 1
        case "participant": attendees += 1
        case "decision": decisions += 1
        case "vote_event": votes += 1
        case "furniture": furniture += 1
        case "parse_issue":
            parseIssues += 1
            if severity == "error" { errors += 1 }
        default: break
        }
    }
}
