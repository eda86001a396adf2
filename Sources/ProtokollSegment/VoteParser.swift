import Foundation
import ProtokollModel

/// Reads a vote (omröstning) inside an item: option headings ("Bifall", "Avslag", "Avstod
/// att rösta", "Ja", "Nej", optionally with a printed count "(7)") each followed by voters,
/// one per line or as table rows ("Name<TAB>(s)<TAB>Storumans kommun"). Lists may be
/// interrupted by other text (a protocol note between "Avslag" and "Avstod"); they are
/// collected wherever they stand in the item. A voter line may carry a reservation
/// ("Magnus Eriksson (s) Norsjö kommun. Reservation: Jag anser …").
struct VoteParser {
    struct Voter {
        var entry: PersonEntry
        var option: String
        var optionRaw: String
        var lines: [TextLine]
        var reservation: (text: String, lines: [TextLine])?
    }

    struct Vote {
        var voters: [Voter]
        var printedCounts: [String: Int]
        var optionRaw: [String: String]
        var resultRaw: String?
        var lines: [TextLine]
    }

    /// The option and its printed label for an option heading line, with a printed count.
    ///
    /// Every line of every item is asked. Trimming and taking the count off keep a first
    /// scalar that is neither whitespace nor a colon, so the line is ruled out, as
    /// `optionTrimmed` would rule it out, when that scalar is ASCII that starts no label, or
    /// punctuation from U+2010 to U+205E ("•", "–", "”"): it has no case and no canonical
    /// decomposition, so it starts the lowercase form and no label is equal to that.
    static func option(_ line: String) -> (option: String, raw: String, count: Int?)? {
        ruledOutAsOption(line) ? nil : optionTrimmed(line)
    }

    /// Whether the first scalar of `line` rules it out as an option heading, as `option` says.
    /// Trimming whitespace keeps such a scalar first, so the trimmed line is ruled out too.
    static func ruledOutAsOption(_ line: String) -> Bool {
        guard let lead = line.utf8.first else { return false }
        let staysFirst = lead < 0x80 ? keepsASCII(lead) : line.unicodeScalars.first?.isPlainPunctuation == true
        return staysFirst && !mayLowercaseToLabel(line)
    }

    /// `option` without the first-byte test.
    static func optionTrimmed(_ line: String) -> (option: String, raw: String, count: Int?)? {
        var text = trimmedOfWhitespaceAndColon(line)
        var count: Int?
        // The count pattern ends the line with ")"; most lines do not.
        if text.utf8.last == UInt8(ascii: ")"), let range = Patterns.range(of: #"\s*\((\d{1,3})\)$"#, in: text) {
            count = Int(text[range].filter(\.isNumber))
            text.removeSubrange(range)
        }
        // Lowercasing shrinks a scalar's UTF-8 at most threefold (the Kelvin sign to "k"), so a
        // longer text cannot lowercase to a label; most lines are longer.
        guard text.utf8.count <= 3 * Self.longestOptionLabel, Self.mayLowercaseToLabel(text) else { return nil }
        let lower = text.quickLowercased()
        // Text whose scalars are characters is its own canonical form, as every label is: it
        // equals a label exactly when its bytes do, and most lines differ in length already.
        let bytesTell = lower.scalarsAreCharacters
        guard
            let match = Vocabulary.voteOptions.first(where: {
                bytesTell
                    ? lower.utf8.count == $0.label.utf8.count && lower.utf8.elementsEqual($0.label.utf8)
                    : lower == $0.label
            })
        else { return nil }
        return (match.option, text, count)
    }

    /// `trimming(whitespaceAndColon)`, without asking the set about ends that are ASCII
    /// other than a space, a tab or a colon, as the ends of most lines are: the set's other
    /// members are beyond ASCII, so such a text has nothing to trim.
    static func trimmedOfWhitespaceAndColon(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, keepsASCII(first), keepsASCII(last) { return text }
        return text.trimming(whitespaceAndColon)
    }

