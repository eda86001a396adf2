import Foundation
import ProtokollModel
import TestSupport
import Testing

@testable import ProtokollSegment

/// Holds what segmentation reads from the lines cut once per document to the code that cut and
/// searched a block's text again for itself.
struct SegmentLineTests {
    /// Pieces random blocks are made of: line breaks of both kinds, the marks of contents
    /// entries and clauses, Swedish letters, combining accents, the Kelvin sign, "İ" and emoji.
    static let pieces = [
        "\n", "\n", "\r\n", " ", "\t", "\u{A0}", "§", "§ 12", "....", ".", "•", "1. ", "12. ", "a) ", "b)", "9", "١",
        "att ", "Att ", "att", "a", "e", "t", "Ö", "ö", "å", "ﬁ", "\u{301}", "\u{212A}", "\u{130}", "😀", "\u{AD}",
        "Budget", "Val av justerare",
    ]

    /// Deterministic random blocks of up to 14 pieces.
    static func randomBlocks(_ count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
    }

    static let blocks =
        randomBlocks(3000, seed: 11) + SegmentShortcutTests.lines + [
            "Innehåll\n§ 1 Val\t2\n§ 2 Budget....4", "• Första\n• Andra", "1. Val\n2. Budget", "Text\t12",
            "§ 12\n§ 13", "",
        ]

    /// One segmentation input with each text a block.
    static func input(_ texts: [String]) -> SegmentInput {
        var offset = 0
        var records: [NormalizeRecord] = []
        for (index, text) in texts.enumerated() {
            let length = text.unicodeScalars.count
            records.append(
                .block(
                    TextBlock(
                        docID: "sha256:lines", index: index, kind: .text, text: text, charStart: offset,
                        charEnd: offset + length, page: 1,
                        parts: [BlockPart(page: 1, bbox: nil, charStart: offset, charEnd: offset + length)],
                        fontSize: 10, bold: false, sourceLines: 1)))
            offset += length + 2
        }
        return SegmentInput(records: records)
    }

