import Foundation
import ProtokollModel

/// One printed attendance or vote entry, taken apart: the person, their party and where they
/// sit for, roles, an official's title, and partial attendance.
///
///     "Carin Nilsson (s) Umeå kommun, ordförande (frånvarande eftermiddag)"
///     "Jimmie Andersson (M), §§12 - 17"
///     "Mats Wennstig, projektledare Revidering av hemsjukvårdsavtalet, Region Blekinge §16"
///     "Anna-May Björk<TAB>Askersund"        "(KD) Ingemar Bergquist"
struct PersonEntry: Equatable {
    var person: PersonRef
    var roles: [String] = []
    var rolesRaw: [String] = []
    var title: String?
    var presence: [ParticipantRecord.Presence] = []
    var remote: Bool?
    /// The member a serving substitute replaces, when printed.
    var substitutesFor: PersonRef?

    /// Parses an entry; `nil` when the text does not start with a person's name.
    static func parse(_ raw: String) -> PersonEntry? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        while let first = text.first, "-–•".contains(first) {
            text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        guard !text.isEmpty else { return nil }

        var presence: [ParticipantRecord.Presence] = []
        var remote: Bool?
        (text, presence, remote) = extractPresence(text)
        var substitutesFor: PersonRef?
        for phrase in Vocabulary.substitutePhrases {
            guard let range = text.range(of: " " + phrase + " ", options: .caseInsensitive) else { continue }
            substitutesFor = parse(String(text[range.upperBound...]))?.person
            text = String(text[..<range.lowerBound])
            break
        }

        var cells = text.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !cells.isEmpty else { return nil }
        var head = cells.removeFirst()

        // Party: "(M)" after the name, "(KD) Name" before it, or a cell of its own.
        var partyRaw: String?
        if let range = Patterns.range(of: #"^\(([A-Za-zÅÄÖåäö]{1,4})\)\s*"#, in: head) {
            partyRaw = String(head[range]).trimmingCharacters(in: .whitespaces)
            head.removeSubrange(range)
        }
        var rest: [String] = []
        if partyRaw == nil, let range = Patterns.range(of: #"\(([A-Za-zÅÄÖåäö]{1,4})\)"#, in: head) {
            partyRaw = String(head[range])
            rest.append(String(head[range.upperBound...]))
            head = String(head[..<range.lowerBound])
        }
        if partyRaw == nil,
            let index = cells.firstIndex(where: {
                Patterns.range(of: #"^\([A-Za-zÅÄÖåäö]{1,4}\)$"#, in: $0) != nil
            })
        {
            partyRaw = cells.remove(at: index)
        }

        // The name is the leading run of capitalised words; what follows belongs to the rest.
        let pieces = head.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let words = (pieces.first ?? "").split(separator: " ").map(String.init)
        var nameWords: [String] = []
        for word in words {
            guard let first = word.first, first.isUppercase, !(word.count > 1 && word.allSatisfy { $0.isUppercase })
            else { break }
            nameWords.append(word)
        }
        // "Ekonomichef Anders Svensson": an official's title before the name.
        var leadingTitle: String?
        if nameWords.count >= 3, let first = nameWords.first?.lowercased(),
            Vocabulary.titleEndings.contains(where: { first.hasSuffix($0) })
        {
            leadingTitle = nameWords.removeFirst()
        }
        guard nameWords.count >= 2 || (nameWords.count == 1 && partyRaw != nil) else { return nil }
        let trailing = words.dropFirst(nameWords.count + (leadingTitle == nil ? 0 : 1)).joined(separator: " ")
        rest.insert(contentsOf: [trailing] + pieces.dropFirst(), at: 0)
        rest += cells

        var entry = PersonEntry(
            person: makePerson(name: nameWords.joined(separator: " "), raw: raw, partyRaw: partyRaw))
        entry.presence = presence
        entry.remote = remote
        entry.substitutesFor = substitutesFor
        entry.title = leadingTitle
        if substitutesFor != nil, !entry.roles.contains("substitute") {
            entry.roles.append("substitute")
        }
        for piece in rest.flatMap({ $0.split(separator: ",") }) {
            entry.classify(piece.trimmingCharacters(in: .whitespacesAndNewlines.union(["."])))
        }
        return entry
    }

    /// A role word, a place the person represents, or an official's title.
    private mutating func classify(_ piece: String) {
        guard !piece.isEmpty else { return }
        let lower = piece.lowercased()
        if lower.hasPrefix("adjungerad") {
            roles.append("adjunct")
            rolesRaw.append("adjungerad")
            title = title.map { $0 + ", " + piece } ?? piece
            return
        }
        if let (word, role) = Vocabulary.roles.first(where: { lower == $0.word || lower.hasSuffix(" " + $0.word) }) {
            roles.append(role)
            rolesRaw.append(word)
            let remainder = piece.dropLast(word.count).trimmingCharacters(in: .whitespaces)
            if !remainder.isEmpty { classify(remainder) }
            return
        }
        let words = piece.split(separator: " ")
        if piece.first?.isLowercase == true, let split = words.firstIndex(where: { $0.first?.isUppercase == true }),
            Self.isPlace(words[split...].joined(separator: " "), strict: true)
        {
            // "verksamhetschef Karlskrona kommun": a title, then the place.
            classify(words[..<split].joined(separator: " "))
            classify(words[split...].joined(separator: " "))
            return
        }
        if Self.isPlace(piece, strict: true), let weak = person.represents, !Self.isPlace(weak, strict: true) {
            // A municipality or region beats an administration named before it.
            title = title.map { $0 + ", " + weak } ?? weak
            person.represents = piece
        } else if person.represents == nil, Self.isPlace(piece, strict: false) {
            person.represents = piece
        } else {
            title = title.map { $0 + ", " + piece } ?? piece
        }
    }

    /// "Umeå kommun", "Region Västerbotten", "Region Örebro län", "länets kommuner", or (not
    /// `strict`) one capitalised word ("Askersund", "Vännäs").
    static func isPlace(_ text: String, strict: Bool) -> Bool {
        let lower = text.lowercased()
        if lower.hasSuffix("kommun") || lower.hasSuffix("kommuner") || lower.hasPrefix("region ")
            || lower.hasSuffix(" län")
            || lower.contains("landsting")
        {
            return true
        }
        return !strict && !text.contains(" ") && text.first?.isUppercase == true && text.count > 2
    }

    static func makePerson(name: String, raw: String, partyRaw: String?) -> PersonRef {
        let code = partyRaw.map { $0.trimmingCharacters(in: ["(", ")", " "]) }
        let national = code.flatMap { Vocabulary.nationalParties[$0.lowercased()] }
        let partyCode = national ?? code?.uppercased()
        let scheme = partyRaw == nil ? "unknown" : national != nil ? "national" : "local"
        return PersonRef(
            name: name, name_raw: raw.trimmingCharacters(in: .whitespaces),
            person_key: key(name) + "|" + (partyCode ?? ""),
            party_raw: partyRaw, party_code: partyCode, party_scheme: scheme, represents: nil)
    }

    /// "Åsa Larsson" → "asa-larsson": lowercased, diacritics folded, words joined by "-".
    static func key(_ name: String) -> String {
        name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "sv_SE"))
            .lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }

    /// Removes and returns partial attendance and remote markers.
    private static func extractPresence(_ text: String) -> (String, [ParticipantRecord.Presence], Bool?) {
        var text = text
        var presence: [ParticipantRecord.Presence] = []
        var remote: Bool?
        let patterns: [(String, (Substring, [Substring?]) -> ParticipantRecord.Presence?)] = [
            (
                #"§§?\s*(\d+)\s*[-–]\s*§?\s*(\d+)"#,
                { raw, groups in
                    .init(
                        kind: "items", from: groups[0].map(String.init), to: groups[1].map(String.init), present: true,
                        raw: String(raw))
                }
            ),
            (
                #"§\s*(\d+)"#,
                { raw, groups in
                    .init(
                        kind: "items", from: groups[0].map(String.init), to: groups[0].map(String.init), present: true,
                        raw: String(raw))
                }
            ),
            (
                #"\(?punkt\s+(\d+)(?:\s*[-–]\s*(\d+))?\)?"#,
                { raw, groups in
                    .init(
                        kind: "items", from: groups[0].map(String.init), to: (groups[1] ?? groups[0]).map(String.init),
                        present: true, raw: String(raw))
                }
            ),
            (
                #"\(?(frånvarande|närvarande)\s+(förmiddag|eftermiddag)\)?"#,
                { raw, groups in
                    .init(
                        kind: "session", from: groups[1].map(String.init), to: groups[1].map(String.init),
                        present: groups[0] == "närvarande", raw: String(raw))
                }
            ),
            (
                #"\(?kl\.?\s*(\d{1,2}[.:]\d{2})\s*[-–]\s*(\d{1,2}[.:]\d{2})\)?"#,
                { raw, groups in
                    .init(
                        kind: "time", from: groups[0].map { $0.replacingOccurrences(of: ".", with: ":") },
                        to: groups[1].map { $0.replacingOccurrences(of: ".", with: ":") }, present: true,
                        raw: String(raw))
                }
            ),
        ]
        for (pattern, make) in patterns {
            while let match = Patterns.range(of: pattern, in: text, caseInsensitive: true) {
                let raw = text[match]
                let regex: NSRegularExpression? = Patterns.compiled(pattern, caseInsensitive: true)
                let groups: [Substring?] =
                    regex.flatMap { regex in
                        regex.firstMatch(in: String(raw), range: NSRange(raw.startIndex..., in: raw)).map { result in
                            (1..<result.numberOfRanges).map { index in
                                Range(result.range(at: index), in: String(raw)).map { String(raw)[$0] }
                            }
                        }
                    } ?? []
                if let value = make(raw, groups) { presence.append(value) }
                text.removeSubrange(match)
            }
        }
        for marker in ["via teams", "via zoom", "på distans", "digitalt"] {
            if let range = text.range(of: marker, options: .caseInsensitive) {
                remote = true
                text.removeSubrange(range)
            }
        }
        return (text.trimmingCharacters(in: .whitespaces.union([","])), presence, remote)
    }
}
