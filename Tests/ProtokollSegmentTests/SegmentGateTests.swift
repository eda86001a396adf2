import Foundation
import ProtokollModel
import TestSupport
import Testing

@testable import ProtokollSegment

/// Holds the byte gates and one-pass rewrites of segmentation to the code they stand in for,
/// on `SegmentShortcutTests.lines` and on random text that mixes ASCII, Swedish letters,
/// combining accents, "\r\n", the Kelvin sign, "İ", "µ", "ß", emoji and the punctuation the
/// parsers look for.
struct SegmentGateTests {
    /// Pieces random text is made of.
    static let alphabet = [
        "a", "e", "r", "s", "t", "o", "ö", "ä", "å", "A", "Ö", "Å", "E", " ", " ", "\t", ":", ".", ")", "(", "-",
        "§", "1", "2", "9", "\u{301}", "\u{308}", "\r\n", "\n", "\u{212A}", "\u{130}", "µ", "ß", "×", "Þ", "😀",
        "\u{A0}", "١", "röstar", "avstår", "reserverar sig", "ordförande", "kommun", "Anna", "Berg", "Ek", "•", "–",
        "\u{2028}", "\u{205F}",
    ]

    /// Deterministic random text: `count` strings of up to 12 pieces of `alphabet`.
    static func randomTexts(_ count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...12, using: &generator)
            return (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
    }

    static let texts = SegmentShortcutTests.lines + randomTexts(3000, seed: 7)

    @Test func lineTextRangeMatchesTextRange() {
        for text in Self.texts {
            let line = TextLine(text: text, lower: text.quickLowercased(), start: 0, end: 0, block: 0, page: 1)
            for needle in [" reserverar sig", "reserverar", "ö", "e\u{301}"] {
                #expect(line.textSearch.range(of: needle) == text.textRange(of: needle), "\(text.debugDescription)")
            }
        }
    }

    /// `VoteParser.option` as it was, comparing characters.
    static func referenceOption(_ line: String) -> (option: String, raw: String, count: Int?)? {
        var text = line.trimmingCharacters(in: CharacterSet.whitespaces.union([":"]))
        var count: Int?
        if let range = text.range(of: #"\s*\((\d{1,3})\)$"#, options: .regularExpression) {
            count = Int(text[range].filter(\.isNumber))
            text.removeSubrange(range)
        }
        let lower = text.lowercased()
        guard let match = ProtokollSegment.Vocabulary.voteOptions.first(where: { lower == $0.label }) else {
            return nil
        }
        return (match.option, text, count)
    }

    @Test func voteOptionMatchesCharacterComparison() {
        let labels = ProtokollSegment.Vocabulary.voteOptions.map(\.label)
        var lines: [String] = Self.texts + labels
        lines += labels.map { $0.uppercased() }
        lines += labels.map { $0 + " (7)" }
        lines += labels.map { $0.decomposedStringWithCanonicalMapping }
        lines += ["Avsta\u{30A}r", "JA\u{301}", "\u{212A}", ":Bifall:", " \tNej (3)", "(7)", "Ja\t(12)"]
        lines += ["• Bifall", "–Ja", "”Nej”", "\u{2010}avslag", "\u{202F}Ja", "\u{205F}Nej (2)", "\u{2060}Ja"]
        for line in lines {
            let option = VoteParser.option(line)
            let reference = Self.referenceOption(line)
            #expect(option?.option == reference?.option && option?.raw == reference?.raw, "\(line.debugDescription)")
            #expect(option?.count == reference?.count, "\(line.debugDescription)")
        }
        // A line ruled out by its first scalar is ruled out trimmed, as `VoteParser.parse`
        // passes such lines over before trimming them.
        var ruledOutByFirst = 0
        for line in lines + lines.map({ " \t" + $0 }) + lines.map({ "\u{A0}" + $0 })
        where VoteParser.ruledOutAsOption(line) {
            ruledOutByFirst += 1
            #expect(VoteParser.optionTrimmed(line.trimmingWhitespaces()) == nil, "\(line.debugDescription)")
        }
        #expect(ruledOutByFirst > 1000)
        var ruledOut = 0
        for line in lines where !VoteParser.mayLowercaseToLabel(line) {
            ruledOut += 1
            let lower = line.lowercased()
            #expect(!ProtokollSegment.Vocabulary.voteOptions.contains { lower == $0.label }, "\(line.debugDescription)")
        }
        #expect(ruledOut > 100)
        // The byte comparison finds labels at all.
        #expect(VoteParser.option("Avstår")?.option == "abstain")
    }

