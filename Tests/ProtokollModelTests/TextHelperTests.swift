import Foundation
import ProtokollModel
import TestSupport
import Testing

/// The byte-level text helpers must answer as the Foundation and `Character` operations they
/// stand in for; the parsers' output depends on it.
struct TextHelperTests {
    @Test func trimmingAgreesWithFoundationForEveryBMPScalar() {
        var disagreements: [UInt32] = []
        let set = CharacterSet.whitespaces.union([":"])
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)a b\(scalar)"
            if text.trimmingWhitespaces() != text.trimmingCharacters(in: .whitespaces)
                || text.trimming(set) != text.trimmingCharacters(in: set)
                || "a\(scalar)".trimming(set) != "a\(scalar)".trimmingCharacters(in: set)
            {
                disagreements.append(value)
            }
        }
        #expect(disagreements.isEmpty, "disagree at \(disagreements.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func trimmingWhitespacesKeepsNewlinesAndInnerSpace() {
        #expect(" \t§ 12  Budget\u{00A0}\u{2003}".trimmingWhitespaces() == "§ 12  Budget")
        #expect("\nrad\n".trimmingWhitespaces() == "\nrad\n")
        #expect(" \t ".trimmingWhitespaces() == "")
    }

    @Test func scalarsAreCharactersMatchesCharacterCounts() {
        let texts = [
            "Kommunstyrelsen beslutar att godkänna förslaget", "abcdefgh\r\nijklmnop", "abcdefghijklmnop\r",
            "abcdefghijklmno\u{301}", "e\u{301}", "Åsa Öberg – ordförande", "🇸🇪 flagga", "tabb\tcell", "",
        ]
        for text in texts {
            let standsAlone = text.unicodeScalars.count == text.count && !text.unicodeScalars.contains("\r")
            // A text of single-scalar characters may still hold scalars that could join
            // others; the helper answers false for those, never true for a joined text.
            if text.scalarsAreCharacters {
                #expect(standsAlone, "\(text.debugDescription) has joined scalars")
            }
        }
        #expect("abcdefgh\r\nijklmnop".scalarsAreCharacters == false)
        #expect("abcdefghijklmnop\r".scalarsAreCharacters == false)
        #expect("abcdefghijklmno\u{301}".scalarsAreCharacters == false)
        #expect("Kommunstyrelsen beslutar att godkänna förslaget".scalarsAreCharacters)
        #expect("Åsa Öberg – ordförande".scalarsAreCharacters)
    }

    @Test func searchableTextFindsWhatFoundationFinds() {
        let lines = ["Beslutet justeras omedelbart.", "Reservation: Anna Ek (M)", "e\u{301}n rad", "Sida 2 av 9"]
        let needles = ["justeras", "(M)", "\u{301}", "e", "sida", "Sida 2", "av 9"]
        for line in lines {
            let search = SearchableText(line)
            for needle in needles {
                #expect(search.contains(needle) == line.contains(needle), "\(line) / \(needle)")
                #expect(line.containsText(needle) == line.contains(needle), "\(line) / \(needle)")
            }
        }
    }

    /// The byte search finds the occurrence a naive scan finds first, whichever byte of the
    /// pattern it looks for, over random texts of a three-letter alphabet, where candidate
    /// bytes abound.
    @Test func byteSearchFindsTheFirstOccurrence() {
        var generator = SplitMix64(seed: 7)
        func letters(_ count: UInt64) -> [UInt8] {
            (0..<count).map { _ in UInt8(ascii: "a") + UInt8(generator.next() % 3) }
        }
        for _ in 0..<5000 {
            let text = letters(generator.next() % 40)
            let pattern = letters(1 + generator.next() % 4)
            let starts = text.count < pattern.count ? 0..<0 : 0..<(text.count - pattern.count + 1)
            let naive = starts.first { text[$0..<$0 + pattern.count].elementsEqual(pattern) }
            for anchor in pattern.indices {
                let found = text.withUnsafeBufferPointer { text in
                    pattern.withUnsafeBufferPointer { firstOffset(of: $0, in: text, anchor: anchor) }
                }
                #expect(found == naive, "\(pattern) in \(text), anchored at \(anchor)")
            }
        }
    }

    /// A phrase list finds the phrase that asking for each phrase in turn finds first, in texts
    /// and phrases of pieces that share first bytes, join their neighbours ("e" and a combining
    /// accent, "\r" and "\n") or are empty.
    @Test func phraseListsFindWhatSearchingPhraseByPhraseFinds() {
        var generator = SplitMix64(seed: 11)
        let pieces = ["a", "b", "ab", " ", "å", "ä", "e", "\u{301}", "é", "\r", "\n", "–", "§", "🇸🇪", "ba", "aa"]
        func text(upTo count: UInt64) -> String {
            (0..<(generator.next() % (count + 1))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                .joined()
        }
        var cases = [(["x", "e\u{301}"], "café"), (["", "é"], "café"), (["\n"], "a\r\nb"), (["b", "ab"], "aab")]
        for round in 0..<1500 {
            // Most lists hold only phrases whose scalars are characters, as the vocabularies do.
            let phrases = (0..<(1 + generator.next() % 6)).map { _ in text(upTo: 2) }
                .map { round % 4 == 0 ? $0 : String($0.unicodeScalars.filter(\.isASCII)) }
            for _ in 0..<4 { cases.append((phrases, text(upTo: 12))) }
        }
        expectPhraseListsSearchPhraseByPhrase(cases)
    }

    /// A list of longer phrases, which steps over positions where none can start, finds what
    /// searching phrase by phrase finds, in long texts of few letters: pairs of bytes that
    /// recur in the phrases, at every distance from their ends, abound in the texts.
    @Test func phraseListsThatStepOverPositionsFindWhatSearchingPhraseByPhraseFinds() {
        var generator = SplitMix64(seed: 13)
        // Every fourth round may draw scalars that are not characters of their own, which
        // send the search the long way; the others search bytes.
        let pieces = [
            "a", "b", "n", " ", "å", "ö", "an", "ta", "Ö", "\u{A0}", "\u{AD}", "ﬁ", "\u{212A}", "😀", "e\u{301}",
        ]
        func text(from low: UInt64, upTo high: UInt64, joining: Bool) -> String {
            let count = UInt64(joining ? pieces.count : pieces.count - 4)
            return (0..<(low + generator.next() % (high - low + 1)))
                .map { _ in pieces[Int(generator.next() % count)] }.joined()
        }
        var cases = [([" kan ", "anta"], "de kan anta"), (["antas", "ta"], "antas"), (["xyz", "ab"], "ab")]
        for round in 0..<1500 {
            let phrases = (0..<(1 + generator.next() % 5)).map { _ in
                text(from: 2, upTo: 6, joining: round % 4 == 0)
            }
            for _ in 0..<4 { cases.append((phrases, text(from: 0, upTo: 60, joining: round % 4 == 0))) }
        }
        expectPhraseListsSearchPhraseByPhrase(cases)
    }

    /// Each list finds in its text the phrase that asking for each phrase in turn finds first.
    private func expectPhraseListsSearchPhraseByPhrase(_ cases: [([String], String)]) {
        for (phrases, text) in cases {
            let list = PhraseList(phrases)
            let search = SearchableText(text)
            let expected = phrases.firstIndex(where: search.contains)
            #expect(list.firstIndex(in: search) == expected, "\(phrases) in \(text.debugDescription)")
            #expect(list.isFound(in: search) == (expected != nil), "\(phrases) in \(text.debugDescription)")
            if search.scalarsAreCharacters {
                var bytes = text
                let found = bytes.withUTF8 { list.isFound(inBytes: $0) }
                #expect(found == (expected != nil), "\(phrases) in bytes of \(text.debugDescription)")
            }
        }
    }

    /// Prefixes and suffixes compared as bytes answer as `hasPrefix` and `hasSuffix`, which
    /// compare characters, over random texts of scalars that join and scalars that do not.
    @Test func textAffixesAgreeWithCharacterAffixes() {
        var generator = SplitMix64(seed: 17)
        let pieces = [
            "a", "b", " ", "å", "a\u{30A}", "\u{30A}", "e", "\u{301}", "é", "\r", "\n", "–", "🇸🇪", "K", "\u{212A}",
        ]
        func text(upTo count: UInt64) -> String {
            (0..<(generator.next() % (count + 1))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                .joined()
        }
        var cases = [("åb", "a\u{30A}"), ("a\u{30A}b", "å"), ("e\u{301}", "e"), ("\r\n", "\r"), ("ab", ""), ("", "")]
        for _ in 0..<6000 { cases.append((text(upTo: 8), text(upTo: 3))) }
        for (text, affix) in cases {
            #expect(
                text.hasTextPrefix(affix) == text.hasPrefix(affix),
                "\(text.debugDescription) / \(affix.debugDescription)")
            #expect(
                text.hasTextSuffix(affix) == text.hasSuffix(affix),
                "\(text.debugDescription) / \(affix.debugDescription)")
        }
    }

    /// Counting characters up to a limit, with its byte shortcuts, agrees with `count`.
    @Test func characterLimitsAgreeWithCharacterCounts() {
        var generator = SplitMix64(seed: 23)
        let pieces = ["a", " ", "\r", "\n", "\r\n", "é", "e\u{301}", "\u{301}", "🇸🇪", "–"]
        for _ in 0..<4000 {
            let text = (0..<(generator.next() % 12)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                .joined()
            for limit in -1...13 {
                #expect(text.hasAtMostCharacters(limit) == (text.count <= limit), "\(text.debugDescription) / \(limit)")
            }
        }
    }

    /// Lowercasing Latin by arithmetic, eight ASCII bytes at a time, gives `lowercased()`
    /// byte for byte: random ASCII runs of every length up to 19, between Latin-1 scalars and
    /// others.
    @Test func quickLowercasingAgreesWithTheStandardLibrary() {
        var generator = SplitMix64(seed: 5)
        let others = [
            "Å", "ö", "×", "ß", "Σ", "İ", "–", "”", "•", "€", "\u{20FF}", "\u{2100}", "\u{212A}", "\u{1FFF}", "§", "🇸🇪",
            "e\u{301}", "\u{00C0}", "\u{00DE}", "\u{00FF}",
        ]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<(generator.next() % 5) {
                let run = (0..<(generator.next() % 20)).map { _ in
                    Character(Unicode.Scalar(UInt8(generator.next() % 128)))
                }
                text += String(run) + others[Int(generator.next() % UInt64(others.count))]
            }
            #expect(Array(text.quickLowercased().utf8) == Array(text.lowercased().utf8), "\(text.debugDescription)")
        }
    }

    /// Whitespace and digits answered without the property tables are answered as the tables
    /// answer, for every scalar up to U+3000.
    @Test func spaceAndDigitTestsAgreeWithTheTables() {
        for scalar in (0...0x3000).compactMap(Unicode.Scalar.init) {
            let category = scalar.properties.generalCategory
            #expect(scalar.isSpaceOrTab == (category == .spaceSeparator || [0x09, 0x200B].contains(scalar.value)))
            #expect(scalar.isDecimalDigit == (category == .decimalNumber), "\(scalar.value)")
        }
    }

    /// The scalars from U+2000 to U+20FF, lowercased by arithmetic without asking the case
    /// tables, and those around them (the Ohm and Kelvin signs lowercase), give `lowercased()`,
    /// and arithmetic declines exactly the scalars that lowercasing changes.
    @Test func punctuationLowercasesAsTheStandardLibrary() {
        let scalars = (0x1F00...0x2200).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let text = "Ab\(scalar)Ö"
            #expect((text.latinLowercased() == nil) == scalar.properties.changesWhenLowercased, "\(scalar)")
            #expect(Array(text.quickLowercased().utf8) == Array(text.lowercased().utf8), "\(scalar)")
        }
        #expect(scalars.contains { $0.properties.changesWhenLowercased })
    }

    /// The scalars `lowercaseLatin` copies without asking the case tables, U+0080–U+00BF and
    /// U+2000–U+20FF, have no lowercase forms.
    @Test func latinLowercasingCopiesOnlyCaselessScalars() {
        for value in Array(0x80...0xBF) + Array(0x2000...0x20FF) {
            let scalar = Unicode.Scalar(UInt32(value))!
            #expect(!scalar.properties.changesWhenLowercased, "U+\(String(value, radix: 16))")
        }
    }

    /// Splitting at an ASCII separator in one loop over the bytes gives the pieces of the
    /// generic split on the UTF-8 view, and of the split on characters, for every number of
    /// splits: separators in runs and at the ends, combining accents, "\r\n", emoji.
    @Test func asciiSplitsAgreeWithGenericSplits() {
        var generator = SplitMix64(seed: 31)
        let pieces = [",", ",", " ", "\t", "a", "Åsa", "e\u{301}", "\r\n", "\u{212A}", "😀", "\u{A0}", "ﬁ"]
        for _ in 0..<4000 {
            let text = (0..<(generator.next() % 10)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                .joined()
            for separator: Unicode.Scalar in [",", " ", "\t"] {
                for maxSplits in [0, 1, 2, 3, Int.max] {
                    let split = text.split(ascii: separator, maxSplits: maxSplits).map(String.init)
                    let characters = text.split(separator: Character(separator), maxSplits: maxSplits).map(String.init)
                    #expect(split == characters, "\(text.debugDescription) / \(separator) / \(maxSplits)")
                    if text.scalarsAreCharacters {
                        let bytes = text.utf8.split(separator: UInt8(separator.value), maxSplits: maxSplits)
                        #expect(split == bytes.map { String(Substring($0)) }, "\(text.debugDescription)")
                    }
                }
            }
        }
    }

    @Test func wordSplitsAgreeWithScalarSplits() {
        let texts = [
            "  Beslut\tom   budget\u{00A0}2024 ", "\u{2003}Åsa\u{0085}Öberg\n", "", " \t ", "e\u{301}n rad", "ett",
        ]
        for text in texts {
            let expected = text.unicodeScalars.split(whereSeparator: \.isWhitespace).map { String($0) }
            #expect(text.splitAtWhitespaceScalars().map(String.init) == expected, "\(text.debugDescription)")
            #expect(
                text.split(ascii: "\t").map(String.init) == text.split(separator: "\t").map(String.init),
                "\(text.debugDescription)")
        }
    }
}
