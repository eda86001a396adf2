import Foundation
import ProtokollModel

/// An agenda item heading as printed, taken apart.
///
///     "§ 12/24"            number 12, suffix 24        "KS § 3 a"   prefix KS, number "3 a"
///     "§113 Godkännande"   number 113, title on line   "§ 5 1339/22" number 5, Dnr 1339/22
///     "7. Val av justerare" number 7 (numbered items, bold headings only)
/// Margin references ("KU § 317 06-12-05") and continuation headers ("§ 16 forts.") are told
/// apart so they are not taken for new items.
struct ItemHeading: Equatable {
    enum Style: Equatable { case paragraph, numbered }

    var style: Style
    var numberRaw: String
    var number: String
    var numberInt: Int
    var prefix: String?
    var suffix: String?
    /// Text after the number on the same line (title, or a diary number).
    var rest: String
    var isContinuation = false
    var isMarginReference = false

    private static let paragraph = try! NSRegularExpression(  // A literal pattern; see the tests.
        pattern: #"^(?:([A-ZÅÄÖ]{1,6})\s+)?§\s*(\d{1,4})(?:\s*([a-z])(?![a-zåäö]))?(?:\s*/\s*(\d{2,4})(?!\d))?\s*(.*)$"#
    )
    private static let numbered = try! NSRegularExpression(pattern: #"^(\d{1,3})\.\s+(\S.*)$"#)  // Literal.

    private static let titleSeparators = CharacterSet(charactersIn: ":–- \t")

    /// The heading in `line`, if it is one.
    ///
    /// Every block's first line is asked, and most start with a letter or a bullet: a line
    /// whose first scalar is neither whitespace nor a decimal digit, and that holds no "§", is
    /// ruled out by those, as `parseTrimmed` rules it out after trimming (the first scalar is
    /// then still the first).
    static func parse(_ line: String) -> ItemHeading? {
        if let first = line.unicodeScalars.first,
            first.isPlainPunctuation || !first.isSpaceOrTab && !first.isDecimalDigit, !line.containsBytes("§")
        {
            return nil
        }
        return parseTrimmed(line)
    }

    /// `parse` without the first-scalar test. Each pattern runs only when the line has what it
    /// cannot match without (a "§", a leading digit), which rules out most lines cheaply.
    static func parseTrimmed(_ line: String) -> ItemHeading? {
        let text = line.trimmingWhitespaces()
        let hasParagraphSign = text.containsBytes("§")
        guard hasParagraphSign || Patterns.startsWithDigit(text) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        func group(_ match: NSTextCheckingResult, _ index: Int) -> String? {
            Range(match.range(at: index), in: text).map { String(text[$0]) }
        }
        if hasParagraphSign, let match = paragraph.firstMatch(in: text, range: range),
            let digits = group(match, 2), let value = Int(digits)
        {
            let letter = group(match, 3)
            var rest = (group(match, 5) ?? "").trimmingWhitespaces()
            rest = rest.trimming(titleSeparators)
            let numberEnd = group(match, 4).map { text.textRange(of: "/" + $0)?.upperBound } ?? nil
            let rawEnd =
                numberEnd ?? Range(match.range(at: letter == nil ? 2 : 3), in: text)?.upperBound ?? text.endIndex
            var heading = ItemHeading(
                style: .paragraph, numberRaw: String(text[..<rawEnd]).trimmingWhitespaces(),
                number: letter.map { "\(value) \($0)" } ?? String(value), numberInt: value, prefix: group(match, 1),
                suffix: group(match, 4), rest: rest)
            let lowerRest = rest.quickLowercased()
            heading.isContinuation = lowerRest.hasPrefix("forts") || lowerRest.hasPrefix("(forts")
            heading.isMarginReference =
                Patterns.startsWithDigit(rest) && Patterns.range(of: #"^\d{2}-\d{2}-\d{2}\b"#, in: rest) != nil
            return heading
        }
        if Patterns.startsWithDigit(text), let match = numbered.firstMatch(in: text, range: range),
            let digits = group(match, 1), let value = Int(digits)
        {
            return ItemHeading(
                style: .numbered, numberRaw: digits + ".", number: String(value), numberInt: value, prefix: nil,
                suffix: nil, rest: group(match, 2) ?? "")
        }
        return nil
    }

    /// The path segment of the item's id: "16-24", "3-a", "KS-3-a", "7".
    var idSegment: String {
        ([prefix].compactMap { $0 } + number.split(separator: " ").map(String.init) + [suffix].compactMap { $0 })
            .joined(separator: "-")
    }
}
