import Foundation
import ProtokollModel

/// Reads one item's content: title, diary numbers, presenters, sections, decisions.
struct ItemContentParser {
    struct Decision {
        var label: String?
        var body: String?
        var formula: String?
        var text: String
        var kind: String
        var lines: [TextLine]
    }

    struct Content {
        var title: String
        var titleLines: [TextLine]
        var dnr: [String] = []
        var presenters: [PersonRef] = []
        var sections: [AgendaItemRecord.Section] = []
        var decisions: [Decision] = []
    }

    let input: SegmentInput

    func parse(_ item: ItemFinder.Item) -> Content {
        let lines = input.lines(ofBlocks: item.blocks)
        var content = title(item, lines)
        let titleEnd = content.titleLines.last?.end ?? lines.first?.end ?? 0
        for line in lines where line.start > titleEnd {
            content.dnr += Self.diaryNumbers(in: line)
        }
        for block in item.blocks where input.blocks[block].charStart > titleEnd {
            // Most blocks name no presenter; their lowercase lines tell without a reflow.
            guard PhraseCores.presenters.mayOccur(in: input.lines(ofBlock: block)) else { continue }
            content.presenters += Self.presenters(reflow(input.blocks[block].text), lines: [])
        }
        content.dnr += Self.diaryNumbers(item.heading.rest)
        for block in item.blocks.dropFirst() where input.blocks[block].kind == .heading {
            let heading = input.blocks[block]
            guard heading.charStart > titleEnd else { continue }
            let next =
                input.blocks.indices.contains(block + 1) && item.blocks.contains(block + 1)
                ? input.blocks[block + 1].charStart : (lines.last?.end ?? heading.charEnd)
            content.sections.append(
                .init(
                    heading: reflow(heading.text), char_start: heading.charStart, char_end: max(next, heading.charEnd)))
        }
        content.decisions = decisions(in: lines.filter { $0.start > titleEnd })
        return content
    }

    /// The title: the rest of the heading line, else the heading block's other lines, else
    /// the next block when it is a heading or a short line.
    private func title(_ item: ItemFinder.Item, _ lines: [TextLine]) -> Content {
        let headingLines = lines.filter { $0.block == item.block }
        let rest = item.heading.rest
        if !rest.isEmpty, Self.diaryNumbers(rest).isEmpty || rest.count > 20 {
            var titleLines = [headingLines[0]]
            if item.heading.style == .numbered || input.blocks[item.block].kind == .heading {
                titleLines = headingLines
            }
            let text = ([rest] + titleLines.dropFirst().map(\.text)).joined(separator: " ")
            return Content(title: reflow(text), titleLines: titleLines)
        }
        if headingLines.count > 1 {
            let titleLines = Array(headingLines.dropFirst())
            return Content(title: reflow(titleLines.map(\.text).joined(separator: " ")), titleLines: titleLines)
        }
        let nextLines = lines.filter { $0.block == item.block + 1 && item.blocks.contains($0.block) }
        if let next = nextLines.first,
            input.blocks[next.block].kind == .heading || (nextLines.count == 1 && next.text.count <= 120),
            !isFormula(next.text)
        {
            return Content(title: reflow(nextLines.map(\.text).joined(separator: " ")), titleLines: nextLines)
        }
        return Content(title: "", titleLines: headingLines)
    }

    // MARK: - Decisions

