import Foundation
import ProtokollModel
import TestSupport
import Testing

@testable import ProtokollSegment

/// Holds the segmentation shortcuts to the code they stand in for, on lines that make the
/// shortcuts step aside: Swedish letters, capitals, combining accents, "\r\n", the Kelvin sign
/// and "İ", whose lowercase forms are ASCII.
struct SegmentShortcutTests {
    /// Lines, each also in capitals and with a combining accent after its first letter.
    static let lines: [String] = {
        let base = [
            "", " ", "Föredragande: Anna Berg och Per Ek", "föredragande Anna Berg", "Information lämnas av Eva Lund",
            "Mats Wennstig informerar om läget.", "Eva Ek föredrog ärendet", "Per Ek redogör för budgeten",
            "Anna Berg presenterar rapporten", "Emma Stahre lämnar en statusrapport", "Ekonomichef lämnar information",
            "Protokollet godkändes.", "Dagordningen fastställs.", "Ärendet bordlades.", "Förslaget antogs",
            "Ärendet återremitterades", "Rapporten lades till handlingarna.", "Anna Berg utsågs till justerare",
            "Informationen noterades", "Nämnden godkände förslaget", "Styrelsen beslutade att bordlägga ärendet.",
            "Kommunstyrelsen beslutar att godkänna.", "Kommunstyrelsens beslut", "BESLUT", "1. Att godkänna",
            "1) godkänna", "a) text", "att godkänna", "- text", "• text", "12. Punkt", "١. arabic digit",
            "Godk\u{212A}ände", "\u{130}nformerar om", "Föredragande:\r\nAnna Berg", "x\r\ninformerar om",
            "e\u{301} informerar om", "LÄMNAS", "PRESENTERAR", "Ordförande beslutade att ajournera", ": Bifall :",
            "\tBifall", "Avslag (7)", "Nej\u{301}", "Ja", "§ 12 Val", "§ 12 22-01-05 Val", "Text utan paragraf",
        ]
        return base + base.map { $0.uppercased() }
            + base.map { $0.isEmpty ? $0 : "\($0.prefix(1))\u{301}\($0.dropFirst())" }
    }()

    /// Blocks of one to three lines from `lines`.
    static let blocks: [[String]] =
        lines.map { [$0] }
        + lines.indices.map { index in
            [lines[index], lines[(index * 7 + 3) % lines.count], lines[(index * 13 + 5) % lines.count]]
        }

    static func textLines(_ texts: [String]) -> [ProtokollSegment.TextLine] {
        texts.map { ProtokollSegment.TextLine(text: $0, lower: $0.lowercased(), start: 0, end: 0, block: 0, page: 1) }
    }

    /// What `ItemContentParser.presenters` looks for in a block, found the full way.
    static func namesPresenters(_ texts: [String]) -> Bool {
        let lower = reflow(texts.joined(separator: "\n")).lowercased()
        return lower.hasPrefix("föredragande:") || lower.hasPrefix("föredragande ")
            || lower.range(of: "information lämnas av ") != nil
            || ProtokollSegment.Vocabulary.presenterVerbs.phrases.contains { lower.range(of: $0) != nil }
    }

    @Test func presenterCoresRuleOutOnlyBlocksWithoutPresenters() {
        for block in Self.blocks where !PhraseCores.presenters.mayOccur(in: Self.textLines(block)) {
            #expect(!Self.namesPresenters(block), "\(block)")
        }
        // The shortcut rules blocks out at all.
        #expect(!PhraseCores.presenters.mayOccur(in: Self.textLines(["Protokollet godkändes."])))
    }

    @Test func decisionVerbCoresRuleOutOnlyBlocksWithoutDecisionVerbs() {
        for block in Self.blocks where !PhraseCores.decisionSentenceVerbs.mayOccur(in: Self.textLines(block)) {
            let text = block.joined(separator: " ")
            for sentence in ItemContentParser.sentences(text) {
                let lower = sentence.lowercased()
                let found = ProtokollSegment.Vocabulary.decisionSentenceVerbs.phrases.contains {
                    lower.range(of: $0) != nil
                }
                #expect(!found, "\(block)")
            }
        }
        #expect(!PhraseCores.decisionSentenceVerbs.mayOccur(in: Self.textLines(["Anna Berg informerar"])))
    }

