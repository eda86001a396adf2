import ProtokollModel
import TestSupport
import Testing

@testable import ProtokollNormalize

/// Each shortcut of normalization against the slower code it stands in for, on generated text
/// that mixes ASCII, Swedish letters, combining accents, "\r\n", odd spaces and the scalars
/// each shortcut has to look out for.
struct ShortcutTests {
    /// Pieces that generated lines are made of: single scalars and a few multi-scalar runs.
    static let pieces: [String] = [
        "a", "b", "s", "Z", "K", "i", "I", "1", "2", "9", "0", " ", " ", " ", "\t", "\r\n", "\r", "\n", "\u{A0}",
        "\u{2003}", "\u{200B}", "\u{AD}", ".", ",", ")", "(", ":", "-", "–", "•", "§", "·", "\u{387}", "▪",
        "\u{F0B7}", "å", "Ä", "ö", "é", "e\u{301}", "\u{301}", "\u{308}", "ß", "İ", "\u{212A}", "Σ", "²", "½",
        "٣", "€", "→", "✓", "ﬁ", "sjuk", "vården", "FoU", "avtal", "och",
    ]

    static func line(_ random: inout SplitMix64, length: ClosedRange<Int>) -> String {
        var text = ""
        for _ in 0..<Int.random(in: length, using: &random) {
            text += pieces.randomElement(using: &random)!
        }
        return text
    }

    @Test func markerTestMatchesCharacterByCharacter() {
        var random = SplitMix64(seed: 1)
        let starts = ["", "1", "12", "123", "1234", "a", "ä", "B", "²", "-", "–", "•", "§", "\u{600}", "\r"]
        // What may follow a start: a marker's end, or not quite one, then a mark to join it.
        let follows = [". ", ") ", ".\t", ".", ")", " ", "", ".\r\n", " \u{301}", ".\u{308} "]
        let marks = ["", "", "\u{301}", "\u{308}", "\u{200D}"]
        var markers = 0
        for _ in 0..<40_000 {
            let text =
                starts.randomElement(using: &random)! + follows.randomElement(using: &random)!
                + marks.randomElement(using: &random)! + Self.line(&random, length: 0...3)
            let expected = PDFBlockBuilder.startsWithMarkerByCharacters(text)
            if expected { markers += 1 }
            #expect(PDFBlockBuilder.startsWithMarker(text) == expected, "\(Array(text.unicodeScalars))")
        }
        #expect(markers > 4_000)
    }

    @Test func loneBulletTestMatchesTrimming() {
        var random = SplitMix64(seed: 2)
        let bullets = ["•", "\u{F0B7}", "-", "–", "➢", "▪", "\u{301}", ""]
        var found = 0
        for _ in 0..<40_000 {
            let text =
                Self.line(&random, length: 0...2) + bullets.randomElement(using: &random)!
                + Self.line(&random, length: 0...2)
            let expected = ColumnPairing.isLoneBulletAsTrimmed(text)
            if expected { found += 1 }
            #expect(ColumnPairing.isLoneBullet(text) == expected, "\(Array(text.unicodeScalars))")
        }
        #expect(found > 1_000)
    }

