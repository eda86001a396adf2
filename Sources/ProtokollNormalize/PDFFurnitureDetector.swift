import Foundation
import ProtokollModel

/// Decides which PDF lines are page furniture, from evidence across the whole document.
///
/// 1. Repetition: a line in the top or bottom margin (15% of the page) whose folded text
///    (page counters and dates replaced, see `PageLabel.fold`) recurs at the same height
///    (±6 pt) on at least two pages and 40% of them. 40% lets odd/even headers and a
///    different first page through; two pages is the least evidence there is.
/// 2. Bands: on a page with repeated header lines, every margin line above the lowest of them
///    belongs to the header; likewise below the highest repeated footer line. This catches
///    multi-line blocks whose lines wrap differently from page to page.
/// 3. Page labels in the margins, even on a one-page document.
/// 4. Phrases: signature boxes, e-signing notes and validation links anywhere; a signing-page
///    marker takes its whole page.
/// Lines that read as item headings or decision formulas are never removed by repetition:
/// "§ 16/24" or "PSVO beslutar" at the same height on several pages is body.
struct PDFFurnitureDetector {
    struct Verdict: Equatable {
        var kind: FurnitureKind
        var rule: String
        var score: Double
    }

    static let marginShare = 0.15
    static let heightTolerance = 6.0
    static let minimumShare = 0.4

    let pages: [PageInfo]
    let lines: [TextLine]

