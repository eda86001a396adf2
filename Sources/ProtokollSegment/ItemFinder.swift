import Foundation
import ProtokollModel

/// Finds the agenda items: which blocks open an item and where each item ends.
///
/// Candidates are blocks whose first line parses as an `ItemHeading`. A table of contents
/// (a heading such as "Innehållsförteckning" and the entry lines after it) is skipped;
/// numbered items must be headings (bold or styled), so numbered lists and numbered
/// decisions inside items are not items; margin references and continuation headers are not
/// new items; and of the rest, the longest run of increasing numbers wins, so a reference to
/// "§105" of an earlier meeting inside § 114 is body text.
struct ItemFinder {
    struct Item {
        var heading: ItemHeading
        /// The block that opens the item.
        var block: Int
        /// Blocks of the item, heading included.
        var blocks: Range<Int>
    }

    let input: SegmentInput

    func find() -> (items: [Item], tableOfContents: Range<Int>?) {
        let toc = tableOfContents()
        var candidates: [(block: Int, heading: ItemHeading)] = []
        // By index: a block read whole would be copied, its strings and parts retained.
        for index in input.blocks.indices where !(toc?.contains(index) ?? false) {
            guard let first = firstLine(ofBlock: index), let heading = ItemHeading.parse(first),
                !heading.isMarginReference, !heading.isContinuation
            else { continue }
            if heading.style == .numbered && input.blocks[index].kind != .heading { continue }
            if heading.style == .paragraph && heading.rest.count > 150 { continue }
            candidates.append((index, heading))
        }
        // Two or more § headings make a § protocol; otherwise the larger kind wins.
        let paragraphStyle = candidates.filter { $0.heading.style == .paragraph }
        let numbered = candidates.filter { $0.heading.style == .numbered }
        let chosen = Self.longestIncreasingRun(
            Self.dominantForm(
                paragraphStyle.count >= 2 || paragraphStyle.count >= numbered.count ? paragraphStyle : numbered))
        let end = backMatterStart(after: chosen.last?.block)
        var items: [Item] = []
        for (position, candidate) in chosen.enumerated() {
            let next = position + 1 < chosen.count ? chosen[position + 1].block : end
            items.append(
                Item(
                    heading: candidate.heading, block: candidate.block,
                    blocks: candidate.block..<max(next, candidate.block + 1)))
        }
        return (items, toc)
    }

    /// The candidates printed the way most of them are ("§ 113" alone on its line, or "§113
    /// Title"): a protocol sets its headings one way, while references to other meetings'
    /// paragraphs inside the text ("§105 God och nära vård - …") look different.
    static func dominantForm(_ candidates: [(block: Int, heading: ItemHeading)]) -> [(block: Int, heading: ItemHeading)]
    {
        func form(_ heading: ItemHeading) -> String {
            // Found as Foundation's `contains` finds it.
            let spaced = heading.numberRaw.containsText("§ ")
            return "\(spaced)|\(heading.rest.isEmpty)|\(heading.suffix != nil)"
        }
        // Each candidate's form once.
        let forms = candidates.map { form($0.heading) }
        var counts: [String: Int] = [:]
        for candidateForm in forms { counts[candidateForm, default: 0] += 1 }
        guard let top = counts.max(by: { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }),
            top.value * 2 >= candidates.count, top.value >= 2
        else { return candidates }
        return candidates.indices.filter { forms[$0] == top.key }.map { candidates[$0] }
    }

    /// The longest subsequence with strictly increasing numbers (ties broken towards later
    /// blocks, so a table-of-contents copy loses to the real heading).
    static func longestIncreasingRun(_ candidates: [(block: Int, heading: ItemHeading)]) -> [(
        block: Int, heading: ItemHeading
    )] {
        guard !candidates.isEmpty else { return [] }
        var length = [Int](repeating: 1, count: candidates.count)
        var previous = [Int?](repeating: nil, count: candidates.count)
        for index in candidates.indices {
            for earlier in 0..<index
            where candidates[earlier].heading.numberInt < candidates[index].heading.numberInt
                || (candidates[earlier].heading.numberInt == candidates[index].heading.numberInt
                    && candidates[earlier].heading.number < candidates[index].heading.number)
            {
                if length[earlier] + 1 >= length[index] {
                    length[index] = length[earlier] + 1
                    previous[index] = earlier
                }
            }
        }
        var best = length.indices.max { length[$0] == length[$1] ? $0 < $1 : length[$0] < length[$1] }
        var run: [(block: Int, heading: ItemHeading)] = []
        while let index = best {
            run.insert(candidates[index], at: 0)
            best = previous[index]
        }
        return run
    }