    /// The lines are cut from the whole canonical text at its line feed bytes and lowercased
    /// with it at once; each is held to its block split at the character "\n" on its own, its
    /// offsets counted in scalars from the block's start, and lowercased line by line. The
    /// blocks are read once as they are, with the Kelvin sign and "İ" among them, so that the
    /// whole text does not lowercase by arithmetic, and once without the blocks that hold such
    /// scalars.
    @Test(arguments: [false, true])
    func linesAreTheBlockCutAtLineFeedsWithTheirLowercaseForms(latinOnly: Bool) {
        let blocks = latinOnly ? Self.blocks.filter { $0.latinLowercased() != nil } : Self.blocks
        let input = Self.input(blocks)
        #expect((input.canonicalText.latinLowercased() != nil) == latinOnly)
        #expect(input.canonicalText == blocks.joined(separator: "\n\n"))
        for (index, block) in blocks.enumerated() {
            let lines = input.lines(ofBlock: index)
            let expected = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.map(\.text) == expected, "\(block.debugDescription)")
            var start = input.blocks[index].charStart
            for line in lines {
                #expect(line.start == start && line.block == index, "\(block.debugDescription)")
                start += line.text.unicodeScalars.count + 1
                #expect(line.end - line.start == line.text.unicodeScalars.count)
                #expect(line.lower == line.text.quickLowercased(), "\(line.text.debugDescription)")
                #expect(line.textSearch.scalarsAreCharacters == line.text.scalarsAreCharacters)
                #expect(
                    line.lowerSearch.scalarsAreCharacters == line.lower.scalarsAreCharacters,
                    "\(line.text.debugDescription)")
            }
        }
        #expect(blocks.count > 2000)
    }

    /// Each search ruled out by byte pairs answers as the search alone, for phrases the pairs
    /// may rule out, phrases they must not (capitals, "ß", a combining accent, the Kelvin
    /// sign) and pieces of the lines themselves, so that many are found.
    @Test func searchesRuledOutByBytePairsAnswerAsTheSearchesAlone() {
        let texts = Self.blocks + SegmentGateTests.texts
        let input = Self.input(texts)
        var generator = SplitMix64(seed: 13)
        let fixed = [
            "röstningen utf", " reserverar sig", "beslut", "dnr", "diarien", "östar", "vstår", "att", "a", "ö", "§",
            " ", "Beslut", "BESLUT", "ß", "ss", "e\u{301}", "\u{212A}", "k", "i\u{307}", "\r\n",
        ].map(LinePhrase.init)
        var ruledOut = 0
        for line in input.lines {
            let scalars = Array(line.text.unicodeScalars)
            var phrases = fixed
            if !scalars.isEmpty {
                let start = Int(generator.next() % UInt64(scalars.count))
                let end = min(scalars.count, start + 1 + Int(generator.next() % 8))
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: scalars[start..<end])
                phrases += [LinePhrase(String(piece)), LinePhrase(String(piece).lowercased())]
            }
            for phrase in phrases {
                let context = "\(line.text.debugDescription) / \(phrase.text.debugDescription)"
                #expect(line.lowerContains(phrase) == line.lowerSearch.contains(phrase.text), "\(context)")
                #expect(line.lowerContainsBytes(phrase) == line.lower.containsBytes(phrase.text), "\(context)")
                #expect(line.textContainsBytes(phrase) == line.text.containsBytes(phrase.text), "\(context)")
                #expect(line.textRange(of: phrase) == line.textSearch.range(of: phrase.text), "\(context)")
                if !line.lowerPairs.mayHold(phrase.pairs) { ruledOut += 1 }
            }
        }
        // The pairs rule out most absent phrases.
        #expect(ruledOut > input.lines.count * 5)
    }

    /// The statement a line opens, found by first byte and byte pairs, is the first whose
    /// label starts the line's lowercase form.
    @Test func statementOpenersMatchPrefixComparison() {
        let texts =
            Self.blocks + SegmentGateTests.texts
            + [
                "Reservation", "Protokollsanteckning: text", "Särskilt yttrande", "JÄV", "Ja\u{308}v",
                "re\u{301}servation",
            ]
        let input = Self.input(texts)
        var found = 0
        for line in input.lines {
            let expected = ProtokollSegment.Vocabulary.statements.first { line.lower.hasPrefix($0.label) }
            let opened = StatementParser.statement(openedBy: line)
            #expect(opened?.label == expected?.label, "\(line.text.debugDescription)")
            if opened != nil { found += 1 }
        }
        #expect(found >= 4)
    }

    /// A block the first-byte test rules out is no table-of-contents heading.
    @Test func contentsLeadsRuleOutOnlyTextWithoutContentsHeadings() {
        let headings = ["Innehåll", "INNEHÅLLSFÖRTECKNING", "Ärendelista", "A\u{308}rendelista", "ärendeförteckning"]
        var ruledOut = 0
        for text in Self.blocks + SegmentGateTests.texts + headings + headings.map({ $0.uppercased() }) {
            guard !ItemFinder.contentsLeads.mayStart(text) else { continue }
            ruledOut += 1
            #expect(
                !ProtokollSegment.Vocabulary.tableOfContents.contains(text.lowercased()), "\(text.debugDescription)")
        }
        #expect(ruledOut > 1000)
        #expect(headings.allSatisfy(ItemFinder.contentsLeads.mayStart))
    }

    /// The contents-entry test as it was: the block's text cut again, each line searched by
    /// Foundation.
    static func referenceIsTableOfContentsEntry(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let hasTitle = trimmed.contains { $0.isLetter } || trimmed.contains("\t")
            return (trimmed.contains("§") && hasTitle) || trimmed.contains("....") || trimmed.hasPrefix("•")
                || Patterns.range(of: #"^([a-z]\)|\d{1,3}\.)\s"#, in: trimmed) != nil
                || Patterns.range(of: #"\t\d{1,3}$"#, in: trimmed) != nil
        }
    }

    @Test func contentsEntriesReadFromLinesMatchTheReference() {
        let finder = ItemFinder(input: Self.input(Self.blocks))
        var entries = 0
        for (index, block) in Self.blocks.enumerated() {
            let expected = Self.referenceIsTableOfContentsEntry(block)
            #expect(finder.isTableOfContentsEntry(block: index) == expected, "\(block.debugDescription)")
            if expected { entries += 1 }
        }
        // Both answers occur.
        #expect(entries > 100 && entries < Self.blocks.count - 100)
    }

    @Test func attClausesMatchTheClauseParser() {
        for text in Self.blocks + SegmentGateTests.texts {
            let expected = ItemContentParser.clause(text).flatMap { $0.0 == "att" ? $0.1 : nil }
            #expect(ItemContentParser.attClause(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func attClauseGateRulesOutOnlyBlocksWithoutOne() {
        var ruledOut = 0
        let leads = ["\u{A0}", "\u{2003}", "\u{200B}", "\t", " ", "•", "– ", "\n"]
        for block in Self.blocks + leads.map({ $0 + "att godkänna" }) {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard !ItemContentParser.mayOpenWithAttClause(lines.first ?? "") else { continue }
            ruledOut += 1
            #expect(ItemContentParser.clause(lines.joined(separator: " "))?.0 != "att", "\(block.debugDescription)")
        }
        #expect(ruledOut > 1000)
    }
}
