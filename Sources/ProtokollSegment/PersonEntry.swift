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
        var text = raw.trimmingWhitespaces()
        while let first = text.first, "-–•".contains(first) {
            text = text.dropFirst().trimmingWhitespaces()
        }
        guard !text.isEmpty else { return nil }

        var presence: [ParticipantRecord.Presence] = []
        var remote: Bool?
        let search: CaseInsensitivePrefilter
        (text, presence, remote, search) = extractPresence(text)
        var substitutesFor: PersonRef?
        for phrase in spacedSubstitutePhrases where search.mayContain(phrase) {
            guard let range = text.range(of: phrase, options: .caseInsensitive) else { continue }
            substitutesFor = parse(String(text[range.upperBound...]))?.person
            text = String(text[..<range.lowerBound])
            break
        }

        var cells = text.split(ascii: "\t").map { $0.trimmingWhitespaces() }.filter { !$0.isEmpty }
        guard !cells.isEmpty else { return nil }
        var head = cells.removeFirst()

        // Party: "(M)" after the name, "(KD) Name" before it, or a cell of its own.
        var partyRaw: String?
        // The party patterns need a "(": test for it before running them.
        if head.utf8.first == UInt8(ascii: "("),
            let range = Patterns.range(of: #"^\(([A-Za-zÅÄÖåäö]{1,4})\)\s*"#, in: head)
        {
            partyRaw = String(head[range]).trimmingWhitespaces()
            head.removeSubrange(range)
        }
        var rest: [String] = []
        if partyRaw == nil, head.containsBytes("("),
            let range = Patterns.range(of: #"\(([A-Za-zÅÄÖåäö]{1,4})\)"#, in: head)
        {
            partyRaw = String(head[range])
            rest.append(String(head[range.upperBound...]))
            head = String(head[..<range.lowerBound])
        }
        if partyRaw == nil,
            let index = cells.firstIndex(where: {
                $0.utf8.first == UInt8(ascii: "(") && Patterns.range(of: #"^\([A-Za-zÅÄÖåäö]{1,4}\)$"#, in: $0) != nil
            })
        {
            partyRaw = cells.remove(at: index)
        }

        // The name is the leading run of capitalised words; what follows belongs to the rest.
        let pieces = head.split(ascii: ",", maxSplits: 1).map { $0.trimmingWhitespaces() }
        let words = (pieces.first ?? "").split(ascii: " ").map(String.init)
        var nameWords: [String] = []
        for word in words {
            guard let first = word.first, first.isUppercase, !(word.count > 1 && word.allSatisfy { $0.isUppercase })
            else { break }
            nameWords.append(word)
        }
        // "Ekonomichef Anders Svensson": an official's title before the name.
        var leadingTitle: String?
        if nameWords.count >= 3, let first = nameWords.first?.quickLowercased(),
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
        for piece in rest.flatMap({ $0.split(ascii: ",") }) {
            entry.classify(piece.trimming(whitespaceNewlineAndPeriod))
        }
        return entry
    }

    /// `Vocabulary.substitutePhrases`, each between spaces.
    private static let spacedSubstitutePhrases = Vocabulary.substitutePhrases.map { " " + $0 + " " }
    private static let whitespaceNewlineAndPeriod = CharacterSet.whitespacesAndNewlines.union(["."])
    private static let partyParentheses: CharacterSet = ["(", ")", " "]

    /// A role word, a place the person represents, or an official's title.
    private mutating func classify(_ piece: String) {
        guard !piece.isEmpty else { return }
        let lower = piece.quickLowercased()
        if lower.hasTextPrefix("adjungerad") {
            roles.append("adjunct")
            rolesRaw.append("adjungerad")
            title = title.map { $0 + ", " + piece } ?? piece
            return
        }
        if let (word, role) = Self.roleAtEnd(lower) {
            roles.append(role)
            rolesRaw.append(word)
            let remainder = piece.dropLast(word.count).trimmingWhitespaces()
            if !remainder.isEmpty { classify(remainder) }
            return
        }
        let words = piece.split(ascii: " ")
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

    /// The first role word of `Vocabulary.roles` that ends a lowercase piece, alone or after a
    /// space.
    ///
    /// Every role word ends in an ASCII letter or ".", a character that only its own byte can
    /// end: a piece ending in another byte has no role word at its end, and most pieces are
    /// ruled out without comparing characters.
    static func roleAtEnd(_ lower: String) -> (word: String, role: String)? {
        let last = lower.utf8.last
        return Vocabulary.roles.first {
            $0.word.utf8.last == last && lower.hasTextSuffix($0.word)
                && (lower == $0.word || lower.hasTextSuffix(" " + $0.word))
        }
    }

    /// "Umeå kommun", "Region Västerbotten", "Region Örebro län", "länets kommuner", or (not
    /// `strict`) one capitalised word ("Askersund", "Vännäs").
    static func isPlace(_ text: String, strict: Bool) -> Bool {
        let lower = text.quickLowercased()
        if lower.hasTextSuffix("kommun") || lower.hasTextSuffix("kommuner") || lower.hasTextPrefix("region ")
            || lower.hasTextSuffix(" län")
            || lower.containsText("landsting")
        {
            return true
        }
        return !strict && !text.containsText(" ") && text.first?.isUppercase == true && text.count > 2
    }

    static func makePerson(name: String, raw: String, partyRaw: String?) -> PersonRef {
        let code = partyRaw.map { $0.trimming(partyParentheses) }
        let national = code.flatMap { Vocabulary.nationalParties[$0.quickLowercased()] }
        let partyCode = national ?? code?.uppercased()
        let scheme = partyRaw == nil ? "unknown" : national != nil ? "national" : "local"
        return PersonRef(
            name: name, name_raw: raw.trimmingWhitespaces(),
            person_key: key(name) + "|" + (partyCode ?? ""),
            party_raw: partyRaw, party_code: partyCode, party_scheme: scheme, represents: nil)
    }

    /// "Åsa Larsson" → "asa-larsson": lowercased, diacritics folded, words joined by "-".
    static func key(_ name: String) -> String {
        if let key = latinKey(name) { return key }
        let lower = folded(name).quickLowercased()
        guard lower.scalarsAreCharacters else {
            return lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
        }
        // Each scalar is a character, and a character is a letter or a number by its scalar.
        return lower.unicodeScalars.split(whereSeparator: { !isLetterOrNumber($0) }).map(String.init)
            .joined(separator: "-")
    }

    /// `Character.isLetter || Character.isNumber` for a one-scalar character; ASCII without
    /// the property tables.
    static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0..<0x80: false
        default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// The name with case and diacritics folded as Foundation folds them for Swedish.
    ///
    /// Foundation's folding costs as much as parsing the entry, and names are nearly always
    /// Latin-1, which folds scalar by scalar: the letters in `latinFolding` lose their
    /// diacritics, and every other scalar only its case (left to the caller's lowercasing).
    static func folded(_ name: String) -> String {
        guard name.unicodeScalars.allSatisfy({ $0.value < 0x100 }) else {
            return name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: swedish)
        }
        var folded = ""
        for scalar in name.unicodeScalars {
            folded += latinFolding[scalar] ?? String(scalar)
        }
        return folded
    }

    private static let swedish = Locale(identifier: "sv_SE")

    /// `key(_:)` of a name of Latin-1 scalars, in one pass over its bytes, `nil` for any other
    /// name: each scalar folds as `folded(_:)` folds it and lowercases as `quickLowercased()`
    /// does, scalar by scalar, and the words are the runs of letters and numbers, as `key`
    /// cuts them. What folding gives ("a", "ss", "μ") is already lowercase; other Latin-1
    /// scalars lowercase by arithmetic, "A"–"Z" and "À"–"Þ" but "×" moving up by 0x20.
    static func latinKey(_ name: String) -> String? {
        var name = name
        let table = latinFoldingTable
        let key: [UInt8]? = name.withUTF8 { bytes in
            var key: [UInt8] = []
            key.reserveCapacity(bytes.count)
            var pendingDash = false
            var index = 0
            while index < bytes.count {
                let (scalar, length) = decodeScalar(bytes, at: index)
                index += length
                guard scalar.value < 0x100 else { return nil }
                if let folding = table[Int(scalar.value)] {
                    // Each folding is letters.
                    if pendingDash { key.append(UInt8(ascii: "-")) }
                    pendingDash = false
                    key += folding.utf8
                    continue
                }
                var value = scalar.value
                if (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7) { value += 0x20 }
                let lowered = Unicode.Scalar(UInt8(value))
                guard isLetterOrNumber(lowered) else {
                    pendingDash = !key.isEmpty
                    continue
                }
                if pendingDash { key.append(UInt8(ascii: "-")) }
                pendingDash = false
                // The scalar's UTF-8: one byte below 0x80, else two.
                if value < 0x80 {
                    key.append(UInt8(value))
                } else {
                    key.append(0xC0 | UInt8(value >> 6))
                    key.append(0x80 | UInt8(value & 0x3F))
                }
            }
            return key
        }
        return key.map { String(decoding: $0, as: UTF8.self) }
    }

    /// `latinFolding` by scalar value, for Latin-1.
    private static let latinFoldingTable: [String?] = (0..<256).map { value in
        latinFolding[Unicode.Scalar(UInt8(value))]
    }

    /// Latin-1 letters whose folding is not just their lowercase form.
    private static let latinFolding: [Unicode.Scalar: String] = {
        let groups = [
            ("ÀÁÂÃÄÅàáâãäå", "a"), ("Çç", "c"), ("ÈÉÊËèéêë", "e"), ("ÌÍÎÏìíîï", "i"), ("Ññ", "n"),
            ("ÒÓÔÕÖòóôõö", "o"), ("ÙÚÛÜùúûü", "u"), ("Ýýÿ", "y"), ("ß", "ss"), ("µ", "μ"),
        ]
        return Dictionary(
            uniqueKeysWithValues: groups.flatMap { letters, folded in letters.unicodeScalars.map { ($0, folded) } })
    }()

    private static let whitespaceAndComma = CharacterSet.whitespaces.union([","])

    /// Partial attendance patterns: the literal part each needs (lowercase), the pattern, and
    /// what a match records.
    private static let presencePatterns:
        [(String, String, @Sendable (Substring, [Substring?]) -> ParticipantRecord.Presence?)] = [
            (
                "§", #"§§?\s*(\d+)\s*[-–]\s*§?\s*(\d+)"#,
                { raw, groups in
                    .init(
                        kind: "items", from: groups[0].map(String.init), to: groups[1].map(String.init), present: true,
                        raw: String(raw))
                }
            ),
            (
                "§", #"§\s*(\d+)"#,
                { raw, groups in
                    .init(
                        kind: "items", from: groups[0].map(String.init), to: groups[0].map(String.init), present: true,
                        raw: String(raw))
                }
            ),
            (
                "punkt", #"\(?punkt\s+(\d+)(?:\s*[-–]\s*(\d+))?\)?"#,
                { raw, groups in
                    .init(
                        kind: "items", from: groups[0].map(String.init), to: (groups[1] ?? groups[0]).map(String.init),
                        present: true, raw: String(raw))
                }
            ),
            (
                "middag", #"\(?(frånvarande|närvarande)\s+(förmiddag|eftermiddag)\)?"#,
                { raw, groups in
                    .init(
                        kind: "session", from: groups[1].map(String.init), to: groups[1].map(String.init),
                        present: groups[0] == "närvarande", raw: String(raw))
                }
            ),
            (
                "kl", #"\(?kl\.?\s*(\d{1,2}[.:]\d{2})\s*[-–]\s*(\d{1,2}[.:]\d{2})\)?"#,
                { raw, groups in
                    .init(
                        kind: "time", from: groups[0].map { $0.replacingOccurrences(of: ".", with: ":") },
                        to: groups[1].map { $0.replacingOccurrences(of: ".", with: ":") }, present: true,
                        raw: String(raw))
                }
            ),
        ]

    /// Removes and returns partial attendance and remote markers; with the prefilter of the
    /// text returned when trimming left it as it was.
    private static func extractPresence(_ text: String) -> (
        String, [ParticipantRecord.Presence], Bool?, CaseInsensitivePrefilter
    ) {
        var text = text
        var presence: [ParticipantRecord.Presence] = []
        var remote: Bool?
        // Each pattern runs only on text that holds its literal part, in any case.
        var lower = text.quickLowercased()
        for (literal, pattern, make) in presencePatterns where lower.containsBytes(literal) {
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
            lower = text.quickLowercased()
        }
        // `lower` is the text's lowercase form still: the text changes only where it is redone.
        var search = CaseInsensitivePrefilter(text, lower: lower)
        for marker in ["via teams", "via zoom", "på distans", "digitalt"] where search.mayContain(marker) {
            if let range = text.range(of: marker, options: .caseInsensitive) {
                remote = true
                text.removeSubrange(range)
                search = CaseInsensitivePrefilter(text)
            }
        }
        let trimmed = text.trimming(whitespaceAndComma)
        // Trimming only removes: the same length is the same text.
        if trimmed.utf8.count != text.utf8.count { search = CaseInsensitivePrefilter(trimmed) }
        return (trimmed, presence, remote, search)
    }
}

/// A quick test before Foundation's costly case-insensitive search for a lowercase phrase.
///
/// On text whose scalars are its characters, that search finds the phrase where the text's
/// lowercase form holds the phrase's bytes, unless case folding goes further than lowercasing,
/// as it does for a few scalars ("ſ" folds to "s"). In any other text it may match anywhere.
private struct CaseInsensitivePrefilter {
    let lower: String
    let bytesTell: Bool

    init(_ text: String) {
        self.init(text, lower: text.quickLowercased())
    }

    /// `lower` is `text.quickLowercased()`, already made.
    init(_ text: String, lower: String) {
        self.lower = lower
        bytesTell = lower.scalarsAreCharacters && !lower.unicodeScalars.contains(where: Self.foldsBeyondLowercase)
    }

    func mayContain(_ phrase: String) -> Bool {
        !bytesTell || lower.containsBytes(phrase)
    }

    /// "µ", "ß", "ŉ", "ſ", "ǰ": the scalars below U+0300 that case folding maps further than
    /// lowercasing does.
    private static func foldsBeyondLowercase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xB5, 0xDF, 0x149, 0x17F, 0x1F0: true
        default: false
        }
    }
}