    /// `clause` as it was before its first-byte test.
    static func referenceClause(_ line: String) -> (String, String)? {
        let text = line.trimmingCharacters(in: .whitespaces)
        if let match = text.range(of: #"^(\d{1,2}[.)]|[a-z]\))\s+"#, options: .regularExpression) {
            return (text[match].trimmingCharacters(in: .whitespaces), String(text[match.upperBound...]))
        }
        if text.hasPrefix("att ") { return ("att", String(text.dropFirst(4))) }
        if text.hasPrefix("- ") || text.hasPrefix("• ") { return (String(text.prefix(1)), String(text.dropFirst(2))) }
        return nil
    }

    @Test func clauseMatchesReference() {
        for line in Self.lines + Self.lines.map({ "  " + $0 }) {
            let clause = ItemContentParser.clause(line)
            let reference = Self.referenceClause(line)
            #expect(clause?.0 == reference?.0 && clause?.1 == reference?.1, "\(line.debugDescription)")
        }
    }

    @Test func formulaAndMarginGatesHoldTheirBytes() {
        for line in Self.lines {
            // An inline formula or a formula line is found only where "beslut" is (lowercase
            // for a formula line); a margin reference only where "§" is.
            if !line.containsBytes("beslut") {
                #expect(line.range(of: " beslutade att ") == nil && line.range(of: " beslutar att ") == nil)
            }
            if !line.lowercased().containsBytes("beslut") {
                let lower = line.lowercased()
                #expect(!lower.hasSuffix("beslutar") && !lower.hasSuffix("beslutade") && !lower.hasSuffix("beslut"))
            }
            if !line.containsBytes("§") { #expect(ItemHeading.parse(line)?.isMarginReference != true) }
        }
    }

    @Test func voteTrimmingMatchesFoundation() {
        let set = CharacterSet.whitespaces.union([":"])
        for line in Self.lines + [":", "a:", ":a", "a\u{A0}", "\u{200B}a", "Ja\u{301}"] {
            #expect(VoteParser.trimmedOfWhitespaceAndColon(line) == line.trimmingCharacters(in: set), "\(line)")
        }
    }

    @Test func languageMatchesCharacterWords() {
        let swedish = "Det är så att vi och de som är med på mötet för till det av protokollet och att som"
        let texts = [
            swedish, swedish.uppercased(), String(repeating: swedish + " ", count: 3),
            "The meeting and the council of the people and the city der und les des " + swedish,
            String(repeating: "och att som för är med på av till det ÅÄÖ ", count: 4),
            swedish + " Σ " + swedish.uppercased(), swedish.uppercased() + " \u{212A} " + swedish,
            // Swedish only by capitals beyond ASCII.
            String(repeating: "ÄR PÅ FÖR xx yy zz ", count: 4), String(repeating: "ÄR PÅ FÖR Σ yy zz ", count: 4),
        ]
        // Function words in any case among scalars that lowercase by arithmetic, that
        // lowercasing leaves, and that it changes beyond Latin-1 ("Σ", the Kelvin sign).
        var generator = SplitMix64(seed: 19)
        let pieces = [
            "och", "ATT", "Som", "FÖR", "är", "ÄR", "på", "PÅ", "Av", "the", "DER", " ", " ", " ", "–", "Σ",
            "\u{212A}", "Þ", "×", "ß", "É", "é", "1", ".", "ﬁ",
        ]
        let random = (0..<400).map { _ in
            (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
        for text in texts + random where text.lowercased().scalarsAreCharacters {
            let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
            let short = words.filter { $0.count <= 4 }
            let swedishCount = short.count {
                ["och", "att", "som", "för", "är", "med", "på", "av", "till", "det"].contains(String($0))
            }
            let other = short.count {
                ["the", "and", "of", "og", "er", "le", "la", "et", "des", "les", "und", "der"].contains(String($0))
            }
            let expected = words.count >= 20 && swedishCount > max(5, other * 2) ? "sv" : nil
            #expect(RecordBuilder.language(text) == expected, "\(text)")
        }
        #expect(RecordBuilder.language(String(repeating: swedish + " ", count: 2)) == "sv")
        #expect(RecordBuilder.language(String(repeating: "ÄR PÅ FÖR xx yy zz ", count: 4)) == "sv")
    }
}