    private static let colonAndSpace: CharacterSet = [":", " "]
    private static let longestContentsHeading = Vocabulary.tableOfContents.map(\.utf8.count).max() ?? 0
    static let contentsLeads = PhraseLeads(Vocabulary.tableOfContents)

    /// The first line of a block that is not empty.
    private func firstLine(ofBlock block: Int) -> String? {
        input.lines(ofBlock: block).first { !$0.text.isEmpty }?.text
    }

    /// A table-of-contents heading and the entry lines that follow it.
    func tableOfContents() -> Range<Int>? {
        guard
            let start = input.blocks.indices.first(where: { index in
                // Trimmed first, lowercased only when short enough to be a heading: lowercasing
                // maps scalar by scalar, never to or from ":" or " ", and shrinks UTF-8 at most
                // threefold (the Kelvin sign to "k"). Most blocks are paragraphs.
                // ":" and " " are single bytes: what trimming them leaves is counted on the bytes.
                let blockText = input.blocks[index].text
                // Trimming keeps a first byte other than ":" and " ": its lead is read untrimmed.
                if let first = blockText.utf8.first, first != UInt8(ascii: ":"), first != UInt8(ascii: " "),
                    !Self.contentsLeads.mayStart(blockText)
                {
                    return false
                }
                guard Self.trimmedByteCount(blockText) <= 3 * Self.longestContentsHeading else { return false }
                let text = blockText.trimming(Self.colonAndSpace)
                // Most short blocks ("§ 12", a name, a date) start with a byte no heading does.
                return Self.contentsLeads.mayStart(text) && Vocabulary.tableOfContents.contains(text.quickLowercased())
            })
        else { return nil }
        var end = start + 1
        while end < input.blocks.count, isTableOfContentsEntry(block: end) {
            end += 1
        }
        return start..<end
    }

    /// The UTF-8 length of `text.trimming(colonAndSpace)`: both are ASCII, so trimming removes
    /// their bytes at either end and nothing else.
    static func trimmedByteCount(_ text: String) -> Int {
        let utf8 = text.utf8
        let isTrimmed = { (byte: UInt8) in byte == UInt8(ascii: ":") || byte == UInt8(ascii: " ") }
        guard let first = utf8.firstIndex(where: { !isTrimmed($0) }),
            let last = utf8.lastIndex(where: { !isTrimmed($0) })
        else { return 0 }
        return utf8.distance(from: first, to: last) + 1
    }

    /// Whether every line of a block that is not empty reads as a table-of-contents entry.
    ///
    /// The block's lines are those cut once for every parser, at each line feed as
    /// `split(separator: "\n")` cuts: a long paragraph after the contents is not cut up again
    /// only for its first line to fail.
    func isTableOfContentsEntry(block: Int) -> Bool {
        input.lines(ofBlock: block).allSatisfy { $0.text.isEmpty || Self.isTableOfContentsEntry(line: $0.text) }
    }

    /// Whether a line reads as a table-of-contents entry: a "§" with a title, dot leaders, a
    /// bullet, a numbered entry, or a page number after a tab. Text is found as Foundation's
    /// `contains(_:)` finds it (`containsText`), without its copy of the line per search.
    static func isTableOfContentsEntry(line: String) -> Bool {
        let trimmed = line.trimmingWhitespaces()
        // "§ 12/24" alone is an item heading; a TOC entry has a title beside the number.
        let hasTitle = trimmed.contains { $0.isLetter } || trimmed.containsText("\t")
        return (trimmed.containsText("§") && hasTitle) || trimmed.containsText("....") || trimmed.hasPrefix("•")
            || Patterns.range(of: #"^([a-z]\)|\d{1,3}\.)\s"#, in: trimmed) != nil
            || Patterns.range(of: #"\t\d{1,3}$"#, in: trimmed) != nil
    }

    /// Where the last item ends: the first block after its heading that opens an attendance
    /// list, a signature block or a signing section.
    private func backMatterStart(after block: Int?) -> Int {
        guard let block else { return input.blocks.count }
        for index in (block + 1)..<input.blocks.count {
            let first = firstLine(ofBlock: index) ?? ""
            let lower = first.quickLowercased()
            if AttendanceParser.heading(first) != nil && input.blocks[index].kind != .text
                || lower.hasPrefix("närvarolista")
            {
                return index
            }
            // "Anslag" alone is also a budget word; only the certificate's own heading counts.
            if ["underskrifter", "justerandes sign", "anslag/bevis", "anslag / bevis"].contains(where: {
                lower.hasPrefix($0)
            })
                || ["anslag", "bevis", "anslagsbevis"].contains(lower)
            {
                return index
            }
        }
        return input.blocks.count
    }
}