    /// Decisions follow a formula ("… beslutar", "<Organs> beslut", "Beslut"): numbered
    /// points, att-clauses, or one sentence. A sentence such as "PSVO beslutade att bordlägga
    /// ärendet." is formula and decision in one. Without any formula, att-clauses and
    /// sentences with a decision verb ("Dagordningen godkändes.") are the decisions.
    private func decisions(in lines: [TextLine]) -> [Decision] {
        var decisions: [Decision] = []
        var formula: (body: String?, text: String)?
        var index = 0
        var sawFormula = false
        while index < lines.count {
            let line = lines[index]
            // A formula stands alone as a block; "… Ordförande beslutade" at a line end is not one.
            // Every formula ends in "beslut…": a line whose lowercase form lacks it is none.
            let isWholeBlock = input.lines(ofBlock: line.block).count == 1
            if isWholeBlock, line.lowerContainsBytes(Self.beslut), let found = formulaParts(line.text) {
                formula = found
                sawFormula = true
                index += 1
                var consumed = false
                while index < lines.count, let (label, text) = Self.clause(lines[index].text) {
                    var clauseLines = [lines[index]]
                    index += 1
                    while index < lines.count, lines[index].block == clauseLines[0].block {
                        clauseLines.append(lines[index]); index += 1
                    }
                    decisions.append(
                        make(
                            label: label, text: ([text] + clauseLines.dropFirst().map(\.text)).joined(separator: " "),
                            formula: formula, lines: clauseLines))
                    consumed = true
                }
                if !consumed, index < lines.count, ItemHeading.parse(lines[index].text) == nil {
                    let block = lines[index].block
                    let sentence = lines[index...].prefix { $0.block == block }
                    decisions.append(
                        make(
                            label: nil, text: sentence.map(\.text).joined(separator: " "), formula: formula,
                            lines: Array(sentence)))
                    index += sentence.count
                }
                continue
            }
            let block = line.block
            let blockLines = lines[index...].prefix { $0.block == block }
            // The inline formula's phrases hold "beslut" within a word, so within a line: a block
            // whose lines lack those bytes holds none, and is passed over unjoined.
            guard blockLines.contains(where: { $0.textContainsBytes(Self.beslut) }) else {
                index += blockLines.count
                continue
            }
            let text = blockLines.map(\.text).joined(separator: " ")
            // The inline formula is looked for once, both to read a decision and to step on.
            let inlineFormula = Self.inlineFormula(in: text)
            if let inlineFormula, let inline = Self.inlineDecision(text, formula: inlineFormula) {
                let sentence = blockLines
                decisions.append(
                    make(label: nil, text: inline.text, formula: (inline.body, inline.formula), lines: Array(sentence)))
                sawFormula = true
                index += sentence.count
                continue
            }
            // The block's later lines start shorter texts, which can hold an inline decision
            // only when this one holds its formula.
            index += inlineFormula != nil ? 1 : blockLines.count
        }
        guard !sawFormula else { return decisions }
        // No formula: att-clauses and decision sentences. Most blocks hold neither, and are
        // joined only once one of the tests may pass.
        // Each block once: what a block gives depends on the block alone, and a block read
        // again gave nothing more. The lines come block by block, so a block is new where
        // the block number changes.
        var previousBlock: Int?
        for line in lines where line.block != previousBlock {
            previousBlock = line.block
            let blockLines = input.lines(ofBlock: line.block)
            var joined: String?
            if Self.mayOpenWithAttClause(blockLines.first?.text ?? "") {
                let text = blockLines.map(\.text).joined(separator: " ")
                if let clause = Self.attClause(text) {
                    decisions.append(make(label: "att", text: clause, formula: nil, lines: Array(blockLines)))
                    continue
                }
                joined = text
            }
            guard PhraseCores.decisionSentenceVerbs.mayOccur(in: blockLines),
                input.blocks[line.block].kind != .heading
            else { continue }
            let text = joined ?? blockLines.map(\.text).joined(separator: " ")
            guard text.hasAtMostCharacters(300) else { continue }
            for sentence in Self.sentences(text) {
                let lower = SearchableText(sentence.quickLowercased())
                guard Vocabulary.decisionSentenceVerbs.isFound(in: lower), !Vocabulary.modalVerbs.isFound(in: lower)
                else { continue }
                decisions.append(make(label: nil, text: sentence, formula: nil, lines: Array(blockLines)))
            }
        }
        return decisions
    }

    private func make(label: String?, text: String, formula: (body: String?, text: String)?, lines: [TextLine])
        -> Decision
    {
        let clean = reflow(text)
        return Decision(
            label: label, body: formula?.body, formula: formula?.text, text: clean, kind: Self.kind(clean), lines: lines
        )
    }

    /// What every formula holds.
    private static let beslut = LinePhrase("beslut")

    /// Formula endings, longest first, and the formula each one records.
    private static let formulaEndings = [
        (ending: "beslutar att", formula: "beslutar"), ("beslutar", "beslutar"),
        ("beslutade att", "beslutade"), ("beslutade", "beslutade"),
    ].map { (ending: $0.ending, spaced: " " + $0.ending, formula: $0.formula) }
    private static let whitespaceAndColon = CharacterSet.whitespaces.union([":"])