    /// `ItemHeading.parse` answers as `parseTrimmed`, which has no first-byte test, on random
    /// text and on headings with and without leading whitespace.
    @Test func headingFirstByteRulesOutOnlyLinesWithoutHeadings() {
        var lines: [String] = Self.texts
        lines += ["§ 12", "§12 Budget", "KS § 3 a", "7. Val av justerare", "12. Budget", "\u{A0}§ 4", "١. Val"]
        lines += ["Sida 2 av 9", "KU § 317 06-12-05", "§ 16 forts.", "\u{200B}3. Val", "x § 4", "• § 12", "–3. Val"]
        lines += ["\u{2003}7. Val", "\u{3000}§ 2", "١٢. Val", "Ö § 3"]
        lines += lines.map { " " + $0 } + lines.map { "\t" + $0 }
        var found = 0
        for line in lines {
            let heading = ItemHeading.parse(line)
            #expect(heading == ItemHeading.parseTrimmed(line), "\(line.debugDescription)")
            if heading != nil { found += 1 }
        }
        #expect(found > 30)
    }

    @Test func votePhraseGateRulesOutOnlyLinesWithoutPhrases() {
        let phrases = [" röstar ja", " röstar för bifall", " röstar nej", " avstår från att rösta", " avstår"]
        var ruledOut = 0
        for text in Self.texts + phrases.map({ "Anna Ek" + $0 }) {
            let line = TextLine(text: text, lower: text.quickLowercased(), start: 0, end: 0, block: 0, page: 1)
            guard !VoteParser.mayHoldVotePhrase(line) else { continue }
            ruledOut += 1
            #expect(!phrases.contains { line.lower.range(of: $0) != nil }, "\(text.debugDescription)")
        }
        #expect(ruledOut > 100)
    }

    @Test func labelPatternGateRulesOutOnlyLinesWithoutLabels() {
        var lines: [String] = Self.texts
        lines += ["a) x", "ab) x", "a)x", "1a) x", "12. x", "123. x", "1١. x", "١) x", "x) text", "1", "a", "9) y"]
        lines += lines.map { " " + $0 }
        for line in lines where !ItemContentParser.mayMatchLabelPattern(line) {
            #expect(line.range(of: #"^(\d{1,2}[.)]|[a-z]\))\s+"#, options: .regularExpression) == nil, "\(line)")
        }
        #expect(!ItemContentParser.mayMatchLabelPattern("anna"))
        #expect(ItemContentParser.mayMatchLabelPattern("a) x"))
    }

    @Test func headingLeadRulesOutOnlyTextWithoutHeadings() {
        let headings = ProtokollSegment.Vocabulary.attendanceHeadings.map(\.prefix)
        var texts: [String] = Self.texts + headings
        texts += headings.map { $0.uppercased() }
        texts += headings.map { $0.decomposedStringWithCanonicalMapping.capitalized }
        texts += ["O\u{308}vriga närvarande"]
        var ruledOut = 0
        for text in texts where !AttendanceParser.mayOpenHeading(text) {
            ruledOut += 1
            let lower = text.lowercased()
            #expect(!headings.contains { lower.hasPrefix($0) }, "\(text.debugDescription)")
        }
        #expect(ruledOut > 100)
    }

    @Test func trimmedByteCountMatchesTrimming() {
        for text in Self.texts + [":", " : ", ":Innehåll: ", "  ", "\u{A0}:"] {
            #expect(ItemFinder.trimmedByteCount(text) == text.trimmingCharacters(in: [":", " "]).utf8.count, "\(text)")
        }
    }

    /// `PersonEntry.key` as it was: the name folded, lowercased, and cut into words of
    /// characters.
    static func referenceKey(_ name: String) -> String {
        PersonEntry.folded(name).lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .joined(separator: "-")
    }

