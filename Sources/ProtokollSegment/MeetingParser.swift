import Foundation
import ProtokollModel

/// Reads the meeting's metadata from the front matter (and running headers): body, date,
/// time, place, diary numbers, item range, adjustment.
struct MeetingParser {
    struct Meeting {
        var bodyName: String?
        var bodyAbbr: String?
        var organisation: String?
        var protocolKind: String?
        var date: String?
        var startTime: String?
        var endTime: String?
        var timeRaw: String?
        var place: String?
        var dnr: [String] = []
        var itemRange: MeetingRecord.ItemRange?
        var adjustment: MeetingRecord.Adjustment?
        var posting: MeetingRecord.Posting?
        var storagePlace: String?
        var lines: [TextLine] = []
    }

    let input: SegmentInput

    /// - Parameters:
    ///   - frontMatter: Blocks before the first item.
    ///   - outside: All blocks outside items, where the posting certificate ("ANSLAG/BEVIS")
    ///     and the storage place usually stand, at the end.
    func parse(frontMatter: [Int], outside: [Int]) -> Meeting {
        var meeting = Meeting()
        let lines = input.lines(ofBlocks: frontMatter)
        meeting.lines = Array(lines.prefix(1))
        let headerText = input.furniture.filter { $0.kind == .runningHeader || $0.kind == .pageNumber }.map(\.text)
        let year = (lines.map(\.text) + headerText).lazy.compactMap { SwedishDate.date(in: $0) }.first.flatMap {
            Int($0.prefix(4))
        }

        meeting.organisation = headerText.first {
            $0.hasPrefix("Region ") || $0.hasSuffix(" kommun") || $0.hasSuffix(" län")
        }
        .map { String($0.split(separator: "\t").first ?? "") }
        let kindWords = ["sammanträdesprotokoll", "protokoll", "justerat protokoll", "protokollsutdrag"]
        meeting.protocolKind =
            (lines.map(\.lower) + headerText.map { $0.quickLowercased() }).lazy
            .compactMap { text in kindWords.first { text == $0 || text.hasPrefix($0 + " ") } }.first

        // The body: among the first blocks, the first heading (else the first line) that is
        // not a label, a date or "Protokoll".
        let opening = Array(frontMatter.prefix(6))
        let candidates = opening.filter { input.blocks[$0].kind == .heading } + opening
        for blockIndex in candidates {
            let block = input.blocks[blockIndex]
            let text = reflow(block.text)
            let lower = text.quickLowercased()
            guard !text.containsText(":"), !text.containsText("\t"),
                SwedishDate.date(in: text) == nil, !kindWords.contains(lower), text.count >= 4,
                !Vocabulary.tableOfContents.contains(lower)
            else { continue }
            var name = text
            for prefix in ["Protokoll ", "Sammanträdesprotokoll "] where name.hasPrefix(prefix) {
                name = String(name.dropFirst(prefix.count))
            }
            meeting.bodyName = name
            meeting.lines = Array(input.lines(ofBlock: blockIndex))
            break
        }
        if meeting.bodyName == nil {
            // A Word first-page header may hold the title; take its first line that names
            // something, not the organisation, a label, a date or a page counter.
            meeting.bodyName = headerText.flatMap { $0.components(separatedBy: "\t") }.first { line in
                let lower = line.quickLowercased()
                return line.count >= 8 && line != meeting.organisation && !kindWords.contains(lower)
                    && SwedishDate.date(in: line) == nil
                    && !lower.hasPrefix("sida") && !lower.hasPrefix("sammanträdesdatum")
                    && line.contains { $0.isLowercase }
            }
        }
        if let name = meeting.bodyName, let range = Patterns.range(of: #"\(([A-ZÅÄÖ]{2,8})\)"#, in: name) {
            meeting.bodyAbbr = String(name[range]).trimmingCharacters(in: ["(", ")"])
        } else if let abbr = frontMatter.lazy.map({ self.input.blocks[$0].text }).first(where: { text in
            text.hasAtMostCharacters(8) && !text.hasAtMostCharacters(1)
                && text.allSatisfy { $0.isUppercase || $0 == "-" }
        }) {
            meeting.bodyAbbr = abbr
        }

        for (unit, line) in labelUnits(frontMatter) {
            let text = unit
            let label = text.firstPiece(separatedBy: [":", "\t"]).map { $0.quickLowercased() } ?? ""
            let value = AttendanceParser.value(after: text) ?? text
            if label.containsText("justering") || label.hasPrefix("justerat") {
                guard meeting.adjustment == nil else { continue }
                meeting.adjustment = MeetingRecord.Adjustment(
                    place: nil, date: SwedishDate.date(in: value, year: year),
                    time: SwedishDate.times(in: value)?.start,
                    raw: value)
                continue
            }
            if label.hasPrefix("dnr") || label.hasPrefix("diarienummer") {
                meeting.dnr.append(value)
                continue
            }
            if label.hasPrefix("paragraf") || label.hasPrefix("ärenden") || label.hasPrefix("protokollet omfattar") {
                meeting.itemRange = Self.itemRange(value)
                continue
            }
            if label.hasPrefix("paragraf") == false, text.quickLowercased().hasPrefix("paragraf ") {
                meeting.itemRange = Self.itemRange(String(text.dropFirst("paragraf ".count)))
            }
            let isTimeOrPlace =
                label.hasPrefix("tid") || label.hasPrefix("plats") || label.hasPrefix("datum")
                || label.hasPrefix("sammanträdesdatum")
            if isTimeOrPlace || (meeting.date == nil && lines.first.map { $0.block } != line.block && label == "") {
                if meeting.date == nil, let date = SwedishDate.date(in: value, year: year) { meeting.date = date }
                if meeting.startTime == nil, let times = SwedishDate.times(in: value) {
                    meeting.startTime = times.start
                    meeting.endTime = times.end
                    meeting.timeRaw = times.raw
                }
                if meeting.place == nil, label.hasPrefix("plats") || label == "tid och plats" {
                    meeting.place = Self.place(in: value)
                }
            }
        }
        if meeting.date == nil {
            meeting.date = (lines.map(\.text) + headerText).lazy.compactMap { SwedishDate.date(in: $0) }.first
        }
        for (text, _) in labelUnits(outside) {
            let lower = text.quickLowercased()
            let value = AttendanceParser.value(after: text) ?? text
            let search = SearchableText(lower)
            if search.contains("anslag")
                && (search.contains("uppsätt") || search.contains("sattes upp") || search.contains("nedtag"))
            {
                var posting = meeting.posting ?? MeetingRecord.Posting(posted: nil, removed: nil, raw: text)
                if search.contains("nedtag") {
                    posting.removed = SwedishDate.date(in: value, year: year)
                } else {
                    posting.posted = SwedishDate.date(in: value, year: year)
                }
                if meeting.posting != nil { posting.raw += "\n" + text }
                meeting.posting = posting
            } else if lower.hasPrefix("förvaringsplats") {
                meeting.storagePlace = value
            }
        }
        return meeting
    }

