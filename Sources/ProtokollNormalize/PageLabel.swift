import Foundation
import ProtokollModel

/// Printed page labels: `2 (9)`, `1(14 )`, `Sida 2 av 9`, `Sida 2(9)`, `Sida 2`, `- 2 -`,
/// `2/9`, and a bare `2` in a header or footer.
enum PageLabel {
    /// The patterns, each anchored to the whole text; the first group is the page number.
    private static let patterns: [NSRegularExpression] = [
        #"^(\d{1,4})\s*\(\s*\d{1,4}\s*\)$"#,
        #"^[Ss]ida\s*(\d{1,4})\s*(?:av|\(|/)\s*\d{1,4}\s*\)?$"#,
        #"^[Ss]ida\s*(\d{1,4})$"#,
        #"^[-–]\s*(\d{1,4})\s*[-–]$"#,
        #"^(\d{1,4})\s*/\s*\d{1,4}$"#,
        #"^(\d{1,4})$"#,
    ].map { pattern in
        // The patterns are literals checked by the tests; a typo is a programmer error.
        try! NSRegularExpression(pattern: pattern)
    }

    /// The page number a label names, or `nil` when the text is not a page label.
    static func number(in text: String) -> Int? {
        let trimmed = text.trimmingWhitespaces()
        guard trimmed.unicodeScalars.allSatisfy(mayBeInLabel) else { return nil }
        let range = NSRange(trimmed.startIndex..., in: trimmed)
        for pattern in patterns {
            guard let match = pattern.firstMatch(in: trimmed, range: range),
                let group = Range(match.range(at: 1), in: trimmed)
            else { continue }
            return Int(trimmed[group])
        }
        return nil
    }

    /// Whether a scalar can be part of a label: the patterns hold only digits, whitespace,
    /// "(", ")", "/", dashes and the letters of "Sida" and "av". Any other scalar rules the
    /// patterns out before they run.
    private static func mayBeInLabel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "S", "s", "i", "d", "a", "v", "(", ")", "/", "-", "–": true
        default: scalar.isDecimalDigit || scalar.isWhitespace
        }
    }

    /// The cell of a tab-separated line that is a label for `page`, if any. A label must
    /// name its own page: a bare "2024" in a header is a year, not a page.
    static func label(in text: String, page: Int) -> String? {
        for cell in text.split(ascii: "\t") {
            let candidate = cell.trimmingWhitespaces()
            if number(in: candidate) == page { return candidate }
        }
        return nil
    }

    /// Replaces page labels and dates with placeholders so running headers compare equal
    /// across pages ("Sida 2 av 9" and "Sida 3 av 9" are the same furniture). Other numbers
    /// stay, so "§ 16/24" and "§ 17/24" remain different.
    static func fold(_ text: String) -> String {
        var cells: [String] = []
        for cell in text.quickLowercased().split(ascii: "\t") {
            var folded = cell.trimmingWhitespaces()
            if number(in: folded) != nil {
                folded = "<page>"
            }
            // Each folding needs a digit, and some a literal part too; most cells have neither,
            // and the pattern need not run.
            var hasDigit = folded.unicodeScalars.contains { $0.isDecimalDigit }
            for (literal, pattern, replacement) in foldings
            where hasDigit && literal.map({ folded.containsBytes($0) }) ?? true {
                folded = pattern.stringByReplacingMatches(
                    in: folded, range: NSRange(folded.startIndex..., in: folded), withTemplate: replacement)
                hasDigit = folded.unicodeScalars.contains { $0.isDecimalDigit }
            }
            cells.append(folded)
        }
        let joined = cells.joined(separator: " ")
        let words: [Substring] =
            joined.scalarsAreCharacters
            ? joined.splitAtWhitespaceScalars()
            : joined.split(whereSeparator: { $0.isWhitespace })
        // What `words.joined(separator: " ")` makes, without its generic walk over substrings.
        var result = ""
        result.reserveCapacity(joined.utf8.count)
        for word in words {
            if !result.isEmpty { result.append(" ") }
            result.append(contentsOf: word)
        }
        return result
    }

    /// The date and counter foldings, with a literal that some patterns cannot match without.
    private static let foldings: [(literal: String?, pattern: NSRegularExpression, replacement: String)] = [
        ("-", #"\b\d{4}-\d{2}-\d{2}\b"#, "<date>"),
        (nil, #"\b\d{8}\b"#, "<date>"),
        ("sida", #"\bsida\s*\d{1,4}\s*(av|\(|/)\s*\d{1,4}\s*\)?"#, "<page>"),
        ("(", #"\b\d{1,4}\s*\(\s*\d{1,4}\s*\)"#, "<page>"),
    ].map { literal, pattern, replacement in
        // Literal patterns; see above.
        (literal, try! NSRegularExpression(pattern: pattern), replacement)
    }
}