    private static func keepsASCII(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: ":")
    }

    /// Whether `text` may lowercase to a label.
    static func mayLowercaseToLabel(_ text: String) -> Bool {
        labelLeads.mayStart(text)
    }

    private static let labelLeads = PhraseLeads(Vocabulary.voteOptions.map(\.label))
    private static let longestOptionLabel = Vocabulary.voteOptions.map(\.label.utf8.count).max() ?? 0
    private static let whitespaceAndColon = CharacterSet.whitespaces.union([":"])
    private static let whitespaceAndPeriod = CharacterSet.whitespaces.union(["."])

    func parse(_ lines: [TextLine]) -> Vote? {
        var voters: [Voter] = []
        var printed: [String: Int] = [:]
        var optionRaw: [String: String] = [:]
        var current: (option: String, raw: String)?
        var resultRaw: String?
        var covered: [TextLine] = []
        for line in lines {
            let isResult = line.lowerContains(Self.resultPhrase)
            // Most lines are no result, no option heading and under none: the steps below would
            // pass them over, and they are passed over untrimmed.
            if current == nil, !isResult, Self.ruledOutAsOption(line.text) { continue }
            let text = line.text.trimmingWhitespaces()
            // "Omröstningen utfaller med 7 ja-röster mot 6 nej-röster", not "… utföll enligt nedan".
            if isResult, text.contains(where: \.isNumber) {
                resultRaw = text
            }
            if let found = Self.option(text) {
                current = (found.option, found.raw)
                optionRaw[found.option] = found.raw
                if let count = found.count { printed[found.option] = count }
                covered.append(line)
                continue
            }
            guard let option = current else { continue }
            if ["namn", "parti", "kommun"].contains(
                text.quickLowercased().firstPiece(separatedBy: ["\t"]).map(String.init) ?? "")
            {
                covered.append(line)
                continue
            }
            if let first = text.first, first.isLowercase, !voters.isEmpty {
                if voters[voters.count - 1].reservation != nil {
                    voters[voters.count - 1].reservation!.text += " " + text
                    voters[voters.count - 1].reservation!.lines.append(line)
                }
                voters[voters.count - 1].lines.append(line)
                covered.append(line)
                continue
            }
            var personText = text
            var reservation: (String, [TextLine])?
            if let range = text.textRange(of: "Reservation:") {
                personText = String(text[..<range.lowerBound]).trimming(Self.whitespaceAndPeriod)
                reservation = (String(text[range.upperBound...]).trimmingWhitespaces(), [line])
            }
            guard let entry = PersonEntry.parse(personText), !text.containsText(":") || reservation != nil else {
                current = nil
                continue
            }
            voters.append(
                Voter(
                    entry: entry, option: option.option, optionRaw: option.raw, lines: [line], reservation: reservation)
            )
            covered.append(line)
        }
        sentenceVotes(lines, into: &voters, printed: &printed, optionRaw: &optionRaw, covered: &covered)
        if let resultRaw, voters.isEmpty {
            for (option, count) in Self.resultCounts(resultRaw) where printed[option] == nil {
                printed[option] = count
                optionRaw[option] = option == "yes" ? "ja" : option == "no" ? "nej" : "avstår"
            }
            covered += lines.filter { $0.text == resultRaw }
        }
        guard Set(voters.map(\.option)).count >= 2 || (voters.isEmpty && printed.count >= 2) else { return nil }
        return Vote(voters: voters, printedCounts: printed, optionRaw: optionRaw, resultRaw: resultRaw, lines: covered)
    }

    /// The phrases of a vote sentence, checked in order, and the option each casts.
    private static let votePhrases: [(phrase: String, option: String)] = [
        (" röstar ja", "yes"), (" röstar för bifall", "yes"), (" röstar nej", "no"), (" röstar för avslag", "no"),
        (" avstår från att rösta", "abstain"), (" avstår", "abstain"),
    ]
    private static let votePhraseList = PhraseList(votePhrases.map(\.phrase))

    /// "Omröstningen utfaller …", the sentence that gives a vote's result.
    private static let resultPhrase = LinePhrase("röstningen utf")

    /// Whether a line's lowercase form may hold a vote phrase: every phrase holds "östar" or
    /// "vstår", and where the line's scalars are characters the list compares bytes, so a line
    /// without those bytes holds none.
    static func mayHoldVotePhrase(_ line: TextLine) -> Bool {
        !line.lowerSearch.scalarsAreCharacters || line.lowerContainsBytes(voteCores[0])
            || line.lowerContainsBytes(voteCores[1])
    }

    private static let voteCores = [LinePhrase("östar"), LinePhrase("vstår")]

    /// "Anna Ek (S), Bo Ek (M) och Cai Ek (C) röstar ja (3)." and "… avstår från att rösta (1)."
    private func sentenceVotes(
        _ lines: [TextLine], into voters: inout [Voter], printed: inout [String: Int],
        optionRaw: inout [String: String],
        covered: inout [TextLine]
    ) {
        for line in lines {
            let lower = line.lowerSearch
            guard Self.mayHoldVotePhrase(line), let found = Self.votePhraseList.firstIndex(in: lower),
                let range = lower.range(of: Self.votePhrases[found].phrase)
            else { continue }
            let option = Self.votePhrases[found].option
            let start = line.text.index(matching: range.lowerBound, in: line.lower)
            let end = line.text.index(matching: range.upperBound, in: line.lower)
            let head = String(line.text[..<start])
            let names = head.replacingText(" och ", with: ", ").components(separatedBy: ", ")
            let entries = names.compactMap(PersonEntry.parse)
            guard !entries.isEmpty, entries.count == names.count else { continue }
            let raw = String(line.text[start..<end]).trimmingWhitespaces()
            for entry in entries {
                voters.append(Voter(entry: entry, option: option, optionRaw: raw, lines: [line], reservation: nil))
            }
            optionRaw[option] = raw
            if line.text.containsBytes("("), let count = Patterns.range(of: #"\((\d{1,3})\)"#, in: line.text) {
                printed[option] = Int(line.text[count].filter(\.isNumber))
            }
            covered.append(line)
        }
    }

    /// "Omröstningen utfaller med 7 ja-röster mot 6 nej-röster, 1 avstår" → counts.
    static func resultCounts(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (pattern, option) in [
            (#"(\d+)\s+ja-röst"#, "yes"), (#"(\d+)\s+nej-röst"#, "no"),
            (#"(\d+)\s+(?:avstår|avstod|nedlagda)"#, "abstain"),
        ] {
            if let range = Patterns.range(of: pattern, in: text, caseInsensitive: true) {
                counts[option] = Int(text[range].prefix { $0.isNumber })
            }
        }
        return counts
    }
}