    /// "PSVO beslutar", "LSVO:s ledningsgrupp beslutar att", "Kommunstyrelsens beslut",
    /// "Beslut" → (deciding body, formula).
    private func formulaParts(_ line: String) -> (body: String?, text: String)? {
        let text = line.trimming(Self.whitespaceAndColon)
        let lower = text.quickLowercased()
        for (ending, spaced, formula) in Self.formulaEndings where lower.hasTextSuffix(spaced) {
            let body = String(text.dropLast(ending.count)).trimmingWhitespaces()
            return (body.isEmpty ? nil : body, formula)
        }
        if lower == "beslut" || lower == "förslag till beslut" && false { return (nil, text) }
        if lower.hasTextSuffix("s beslut"), text.split(separator: " ").count <= 3, !lower.containsText(" att ") {
            return (String(text.dropLast(" beslut".count)), text)
        }
        return nil
    }

    private func isFormula(_ line: String) -> Bool { formulaParts(line) != nil }

    /// "X beslutade att bordlägga ärendet." → body X, formula "beslutade", text "bordlägga
    /// ärendet". A chair's procedural decision ("Ordförande beslutade att …") is not the
    /// body's.
    /// `formula` is `inlineFormula(in: line)`, looked for first: it is quick to find, and most
    /// paragraphs have none.
    private static func inlineDecision(_ line: String, formula found: (formula: String, range: Range<String.Index>))
        -> (body: String?, formula: String, text: String)?
    {
        let (formula, range) = found
        // One sentence only: a paragraph that tells of an earlier decision is not one.
        guard sentences(line).count == 1 else { return nil }
        let body = String(line[..<range.lowerBound]).trimmingWhitespaces()
        let lowerBody = body.quickLowercased()
        guard !body.isEmpty, body.split(separator: " ").count <= 8,
            !["ordförande", "ordföranden", "vi", "jag"].contains(lowerBody),
            body.first?.isUppercase == true, !body.containsText(".")
        else { return nil }
        let text = String(line[range.upperBound...]).trimmingWhitespaces()
        return (body, formula, text)
    }

    /// The first of `inlineFormulas` that `line` holds, and where its phrase is; the text is
    /// made searchable once for both phrases.
    private static func inlineFormula(in line: String) -> (formula: String, range: Range<String.Index>)? {
        let search = SearchableText(line)
        for (formula, phrase) in inlineFormulas {
            if let range = search.range(of: phrase) { return (formula, range) }
        }
        return nil
    }

    /// The formulas of an inline decision, and the phrase that holds each in a sentence.
    private static let inlineFormulas: [(formula: String, phrase: String)] = [
        ("beslutade", " beslutade att "), ("beslutar", " beslutar att "),
    ]

