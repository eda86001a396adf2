import Foundation
import ProtokollModel

/// Reads attendance lists, wherever they stand (front matter, or the end of the document).
///
/// A list opens with a heading from `Vocabulary.attendanceHeadings`, either a line of its own
/// ("Närvarande ledamöter:") or a label with values after a tab or colon
/// ("Förhinder:<TAB>Bengt Jönsson (KD)", "Adjungerade: Monica Wahlström, FoU Socialtjänst").
/// Entries follow one per line; a line starting in lower case continues the entry above
/// (names and titles broken over lines). A bold role line ("Ordförande") gives the next entry
/// its role. The list ends at the next heading that is not a role, or a label of another kind.
struct AttendanceParser {
    struct Entry {
        var entry: PersonEntry
        var group: String
        var groupRaw: String
        var status: String
        var lines: [TextLine]
    }

    /// A range printed in a list heading ("Närvarande Länssamverkansgruppen (13-15)"):
    /// everyone in the list attended only that part. It names items when the protocol has
    /// items that far, else hours ("13-15" in a protocol of 14 items is kl 13–15).
    static func listPresence(_ heading: String, lastItem: Int) -> ParticipantRecord.Presence? {
        guard heading.containsBytes("("),
            let range = Patterns.range(of: #"\((?:§§?\s*)?\d{1,3}\s*[-–]\s*\d{1,3}\)"#, in: heading)
        else {
            return nil
        }
        let numbers = heading[range].split(whereSeparator: { !$0.isNumber }).map(String.init)
        let raw = String(heading[range]).trimmingCharacters(in: ["(", ")"])
        if let to = numbers.last.flatMap(Int.init), to > lastItem, to <= 24 {
            return .init(kind: "time", from: numbers.first.map { "\($0):00" }, to: "\(to):00", present: true, raw: raw)
        }
        return .init(kind: "items", from: numbers.first, to: numbers.last, present: true, raw: raw)
    }

    let input: SegmentInput

    /// The (group, status) and heading text of an attendance heading, or `nil`.
    static func heading(_ line: String) -> (group: String, status: String, raw: String)? {
        let label = line.firstPiece(separatedBy: ["\t"]).map(String.init) ?? line
        let head = (label.firstPiece(separatedBy: [":"]).map(String.init) ?? label).trimmingWhitespaces()
        guard mayOpenHeading(head), head.hasAtMostCharacters(60) else { return nil }
        let lower = head.quickLowercased()
        guard let match = Vocabulary.attendanceHeadings.first(where: { lower.hasTextPrefix($0.prefix) }) else {
            return nil
        }
        // "Närvarande ersättare: -" and "Frånvarande" open lists; "Närvarande ledamöter
        // beslutade …" is a sentence.
        if lower.count > match.prefix.count + 45 { return nil }
        return (match.group, match.status, head)
    }

    /// Whether `head` may start with a heading of `attendanceHeadings` once lowercased.
    static func mayOpenHeading(_ head: String) -> Bool {
        headingLeads.mayStart(head)
    }

    private static let headingLeads = PhraseLeads(Vocabulary.attendanceHeadings.map(\.prefix))

    /// - Parameters:
    ///   - blocks: The blocks to search (front and back matter).
    ///   - bodyName: The meeting's body, so "Närvarande <body>" is the members' list and
    ///     "Närvarande <another body>" a list of others.
    /// - Returns: The entries, and lines inside lists that could not be read as a person.
    ///   - lastItem: The highest item number in the protocol.
    func parse(blocks: [Int], bodyName: String?, lastItem: Int) -> (entries: [Entry], unparsed: [TextLine]) {
        var entries: [Entry] = []
        var unparsed: [TextLine] = []
        var current: (group: String, status: String, raw: String)?
        var pendingRole: String?
        let bodyWords = Set((bodyName ?? "").quickLowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))

        for blockIndex in blocks {
            let block = input.blocks[blockIndex]
            for line in input.lines(ofBlock: blockIndex) {
                var text = line.text
                if let found = Self.heading(text) {
                    current = found
                    let lower = found.raw.quickLowercased()
                    if lower.hasTextPrefix("närvarande") && !lower.hasTextPrefix("närvarande ledamöter")
                        && !lower.hasTextPrefix("närvarande ersättare")
                        && lower != "närvarande"
                    {
                        let words = Set(lower.split(whereSeparator: { !$0.isLetter }).map(String.init)).subtracting([
                            "närvarande"
                        ])
                        if words.intersection(bodyWords).count * 2 < words.count { current?.group = "other" }
                    }
                    if found.status != "present", let previous = entries.last, previous.group == "other",
                        found.group == "member"
                    {
                        current?.group = "other"
                    }
                    pendingRole = nil
                    guard let value = Self.value(after: text) else { continue }
                    text = value
                } else if current == nil {
                    continue
                } else if block.kind == .heading || block.bold,
                    let role = Vocabulary.roles.first(where: { line.lower == $0.word })
                {
                    pendingRole = role.word
                    continue
                } else if Self.isOtherLabel(text) || ItemHeading.parse(text) != nil || block.kind == .heading {
                    current = nil
                    continue
                }
                guard let list = current else { continue }
                if text.trimmingWhitespaces() == "-" { continue }
                if let first = text.first, first.isLowercase, var last = entries.popLast() {
                    last.lines.append(line)
                    let joined = last.lines.map(\.text).joined(separator: " ")
                    if let reparsed = PersonEntry.parse(Self.value(after: joined) ?? joined) {
                        last.entry = Self.merge(reparsed, keepingRolesOf: last.entry)
                    }
                    entries.append(last)
                    continue
                }
                // "Anna Ek (S) / Bo Ek (M)": several people on one line.
                let slashed = text.containsBytes(" / ") ? text.components(separatedBy: " / ") : [text]
                if slashed.count > 1, case let people = slashed.compactMap(PersonEntry.parse),
                    people.count == slashed.count
                {
                    for person in people {
                        entries.append(
                            Entry(
                                entry: person, group: list.group, groupRaw: list.raw, status: list.status, lines: [line]
                            ))
                    }
                    continue
                }
                guard var entry = PersonEntry.parse(text) else {
                    // A wrapped entry's tail ("Blekinge §18") continues the entry above.
                    if text.count <= 60, var last = entries.popLast(), last.groupRaw == list.raw,
                        last.lines.last?.block == line.block
                    {
                        last.lines.append(line)
                        let joined = last.lines.map(\.text).joined(separator: " ")
                        if let reparsed = PersonEntry.parse(Self.value(after: joined) ?? joined) {
                            last.entry = Self.merge(reparsed, keepingRolesOf: last.entry)
                        }
                        entries.append(last)
                    } else {
                        unparsed.append(line)
                    }
                    continue
                }
                if let role = pendingRole, let code = Vocabulary.roles.first(where: { $0.word == role })?.role {
                    entry.roles.insert(code, at: 0)
                    entry.rolesRaw.insert(role, at: 0)
                    pendingRole = nil
                }
                if list.raw.quickLowercased().hasPrefix("sekreterare"), !entry.roles.contains("secretary") {
                    entry.roles.append("secretary")
                    entry.rolesRaw.append("sekreterare")
                }
                if let presence = Self.listPresence(list.raw, lastItem: lastItem), entry.presence.isEmpty {
                    entry.presence = [presence]
                }
                entries.append(
                    Entry(entry: entry, group: list.group, groupRaw: list.raw, status: list.status, lines: [line]))
            }
        }
        return (entries, unparsed)
    }