    /// One verdict per line (same order as `lines`); `nil` means body. Also the printed page
    /// label found on each page.
    func detect() -> (verdicts: [Verdict?], labels: [Int: String]) {
        var verdicts = [Verdict?](repeating: nil, count: lines.count)
        var labels: [Int: String] = [:]
        let heights = Dictionary(pages.map { ($0.page, $0.height) }, uniquingKeysWith: { first, _ in first })
        let pageCount = max(pages.count, 1)

        // Each line's zone, found once: every step below asks it. By index, as below: a line
        // copied out of the array is three strings retained and released.
        let zones = lines.indices.map { index -> Zone? in
            let height = heights[lines[index].page] ?? 842
            let box = lines[index].bbox
            if box.y1 <= height * Self.marginShare { return .top }
            if box.y0 >= height * (1 - Self.marginShare) { return .bottom }
            return nil
        }
        let marginLines = zones.reduce(0) { $1 == nil ? $0 : $0 + 1 }

        // 1. Repetition. Running headers and footers recur word for word, so each distinct
        // text is folded once; `nil` marks protected body text. Each margin line may be a key
        // of its own: room for them all spares growing the tables on the way.
        var occurrences: [RepeatKey: [Int]] = Dictionary(minimumCapacity: marginLines)
        var foldedTexts: [TextKey: TextKey?] = Dictionary(minimumCapacity: marginLines)
        for index in lines.indices {
            guard let lineZone = zones[index] else { continue }
            let text = TextKey(lines[index].text)
            let folded: TextKey?
            if let known = foldedTexts[text] {
                folded = known
            } else {
                folded =
                    FurnitureVocabulary.isProtectedBody(text.text)
                    ? nil : TextKey(PageLabel.fold(lowercased: SearchableText(text.text.lowercasedUnlessLowercase())))
                foldedTexts[text] = .some(folded)
            }
            guard let folded else { continue }
            occurrences[RepeatKey(zone: lineZone, folded: folded), default: []].append(index)
        }
        for (key, members) in occurrences {
            let ys = members.map { lines[$0].bbox.y0 }.sorted()
            let median = ys[ys.count / 2]
            let aligned = members.filter { abs(lines[$0].bbox.y0 - median) <= Self.heightTolerance }
            let support = Set(aligned.map { lines[$0].page }).count
            guard pageCount >= 2, support >= 2, Double(support) / Double(pageCount) >= Self.minimumShare else {
                continue
            }
            let top = key.zone == .top
            for index in aligned {
                verdicts[index] = Verdict(
                    kind: top ? .runningHeader : .runningFooter, rule: top ? "repeated_top" : "repeated_bottom",
                    score: Self.round(Double(support) / Double(pageCount)))
            }
        }

        // 2. Bands. Each page's repeated lines set its band's edge and score; one pass gathers
        // them for every page, and a second moves the margin lines inside a band into it.
        var bands: [Int: Bands] = [:]
        for index in lines.indices {
            guard let verdict = verdicts[index] else { continue }
            let box = lines[index].bbox
            if verdict.rule == "repeated_top" {
                bands[lines[index].page, default: Bands()].addHeader(bottom: box.y1, score: verdict.score)
            } else if verdict.rule == "repeated_bottom" {
                bands[lines[index].page, default: Bands()].addFooter(top: box.y0, score: verdict.score)
            }
        }
        let pageNumbers = Set(pages.map(\.page))
        for index in lines.indices where verdicts[index] == nil {
            guard let lineZone = zones[index], let band = bands[lines[index].page],
                pageNumbers.contains(lines[index].page)
            else { continue }
            let box = lines[index].bbox
            if lineZone == .top, let header = band.header, box.y1 <= header.edge + 2 {
                verdicts[index] = Verdict(kind: .runningHeader, rule: "header_band", score: header.score)
            } else if lineZone == .bottom, let footer = band.footer, box.y0 >= footer.edge - 2 {
                verdicts[index] = Verdict(kind: .runningFooter, rule: "footer_band", score: footer.score)
            }
        }

        // 3. Page labels.
        for index in lines.indices where zones[index] != nil {
            let page = lines[index].page
            guard labels[page] == nil else { continue }
            let text = lines[index].text
            if let label = PageLabel.label(in: text, page: page) {
                labels[page] = label
                if verdicts[index] == nil || text == label {
                    verdicts[index] = Verdict(kind: .pageNumber, rule: "page_label", score: 1)
                }
            } else if Self.lowercasesToSida(text), index + 1 < lines.count,
                lines[index + 1].page == page, PageLabel.number(in: lines[index + 1].text) == page
            {
                labels[page] = "Sida \(page)"
                verdicts[index] = Verdict(kind: .pageNumber, rule: "page_label", score: 1)
                verdicts[index + 1] = Verdict(kind: .pageNumber, rule: "page_label", score: 1)
            }
        }

        // 4. Phrases.
        let phrases = lines.indices.map { LinePhrases(line: lines[$0].text) }
        let signingPages = Set(lines.indices.filter { phrases[$0].signingPageMarker }.map { lines[$0].page })
        for index in lines.indices {
            if signingPages.contains(lines[index].page) {
                if verdicts[index] == nil {
                    verdicts[index] = Verdict(kind: .signingPage, rule: "signing_page_marker", score: 1)
                }
            } else if phrases[index].signatureBox, lines[index].text.count <= 60 {
                verdicts[index] = Verdict(kind: .signatureBox, rule: "signature_box_phrase", score: 1)
            } else if phrases[index].esignNote {
                verdicts[index] = Verdict(kind: .esignNote, rule: "esign_phrase", score: 1)
            }
        }

        // Footer lines that carry an address are an address block. A footer repeats on every
        // page, and its patterns run once per text: the answer depends on the scalars alone.
        var addressTexts: [ExactText: Bool] = [:]
        for (index, verdict) in verdicts.enumerated() where verdict?.kind == .runningFooter {
            let text = ExactText(lines[index].text)
            let isAddress: Bool
            if let known = addressTexts[text] {
                isAddress = known
            } else {
                isAddress = FurnitureVocabulary.looksLikeAddress(text.text)
                addressTexts[text] = isAddress
            }
            if isAddress {
                verdicts[index]?.kind = .addressBlock
            }
        }
        return (verdicts, labels)
    }

    /// Whether `text` lowercased is "sida", the word of a label whose number is a line of its
    /// own. ASCII lowercases byte for byte, so an ASCII text of other than four bytes is not.
    static func lowercasesToSida(_ text: String) -> Bool {
        if text.utf8.count != 4 && text.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return text.lowercasedUnlessLowercase() == "sida"
    }

    /// One page's running header and footer bands: the header reaches down to the lowest
    /// bottom of its repeated lines, the footer up to the highest top of its own; each band's
    /// score is the best of its lines.
    private struct Bands {
        var header: (edge: Double, score: Double)?
        var footer: (edge: Double, score: Double)?

        mutating func addHeader(bottom: Double, score: Double) {
            header = header.map { (max($0.edge, bottom), max($0.score, score)) } ?? (bottom, score)
        }

        mutating func addFooter(top: Double, score: Double) {
            footer = footer.map { (min($0.edge, top), max($0.score, score)) } ?? (top, score)
        }
    }

    private enum Zone {
        case top, bottom
    }

    /// Lines that repeat: the same folded text in the same margin. The pair as it is, rather
    /// than "top|" and the text made into one new string for every line.
    private struct RepeatKey: Hashable {
        var zone: Zone
        var folded: TextKey
    }

    private static func round(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