    /// "1. Att godkänna …" → ("1.", "Att godkänna …"); "att godkänna …" → ("att", "godkänna …");
    /// "- text" → ("-", "text").
    static func clause(_ line: String) -> (String, String)? {
        let text = line.trimmingWhitespaces()
        // Every label starts with a digit, a letter, "-" or "•": a line that starts with
        // another ASCII byte, or with a byte that leads no digit or letter, has none.
        guard let lead = text.utf8.first, Self.mayLeadLabel(lead) else { return nil }
        // The pattern starts with a digit or a letter a–z; test that before running it.
        let startsLikeLabel = Patterns.startsWithDigit(text) || ("a"..."z").contains(text.unicodeScalars.first ?? " ")
        if startsLikeLabel, Self.mayMatchLabelPattern(text),
            let match = Patterns.range(of: #"^(\d{1,2}[.)]|[a-z]\))\s+"#, in: text)
        {
            return (String(text[match]).trimmingWhitespaces(), String(text[match.upperBound...]))
        }
        if text.hasTextPrefix("att ") { return ("att", String(text.dropFirst(4))) }
        if text.hasTextPrefix("- ") || text.hasTextPrefix("• ") {
            return (String(text.prefix(1)), String(text.dropFirst(2)))
        }
        return nil
    }

    /// The text of an att-clause ("att godkänna …" → "godkänna …"): what `clause(_:)` gives
    /// with the label "att". No other label starts with "att ", and the label pattern needs a
    /// digit or ")" where "att " has "a" and "t", so only the "att " test decides.
    static func attClause(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespaces()
        return trimmed.hasTextPrefix("att ") ? String(trimmed.dropFirst(4)) : nil
    }

    /// Whether a block whose first line is `firstLine` may open with an att-clause once its
    /// lines are joined: an ASCII first byte other than a space or a tab, or a first scalar that
    /// is plain punctuation (a bullet), is also the joined text's first after trimming, and an
    /// att-clause needs an "a" there.
    static func mayOpenWithAttClause(_ firstLine: String) -> Bool {
        guard let first = firstLine.utf8.first, first < 0x80, first != UInt8(ascii: " "), first != UInt8(ascii: "\t")
        else { return !(firstLine.unicodeScalars.first?.isPlainPunctuation ?? false) }
        return first == UInt8(ascii: "a")
    }

    /// Whether the label pattern may match by its first two bytes: after "a"–"z" only ")" can
    /// follow, after an ASCII digit only ".", ")" or another digit (of any script, so any
    /// byte beyond ASCII too). Most lines that start with a letter continue a sentence.
    static func mayMatchLabelPattern(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        let second = bytes.next()
        if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) { return second == UInt8(ascii: ")") }
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return true }
        guard let second else { return false }
        return second == UInt8(ascii: ".") || second == UInt8(ascii: ")") || second >= 0x80
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(second)
    }

    /// Whether a label may start with the scalar that `lead` starts: not with ASCII other than
    /// a digit, "a"–"z" or "-". Other scalars ("•", digits of other scripts) go to the full test.
    private static func mayLeadLabel(_ lead: UInt8) -> Bool {
        lead >= 0x80 || lead == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lead)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lead)
    }

    static func kind(_ text: String) -> String {
        let lower = SearchableText(text.quickLowercased())
        return Vocabulary.decisionTriggers.firstIndex(in: lower).map { Vocabulary.decisionKinds[$0].kind } ?? "other"
    }

    // MARK: - Presenters and diary numbers

    /// "Föredragande: A och B", "A, ordförande PSVO informerar om …", "Information lämnas av
    /// A", "A, utvecklingsledare, föredrog ärendet".
    static func presenters(_ text: String, lines: [TextLine]) -> [PersonRef] {
        var names: [String] = []
        let lower = text.quickLowercased()
        if lower.hasTextPrefix("föredragande:") || lower.hasTextPrefix("föredragande ") {
            let list = text.split(ascii: ":", maxSplits: 1).last.map(String.init) ?? ""
            // A piece after a title ("…, central processledare Hälsa, Lärande Trygghet") is
            // the title's tail, not a person.
            var afterTitle = false
            for piece in list.replacingText(" och ", with: ", ").split(ascii: ",") {
                let trimmed = piece.trimmingWhitespaces()
                if let name = leadingName(trimmed), !afterTitle { names.append(name) }
                afterTitle = trimmed.first?.isLowercase == true
            }
        } else if let range = lower.textRange(of: "information lämnas av ") {
            names = String(text[text.index(matching: range.upperBound, in: lower)...]).replacingText(
                " och ", with: ", "
            )
            .split(ascii: ",").compactMap { leadingName(String($0)) }
        } else {
            // Sentences that open with the presenters: "Mats Wennstig och Nuray Iliev, …
            // informerar om …".
            let search = SearchableText(lower)
            guard Vocabulary.presenterVerbs.isFound(in: search) else { return [] }
            for sentence in sentences(text) {
                let lowerSentence = SearchableText(sentence.quickLowercased())
                guard let verbIndex = Vocabulary.presenterVerbs.firstIndex(in: lowerSentence),
                    let verb = lowerSentence.range(of: Vocabulary.presenterVerbs.phrases[verbIndex])
                else { continue }
                let verbStart = sentence.index(matching: verb.lowerBound, in: lowerSentence.text)
                let head =
                    String(sentence[..<verbStart]).split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
                let pieces = head.components(separatedBy: " och ")
                let found = pieces.compactMap { leadingName($0) }
                if found.count == pieces.count { names += found }
            }
        }
        return names.map { PersonEntry.makePerson(name: $0, raw: $0, partyRaw: nil) }
    }

    /// Two to four capitalised words at the start, not all capitals: "Isabell Zembrén
    /// områdeschef …" → "Isabell Zembrén".
    static func leadingName(_ text: String) -> String? {
        var words: [Substring] = []
        // Five pieces at most: the loop ends at the fifth word whatever it is, and the first
        // four are the same words as a full split gives.
        for word in text.trimmingWhitespaces().split(ascii: " ", maxSplits: 4) {
            guard let first = word.first, first.isUppercase,
                !(word.count > 1 && word.allSatisfy({ $0.isUppercase || !$0.isLetter })),
                words.count < 4
            else { break }
            words.append(word)
        }
        guard words.count >= 2, words.first != "Region",
            !["kommun", "län"].contains(words.last?.quickLowercased() ?? "")
        else { return nil }
        return words.joined(separator: " ").trimming(Self.periodAndColon)
    }

    private static let periodAndColon: CharacterSet = [".", ":"]

    /// "Dnr 00123/2021", "Diarienummer 00322/2026", "DNR:KU/2007.9", "SLK-2025-00364".
    static func diaryNumbers(_ text: String) -> [String] {
        diaryNumbers(text, lower: text.quickLowercased())
    }

    /// The diary numbers of one line, the line's byte pairs ruling out most lines first.
    static func diaryNumbers(in line: TextLine) -> [String] {
        diaryNumbers(
            line.text, mayName: line.lowerContainsBytes(diaryLabels[0]) || line.lowerContainsBytes(diaryLabels[1]))
    }

    /// `lower` is `text` lowercased.
    static func diaryNumbers(_ text: String, lower: String) -> [String] {
        diaryNumbers(text, mayName: lower.containsBytes("dnr") || lower.containsBytes("diarien"))
    }

    /// The literal parts of the named pattern, lowercase.
    private static let diaryLabels = [LinePhrase("dnr"), LinePhrase("diarien")]

    /// Each pattern runs only on text that holds its literal part ("dnr" or "diarien" in any
    /// case, as `mayName` tells, or a slash), which most lines do not. A line that is one
    /// number holds no ASCII letter, which most lines with a slash ("och/eller") do.
    private static func diaryNumbers(_ text: String, mayName: Bool) -> [String] {
        // Tested before any list of patterns is made: this runs for every line of every item.
        let mayStandAlone =
            text.containsBytes("/") && !text.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        guard mayName || mayStandAlone else { return [] }
        var found: [String] = []
        for (mayMatch, pattern) in [(mayName, namedDiaryNumber), (mayStandAlone, lineOfDiaryNumber)] where mayMatch {
            let regex = Patterns.compiled(pattern)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { found.append(String(text[range])) }
            }
        }
        return found
    }

    private static let namedDiaryNumber =
        #"(?i)\b(?:dnr|diarienummer|diarienr)[:.]?\s*([A-ZÅÄÖ0-9][A-ZÅÄÖa-zåäö0-9:./ -]*\d)"#
    private static let lineOfDiaryNumber = #"^\s*(\d{1,6}/\d{2,4})\s*$"#

    /// The text cut after each ".", "!" and "?", each piece trimmed.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var start = text.startIndex
        for end in sentenceEnds(text) {
            result.append(text[start..<end].trimmingWhitespaces())
            start = end
        }
        let rest = text[start...].trimmingWhitespaces()
        if !rest.isEmpty { result.append(rest) }
        return result
    }

    /// Where each sentence ends: after each "." "!" or "?" that is a character of its own.
    private static func sentenceEnds(_ text: String) -> [String.Index] {
        guard text.scalarsAreCharacters else {
            return text.indices.filter { ".!?".contains(text[$0]) }.map { text.index(after: $0) }
        }
        // The three marks are single bytes that never occur inside a longer UTF-8 sequence.
        var ends: [String.Index] = []
        let bytes = text.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            bytes.formIndex(after: &index)
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                ends.append(index)
            }
        }
        return ends
    }
}

/// Joins a multi-line text into one line with single spaces.
func reflow(_ text: String) -> String {
    guard text.scalarsAreCharacters else {
        return text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ").replacingText(
            "\t", with: " ")
    }
    // Each scalar is a character: the same in one pass over the bytes. Line feeds, spaces and
    // tabs are single bytes that never occur inside a longer UTF-8 sequence.
    var text = text
    return text.withUTF8 { input in
        String(unsafeUninitializedCapacity: input.count) { output in
            var count = 0
            var pendingSpace = false
            for byte in input {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: " ") {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    output[count] = UInt8(ascii: " ")
                    count += 1
                    pendingSpace = false
                }
                output[count] = byte == UInt8(ascii: "\t") ? UInt8(ascii: " ") : byte
                count += 1
            }
            return count
        }
    }
}
