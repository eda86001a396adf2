/// What a box on a page (or a span in a DOCX text flow) stands for, and how it is drawn.
///
/// Each kind has its own colour, taken from the Okabe–Ito palette so the kinds stay apart
/// for readers with the common colour-vision deficiencies; the legend in every report names
/// them.
public enum OverlayKind: String, Sendable, CaseIterable {
    case meeting
    /// The heading of an agenda item (its number and title), not the whole item.
    case item
    case decision
    case statement
    /// A vote: the list of a `vote_event`, and each named voter's `vote` line inside it.
    case vote
    /// An attendance entry (`participant`).
    case participant
    case signature
    /// A line removed as page furniture, struck through and labelled with its rule.
    case furniture
    /// A `parse_issue`, drawn as a pin.
    case issue

    /// The colour of boxes, tags and the legend swatch.
    public var color: String {
        switch self {
        case .meeting: "#555555"
        case .item: "#0072B2"
        case .decision: "#009E73"
        case .statement: "#56B4E9"
        case .vote: "#E69F00"
        case .participant: "#CC79A7"
        case .signature: "#7A4E00"
        case .furniture: "#D55E00"
        case .issue: "#C00000"
        }
    }

    /// The legend's wording.
    public var title: String {
        switch self {
        case .meeting: "meeting head"
        case .item: "agenda-item heading"
        case .decision: "decision"
        case .statement: "statement (reservation, note)"
        case .vote: "vote list / vote"
        case .participant: "attendance entry"
        case .signature: "signature"
        case .furniture: "furniture (removed)"
        case .issue: "parse issue"
        }
    }

    /// The kind a public record is drawn as; `nil` for records that stand for the whole
    /// document (`source_document`, `canonical_text`).
    init?(recordType: String) {
        switch recordType {
        case "meeting": self = .meeting
        case "agenda_item": self = .item
        case "decision": self = .decision
        case "statement": self = .statement
        case "vote_event", "vote": self = .vote
        case "participant": self = .participant
        case "signature": self = .signature
        case "furniture": self = .furniture
        case "parse_issue": self = .issue
        default: return nil
        }
    }
}