    /// A "Label:" line that opens something other than an attendance list ("Plats och tid
    /// för justering:", "Underskrifter:"), which ends the list before it.
    static func isOtherLabel(_ text: String) -> Bool {
        guard text.containsBytes(":"), Patterns.range(of: #"^[A-ZÅÄÖ][^:\t]{0,40}:(\s|$)"#, in: text) != nil else {
            return false
        }
        return heading(text) == nil
    }

    /// The values after a "Label:<TAB>" or "Label: " heading, if any.
    static func value(after text: String) -> String? {
        if let tab = text.firstIndex(ofASCII: "\t"), text[..<tab].hasSuffix(":") || heading(String(text[..<tab])) != nil
        {
            let value = text[text.index(after: tab)...].trimmingWhitespaces()
            return value.isEmpty ? nil : value
        }
        if let colon = text.firstIndex(ofASCII: ":") {
            let value = text[text.index(after: colon)...].trimmingWhitespaces()
            return value.isEmpty ? nil : value
        }
        return nil
    }

    private static func merge(_ entry: PersonEntry, keepingRolesOf previous: PersonEntry) -> PersonEntry {
        var merged = entry
        for (role, raw) in zip(previous.roles, previous.rolesRaw) where !merged.roles.contains(role) {
            merged.roles.insert(role, at: 0)
            merged.rolesRaw.insert(raw, at: 0)
        }
        return merged
    }
}