    /// The front matter as "Label: value" units: a line that starts with a label opens a
    /// unit, lines without one continue it, and a label standing alone ("Tid och plats:")
    /// takes the next block as its value.
    private func labelUnits(_ blocks: [Int]) -> [(text: String, line: TextLine)] {
        var units: [(text: String, line: TextLine)] = []
        for (position, blockIndex) in blocks.enumerated() {
            let blockLines = input.lines(ofBlock: blockIndex)
            for line in blockLines {
                let hasLabel =
                    line.text.containsBytes(":") && Patterns.range(of: #"^[A-ZÅÄÖ][^:\t]{1,40}:"#, in: line.text) != nil
                if hasLabel || units.isEmpty || units.last?.line.block != blockIndex {
                    units.append((line.text, line))
                } else {
                    units[units.count - 1].text += " " + line.text
                }
            }
            if let last = units.last, last.line.block == blockIndex, last.text.hasSuffix(":"),
                position + 1 < blocks.count
            {
                let next = input.lines(ofBlock: blocks[position + 1]).map(\.text).joined(separator: " ")
                units[units.count - 1].text += " " + next
            }
        }
        return units
    }

    /// "Paragraf 12 - 22", "§113 - §123", "1-14".
    static func itemRange(_ text: String) -> MeetingRecord.ItemRange {
        let numbers = text.split(whereSeparator: { !$0.isNumber }).map(String.init)
        return MeetingRecord.ItemRange(from: numbers.first, to: numbers.count > 1 ? numbers[1] : nil, raw: text)
    }

    /// The place in "Konferensrum Näsvisen Karlshamns sjukhus, den 1 mars 2024, klockan …",
    /// "Hjortkvarn, Eklundavägen 1, Örebro", "Teams", "… kl. 13.00 – 15.30 via Teams".
    static func place(in text: String) -> String? {
        if let range = text.range(of: "via ", options: .caseInsensitive) {
            return String(text[range.upperBound...]).trimmingWhitespaces()
        }
        let parts = text.split(separator: ",").map { $0.trimmingWhitespaces() }
        let kept = parts.prefix { part in
            SwedishDate.date(in: part, year: 2000) == nil && SwedishDate.times(in: part) == nil
                && !part.quickLowercased().hasPrefix("den ") && !part.quickLowercased().hasPrefix("kl")
        }
        let place = kept.joined(separator: ", ")
        return place.isEmpty ? nil : place
    }
}
