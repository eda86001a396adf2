import ProtokollSegment

extension PublicRecord {
    /// The record's `prov`, when it has one.
    var provenance: Provenance? {
        switch self {
        case .meeting(let value): value.prov
        case .participant(let value): value.prov
        case .agendaItem(let value): value.prov
        case .decision(let value): value.prov
        case .statement(let value): value.prov
        case .voteEvent(let value): value.prov
        case .vote(let value): value.prov
        case .signature(let value): value.prov
        case .furniture(let value): value.prov
        case .parseIssue(let value): value.prov
        case .sourceDocument, .canonicalText: nil
        }
    }

    /// The record's `id`.
    var recordID: String {
        switch self {
        case .sourceDocument(let value): value.id
        case .meeting(let value): value.id
        case .participant(let value): value.id
        case .agendaItem(let value): value.id
        case .decision(let value): value.id
        case .statement(let value): value.id
        case .voteEvent(let value): value.id
        case .vote(let value): value.id
        case .signature(let value): value.id
        case .furniture(let value): value.id
        case .parseIssue(let value): value.id
        case .canonicalText(let value): value.doc_id
        }
    }

    /// One line that tells a reader which record this is and what it says, in the words of
    /// the protocol where there are some: "§ 12/24 Val av justerare …", "Carin Nilsson (s)
    /// Umeå kommun — member, partial".
    var summary: String {
        let text: String
        switch self {
        case .sourceDocument(let value):
            text = "\(value.file_name) — \(value.status)"
        case .meeting(let value):
            text = [value.body_name, value.date, value.time_raw, value.place].compactMap { $0 }.joined(separator: " · ")
        case .participant(let value):
            text = "\(value.person.name_raw) — \(value.group), \(value.status)"
        case .agendaItem(let value):
            text = "\(value.number_raw) \(value.title)"
        case .decision(let value):
            text = "\(value.kind): \(value.text)"
        case .statement(let value):
            let authors = value.authors.map(\.name) + value.author_groups
            text = "\(value.kind)\(authors.isEmpty ? "" : " (\(authors.joined(separator: ", ")))"): \(value.text)"
        case .voteEvent(let value):
            let counts = value.counts.map { "\($0.option_raw) \($0.value)" }.joined(separator: ", ")
            text = "vote \(value.seq): \(counts.isEmpty ? "no counts" : counts)\(value.result.map { " → \($0)" } ?? "")"
        case .vote(let value):
            text = "\(value.voter.name_raw) → \(value.option_raw)"
        case .signature(let value):
            text = "\(value.role_raw ?? value.role): \(value.signer?.name ?? "unsigned") (\(value.method))"
        case .furniture(let value):
            text = "\(value.rule): \(value.text)"
        case .parseIssue(let value):
            text = "\(value.severity) \(value.code): \(value.message)"
        case .canonicalText:
            text = "canonical text"
        }
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 180 ? String(flat.prefix(179)) + "…" : flat
    }
}
