import Foundation
import ProtokollModel

/// Reads reservations, protocol notes, special statements and recusals inside an item.
///
/// A heading line ("Protokollsanteckning …", "Reservation", "Särskilt yttrande") takes the
/// text after it up to the next vote list or heading; the names printed under that text
/// ("Anna-Lena Danielsson, Region Västerbotten") are its authors. A sentence "X (M) och
/// Y (S) reserverar sig mot beslutet" is a reservation by X and Y. Authors are never guessed:
/// without printed names the list stays empty.
struct StatementParser {
    struct Statement {
        var kind: String
        var authors: [PersonRef]
        var text: String
        var lines: [TextLine]
    }

    let input: SegmentInput

    func parse(_ lines: [TextLine], excluding voteLines: Set<Int>) -> [Statement] {
        var statements: [Statement] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if let match = Self.statement(openedBy: line), !voteLines.contains(line.start),
                line.text.count <= 120
            {
                var body: [TextLine] = []
                index += 1
                var heading = [line]
                // A heading that wraps ("… vaccinationsfrågor i" / "kommunerna") stays heading.
                while index < lines.count, lines[index].block == line.block, input.blocks[line.block].kind == .heading {
                    heading.append(lines[index])
                    index += 1
                }
                while index < lines.count, VoteParser.option(lines[index].text) == nil,
                    ItemHeading.parse(lines[index].text) == nil,
                    !voteLines.contains(lines[index].start),
                    !(input.blocks[lines[index].block].kind == .heading
                        && Self.statement(openedBy: lines[index]) != nil)
                {
                    body.append(lines[index])
                    index += 1
                }
                // Printed signers: person lines at the end of the text.
                var authors: [PersonRef] = []
                while let last = body.last, last.text.count <= 80, !last.text.hasSuffix("."), !last.text.hasSuffix(":"),
                    let entry = PersonEntry.parse(last.text), entry.person.name.split(separator: " ").count <= 4
                {
                    authors.insert(entry.person, at: 0)
                    body.removeLast()
                    if authors.count > 20 { break }
                }
                let inlineText = line.text.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                let text = reflow(([inlineText] + body.map(\.text)).joined(separator: " ").trimmingWhitespaces())
                statements.append(Statement(kind: match.kind, authors: authors, text: text, lines: heading + body))
                continue
            }
            if let range = line.textRange(of: Self.reservationPhrase) {
                let authors = String(line.text[..<range.lowerBound]).replacingText(" och ", with: ", ")
                    .split(separator: ",").compactMap { PersonEntry.parse(String($0))?.person }
                statements.append(
                    Statement(kind: "reservation", authors: authors, text: reflow(line.text), lines: [line]))
            }
            index += 1
        }
        return statements
    }

    /// "X (M) och Y (S) reserverar sig mot beslutet."
    private static let reservationPhrase = LinePhrase(" reserverar sig")

    /// The statement of `Vocabulary.statements` whose label starts the line's lowercase form.
    ///
    /// The line's first byte rules out most lines, and where the lowercase form's scalars are
    /// characters, a label starts it only as bytes, so its byte pairs rule out most others.
    static func statement(openedBy line: TextLine) -> (label: String, kind: String)? {
        guard statementLeads.mayStart(line.lower) else { return nil }
        let bytesTell = line.lowerSearch.scalarsAreCharacters
        return zip(Vocabulary.statements, labelPairs).first { statement, pairs in
            (!bytesTell || line.lowerPairs.mayHold(pairs)) && line.lower.hasTextPrefix(statement.label)
        }?.0
    }

    /// What a statement heading line may start with, tested before each heading is compared.
    private static let statementLeads = PhraseLeads(Vocabulary.statements.map(\.label))
    private static let labelPairs = Vocabulary.statements.map { BytePairs($0.label) }
}