    @Test func latinKeyMatchesFolding() {
        let names = [
            "Åsa Larsson", "Ärlig Ögren-Åberg", "Émile Zola", "Straße Maß", "µ Müller", "ÆØÞ ðøþ", "×Anna×",
            "Anna\r\nBerg", "Jöns ²Jönsson¹", "ª º", "", " - ", "Ĳssel",
        ]
        var tested = 0
        for name in names + Self.texts {
            guard let key = PersonEntry.latinKey(name) else {
                #expect(name.unicodeScalars.contains { $0.value >= 0x100 }, "\(name.debugDescription)")
                continue
            }
            tested += 1
            #expect(key == Self.referenceKey(name), "\(name.debugDescription)")
            #expect(key == PersonEntry.key(name), "\(name.debugDescription)")
        }
        #expect(tested > 100)
    }

    /// `ItemContentParser.leadingName` as it was, splitting the whole text.
    static func referenceLeadingName(_ text: String) -> String? {
        var words: [Substring] = []
        for word in text.trimmingCharacters(in: .whitespaces).split(separator: " ") {
            guard let first = word.first, first.isUppercase,
                !(word.count > 1 && word.allSatisfy({ $0.isUppercase || !$0.isLetter })), words.count < 4
            else { break }
            words.append(word)
        }
        guard words.count >= 2, words.first != "Region", !["kommun", "län"].contains(words.last?.lowercased() ?? "")
        else { return nil }
        return words.joined(separator: " ").trimmingCharacters(in: [".", ":"])
    }

    @Test func leadingNameMatchesFullSplit() {
        let names = [
            "Anna Berg", "Anna Berg Ek Lund Holm", "Anna  Berg   Ek Lund  Holm x", "Anna Berg Ek Lund  ",
            "Region Blekinge", "Anna Ek kommun", "Anna BERG Ek", "Isabell Zembrén områdeschef",
        ]
        for text in names + Self.texts {
            #expect(ItemContentParser.leadingName(text) == Self.referenceLeadingName(text), "\(text.debugDescription)")
        }
    }

    @Test func roleAtEndMatchesEveryRoleWord() {
        let words = ProtokollSegment.Vocabulary.roles.map(\.word)
        var pieces: [String] = Self.texts + words
        pieces += words.map { "anna " + $0 }
        pieces += words.map { $0 + "\u{301}" }
        pieces += ["ordf. x"]
        for piece in pieces {
            let lower = piece.quickLowercased()
            let reference = ProtokollSegment.Vocabulary.roles.first {
                lower.hasSuffix($0.word) && (lower == $0.word || lower.hasSuffix(" " + $0.word))
            }
            #expect(PersonEntry.roleAtEnd(lower)?.word == reference?.word, "\(piece.debugDescription)")
        }
    }

    /// `ItemContentParser.diaryNumbers` runs each pattern only on lines that hold its literal
    /// part; run on every line, the patterns find the same numbers.
    @Test func diaryNumbersMatchPatternsRunOnEveryLine() {
        let patterns = [
            #"(?i)\b(?:dnr|diarienummer|diarienr)[:.]?\s*([A-ZÅÄÖ0-9][A-ZÅÄÖa-zåäö0-9:./ -]*\d)"#,
            #"^\s*(\d{1,6}/\d{2,4})\s*$"#,
        ].map { try! NSRegularExpression(pattern: $0) }  // Literal patterns.
        let numbered = [
            "Dnr 00123/2021", "DNR:KU/2007.9", "Diarienummer 00322/2026", "diarienr. SLK-2025-00364", "1339/22",
            " 12/2024\t", "D\u{301}nr 5/22", "Diarien\u{212A}", "\u{130}dnr 1/22", "Dnr 1/22 och 2/22",
            "och/eller", "12/24 a", "1/22\n", "\u{A0}12/2024\u{2003}", "١٢/٢٠٢٤", "Z1/22", "1/22@",
        ]
        for text in Self.texts + numbered {
            let reference = patterns.flatMap { regex in
                regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
                    Range(match.range(at: 1), in: text).map { String(text[$0]) }
                }
            }
            #expect(ItemContentParser.diaryNumbers(text) == reference, "\(text.debugDescription)")
        }
        // Both patterns find numbers at all.
        #expect(ItemContentParser.diaryNumbers("Dnr 00123/2021") == ["00123/2021"])
        #expect(ItemContentParser.diaryNumbers(" 1339/22 ") == ["1339/22"])
    }
}