    /// Every scalar there is, as the first of a line.
    @Test func bulletScalarsMatchBulletCharacters() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(TextRepair.isBullet(scalar) == TextRepair.isBulletAsCharacter(scalar), "U+\(value)")
        }
    }

    @Test func postalCodeDigitsComeBeforeThePattern() {
        var random = SplitMix64(seed: 7)
        let parts = ["123 45 Umeå", "Box 12", "901 84 ", "1234 567 ", "٣٣٣ ٣٣ Ö", "12 34 5", "\u{A0}", "Telefon"]
        var codes = 0
        for _ in 0..<5_000 {
            let text =
                Self.line(&random, length: 0...3) + parts.randomElement(using: &random)!
                + Self.line(&random, length: 0...3)
            let matches = Patterns.range(of: #"\b\d{3} \d{2} [A-ZÅÄÖ]"#, in: text) != nil
            if matches { codes += 1 }
            // The digits are what the pattern cannot match without.
            #expect(!matches || FurnitureVocabulary.hasPostalCodeDigits(text), "\(Array(text.unicodeScalars))")
        }
        #expect(codes > 500)
    }

    @Test func scalarCleaningTrimsAsBefore() {
        var random = SplitMix64(seed: 3)
        for _ in 0..<20_000 {
            let line = Self.line(&random, length: 0...8)
            guard line.scalarsAreCharacters else { continue }
            #expect(TextRepair.cleanScalars(line) == TextRepair.cleanCharacters(line), "\(Array(line.unicodeScalars))")
        }
        // Not a line `clean` hands over, but trimmed as `trimmingWhitespaces()` trims.
        #expect(TextRepair.cleanScalars("\u{200B}\ta b\t\u{200B}") == "a b")
    }

    /// Lines mostly of text and single spaces, as most extracted lines are, and now and then
    /// any other piece: the lines `isClean` has to tell apart.
    static func mostlyCleanLine(_ random: inout SplitMix64) -> String {
        let text = ["a", "Ä", "å", "ö", "1", ".", ")", "–", "”", "€", "§", "•", "\u{F0B7}", "²", "\u{1}", "\u{7F}"]
        var line = ""
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0: line += " "
            case 1: line += "\t"
            case 2: line += pieces.randomElement(using: &random)!
            default: line += text.randomElement(using: &random)!
            }
        }
        return line
    }

    @Test func cleanLinesComeBackAsTheyAre() {
        var random = SplitMix64(seed: 10)
        var clean = 0
        for round in 0..<40_000 {
            let line = round % 2 == 0 ? Self.mostlyCleanLine(&random) : Self.line(&random, length: 0...8)
            let expected = TextRepair.cleanCharacters(line)
            #expect(TextRepair.clean(line) == expected, "\(Array(line.unicodeScalars))")
            if TextRepair.cleanness(line, ofScalarsStandingAlone: true) == true {
                #expect(line.scalarsAreCharacters && Array(expected.utf8) == Array(line.utf8))
            }
            guard line.scalarsAreCharacters, TextRepair.isClean(line) else { continue }
            clean += 1
            #expect(Array(expected.utf8) == Array(line.utf8), "\(Array(line.unicodeScalars))")
        }
        #expect(clean > 8_000)
    }

    @Test func foldWithoutDigitsMatchesTheLongWay() {
        var random = SplitMix64(seed: 11)
        var short = 0
        for round in 0..<20_000 {
            let line = round % 2 == 0 ? Self.mostlyCleanLine(&random) : Self.line(&random, length: 0...8)
            let lower = SearchableText(line.quickLowercased())
            if lower.scalarsAreCharacters, PageLabel.wordsWithoutDigits(lower.text) != nil { short += 1 }
            #expect(PageLabel.fold(lowercased: lower) == PageLabel.fold(line), "\(Array(line.unicodeScalars))")
        }
        #expect(short > 3_000)
    }

    @Test func lowercaseLinesAreKeptAsTheyAre() {
        var random = SplitMix64(seed: 13)
        var kept = 0
        for round in 0..<20_000 {
            let line = round % 2 == 0 ? Self.mostlyCleanLine(&random) : Self.line(&random, length: 0...12)
            let expected = Array(line.quickLowercased().utf8)
            if expected == Array(line.utf8) { kept += 1 }
            #expect(Array(line.lowercasedUnlessLowercase().utf8) == expected, "\(Array(line.unicodeScalars))")
        }
        #expect(kept > 2_000)
    }

    /// A text without a decimal digit is no label, and is not cut into cells to show it.
    @Test func labelsWithoutCellsForTextsWithoutDigits() {
        var random = SplitMix64(seed: 15)
        let pieces = [
            "Sida ", "sida", " av ", "(", ")", "/", "-", "–", " ", "\t", "1", "2", "3", "12", "٣", "\u{1D7D9}", "²",
            "½",
            "Ⅻ", "\u{FF11}", "\u{966}", "\u{660}", "x", "å", "\u{A0}", "\u{301}", "\u{200B}",
        ]
        var labels = 0
        var withoutDigits = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...6, using: &random) { text += pieces.randomElement(using: &random)! }
            let hasDigit = text.unicodeScalars.contains { $0.isDecimalDigit }
            if !hasDigit { withoutDigits += 1 }
            #expect(PageLabel.hasDecimalDigit(text) == hasDigit, "\(Array(text.unicodeScalars))")
            let page = Int.random(in: 1...3, using: &random)
            let expected = PageLabel.labelOfCells(in: text, page: page)
            if expected != nil { labels += 1 }
            #expect(PageLabel.label(in: text, page: page) == expected, "\(Array(text.unicodeScalars))")
        }
        #expect(labels > 200)
        #expect(withoutDigits > 4_000)
    }

    @Test func sidaTestMatchesLowercasing() {
        var random = SplitMix64(seed: 16)
        let pieces = [
            "S", "s", "I", "i", "D", "d", "A", "a", "İ", "\u{212A}", "ı", "SIDA", "Sida", " ", "\u{301}", "å",
        ]
        var sida = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...4, using: &random) { text += pieces.randomElement(using: &random)! }
            let expected = text.lowercasedUnlessLowercase() == "sida"
            if expected { sida += 1 }
            #expect(PDFFurnitureDetector.lowercasesToSida(text) == expected, "\(Array(text.unicodeScalars))")
        }
        #expect(sida > 300)
    }

    /// A block's boxes held inline for its first page, against a table for every page.
    @Test func pageBoxesMatchATable() {
        var random = SplitMix64(seed: 17)
        func coordinate() -> Double { Double(Int.random(in: -20...20, using: &random)) * 0.5 }
        func box() -> BoundingBox {
            BoundingBox(x0: coordinate(), y0: coordinate(), x1: coordinate(), y1: coordinate())
        }
        // Random boxes on random pages, added both ways.
        func added(upTo count: Int, pages: ClosedRange<Int>) -> (PageBoxes, [Int: BoundingBox]) {
            var boxes = PageBoxes()
            var table: [Int: BoundingBox] = [:]
            for _ in 0..<Int.random(in: 0...count, using: &random) {
                let (page, added) = (Int.random(in: pages, using: &random), box())
                boxes.add(added, page: page)
                table[page] = table[page].map { $0.union(added) } ?? added
            }
            return (boxes, table)
        }
        for _ in 0..<2_000 {
            var (boxes, table) = added(upTo: 6, pages: 1...3)
            let (other, otherTable) = added(upTo: 3, pages: 1...4)
            boxes.add(other)
            table.merge(otherTable) { lhs, rhs in lhs.union(rhs) }
            for page in 0...5 { #expect(boxes[page] == table[page], "page \(page)") }
        }
    }

    @Test func labelParserMatchesThePatterns() {
        var random = SplitMix64(seed: 14)
        let pieces = [
            "Sida", "sida", "SIDA", "Sid", "av", "Av", "a", "(", ")", "/", "-", "–", "—", " ", "  ", "\t", "1", "12",
            "123", "1234", "12345", "0", "٣", "\n", "\r", "\u{A0}", "\u{2003}", "\u{85}", "x", "i", "d",
        ]
        var decided = 0
        var labels = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...6, using: &random) { text += pieces.randomElement(using: &random)! }
            guard let parsed = LabelParser.number(in: text) else { continue }
            decided += 1
            if parsed != nil { labels += 1 }
            #expect(parsed == PageLabel.numberByPatterns(text), "\(Array(text.unicodeScalars))")
        }
        #expect(decided > 7_000)
        #expect(labels > 400)
    }

    @Test func exactTextKeysTellEquivalentTextsApart() {
        var random = SplitMix64(seed: 12)
        var equal = 0
        for _ in 0..<20_000 {
            let first = Self.line(&random, length: 0...2)
            let second = Self.line(&random, length: 0...2)
            let same = Array(first.utf8) == Array(second.utf8)
            if same { equal += 1 }
            #expect((ExactText(first) == ExactText(second)) == same, "\(first) \(second)")
            if same { #expect(ExactText(first).hashValue == ExactText(second).hashValue) }
        }
        #expect(ExactText("e\u{301}") != ExactText("é"))
        #expect(equal > 500)
    }

    /// Walking pages and lines together pairs the lines that filing them by page pairs: pages
    /// without lines, lines of pages not listed, and pages or lines out of order, which are
    /// filed after all.
    @Test func pairingPageByPageMatchesFilingByPage() {
        var random = SplitMix64(seed: 17)
        for round in 0..<3_000 {
            let pageNumbers = (1...Int.random(in: 1...6, using: &random)).filter { _ in
                Int.random(in: 0..<4, using: &random) > 0
            }
            var pages = pageNumbers.map { number in
                PageInfo(
                    docID: "", page: number, width: 600, height: 800, quarterTurned: false, label: nil, hasText: true,
                    lineCount: 0)
            }
            if round % 10 == 0 { pages.shuffle(using: &random) }
            var body = (0..<Int.random(in: 0...30, using: &random)).map { index in
                let page = Int.random(in: 0...7, using: &random)
                let x = Double(Int.random(in: 0...1, using: &random) * 300)
                return BodyLine(
                    TextLine(
                        docID: "", page: page, index: index, text: Self.line(&random, length: 1...3),
                        bbox: BoundingBox(x0: x, y0: Double(index * 12), x1: x + 100, y1: Double(index * 12 + 10)),
                        font: nil, fontSize: 10, bold: false, italic: false))
            }
            if round % 10 != 1 { body.sort { $0.page < $1.page } }
            let byPage = Dictionary(grouping: body, by: \.page)
            let expected = pages.flatMap { ColumnPairing.pair(byPage[$0.page] ?? [], pageWidth: $0.width) }
            #expect(DocumentNormalizer.pairedByPage(body, pages) == expected)
        }
    }

    /// Text keys hash as their strings do, so they agree with `String` equality: texts that are
    /// canonically equivalent but differ in their bytes ("é" and "e\u{301}") share a hash.
    @Test func textKeysHashAsStrings() {
        var random = SplitMix64(seed: 14)
        var standAlone = 0
        for _ in 0..<20_000 {
            let text = Self.line(&random, length: 0...6)
            if text.scalarsAreCharacters { standAlone += 1 }
            #expect(TextKey(text).hashValue == text.hashValue, "\(Array(text.unicodeScalars))")
        }
        for (first, second) in [("é", "e\u{301}"), ("Å", "\u{212B}"), ("ö", "o\u{308}"), ("K", "\u{212A}")] {
            #expect((TextKey(first) == TextKey(second)) == (first == second))
            if first == second { #expect(TextKey(first).hashValue == TextKey(second).hashValue) }
        }
        #expect(standAlone > 5_000)
    }

    @Test func phraseShortcutMatchesEachList() {
        var random = SplitMix64(seed: 4)
        let phrases = [
            "Justerandes signatur", "UNDERSKRIFTSSIDA", "Verifikat", " verifikat\t", "\u{A0}Verifikat\u{A0}",
            "Underskrifter (e-signering)", "elektroniskt underskrivet", "https://verify.comfact.se", "www.",
            "ORDFÖRANDES SIGNATUR", "Ordfo\u{308}randes signatur", "veri\u{301}fikat", "",
        ]
        var markers = 0
        for _ in 0..<20_000 {
            let text =
                Self.line(&random, length: 0...3) + phrases.randomElement(using: &random)!
                + Self.line(&random, length: 0...3)
            let lower = SearchableText(text.quickLowercased())
            let expected = LinePhrases(askingEachList: lower)
            if expected.signingPageMarker || expected.signatureBox || expected.esignNote { markers += 1 }
            #expect(LinePhrases(lowercased: lower) == expected, "\(Array(text.unicodeScalars))")
            #expect(LinePhrases(line: text) == expected, "\(Array(text.unicodeScalars))")
        }
        #expect(markers > 2_000)
    }

    @Test func hyphenEndTestMatchesSuffixes() {
        var random = SplitMix64(seed: 8)
        let ends = ["-", "\u{2010}", "-\u{301}", "\u{600}-", "a-", "x", "\u{2010}\u{308}", ""]
        var hyphens = 0
        for _ in 0..<20_000 {
            let line = Self.line(&random, length: 0...3) + ends.randomElement(using: &random)!
            let expected = line.hasSuffix("-") || line.hasSuffix("\u{2010}")
            if expected { hyphens += 1 }
            #expect(TextRepair.endsInHyphen(line) == expected, "\(Array(line.unicodeScalars))")
        }
        #expect(hyphens > 4_000)
    }

    @Test func scalarCountMatchesTheScalarView() {
        var random = SplitMix64(seed: 9)
        for _ in 0..<5_000 {
            let line = Self.line(&random, length: 0...30)
            var bytes = line
            #expect(bytes.withUTF8(scalarCount) == line.unicodeScalars.count, "\(Array(line.unicodeScalars))")
        }
    }

    /// Pieces whose scalars, and their lowercase's, are characters, without line feeds: the
    /// text on which the vocabulary searches bytes rather than building its set.
    static let regularPieces = pieces.filter {
        $0 != "\n" && $0.scalarsAreCharacters && $0.quickLowercased().scalarsAreCharacters
    }

    /// Lowercasing a document's lines into one buffer gives the bytes, and the answer about
    /// characters, of lowercasing the joined lines as a string, wherever the lines are Latin.
    @Test func latinLowercaseMatchesLoweringTheJoinedText() {
        var random = SplitMix64(seed: 27)
        var latin = 0
        for round in 0..<3_000 {
            // Half the documents draw only pieces whose scalars, and their lowercase's, are
            // characters; the rest every piece, "K" (U+212A) and "İ" among them.
            let lines = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                round % 2 == 0
                    ? (0..<Int.random(in: 0...12, using: &random)).map { _ in
                        Self.regularPieces.randomElement(using: &random)!
                    }.joined()
                    : Self.line(&random, length: 0...12)
            }
            let reference = LowercasedText.lowercase(lines)
            guard let found = LowercasedText.latinLowercase(lines) else { continue }
            latin += 1
            #expect(found.scalarsAreCharacters == (reference != nil), "\(lines)")
            if let reference { #expect(found.bytes == reference, "\(lines)") }
        }
        #expect(latin > 1_500)
    }

    @Test func vocabularySearchMatchesTheWholeSet() {
        var random = SplitMix64(seed: 5)
        let words = ["sjukvården", "FoU-avtal", "Hälso-", "(fou-avtal)", "Sjuk-vården", "ÖVERENS", "kärnfrågan", "-"]
        var present = 0
        var searched = 0
        for round in 0..<400 {
            // Half the documents are all regular lines, some of them with line feeds inside;
            // the rest mix in every other piece.
            let kind = round % 4
            let documentText = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                let piece = { (random: inout SplitMix64) in
                    switch kind {
                    case 0, 1: Self.regularPieces.randomElement(using: &random)!
                    case 2: (Self.regularPieces + ["\n"]).randomElement(using: &random)!
                    default: Self.pieces.randomElement(using: &random)!
                    }
                }
                return piece(&random) + piece(&random) + " " + words.randomElement(using: &random)! + " "
                    + piece(&random) + piece(&random)
            }
            if LowercasedText(documentText) != nil { searched += 1 }
            let reference = DocumentVocabulary.words(of: documentText)
            var asked = [
                "sjukvården", "fou-avtal", "hälso", "överens", "kärnfrågan", "vården", "sjuk-vården", "e\u{301}",
                "é", "\u{212A}", "k", "i\u{307}", "σ", "och", "sjukvårdenfoo", "",
            ]
            asked += reference.shuffled(using: &random).prefix(6)
            asked += (0..<10).map { _ in Self.line(&random, length: 1...3).quickLowercased() }
            // One vocabulary asked every word, past a search limit of 8, and one per word.
            let shared = DocumentVocabulary(documentText: documentText, searchLimit: 8)
            for word in asked {
                let expected = reference.contains(word)
                if expected { present += 1 }
                #expect(shared.contains(word) == expected, "\(word) in \(documentText)")
                #expect(
                    DocumentVocabulary(documentText: documentText).contains(word) == expected,
                    "\(word) in \(documentText)")
            }
        }
        #expect(present > 1_000)
        #expect(searched > 120)
    }
}
