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
        if let parsed = LabelParser.number(in: trimmed) { return parsed }
        return numberByPatterns(trimmed)
    }

    /// `number(in:)` of a trimmed text by running the patterns: the reference.
    static func numberByPatterns(_ trimmed: String) -> Int? {
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
        // Every label has a decimal digit (`\d`, `isDecimalDigit`), and most margin lines have
        // none: they are not cut into cells.
        guard hasDecimalDigit(text) else { return nil }
        return labelOfCells(in: text, page: page)
    }

    /// `label(in:page:)` looked for in every cell: the reference.
    static func labelOfCells(in text: String, page: Int) -> String? {
        for cell in text.split(ascii: "\t") {
            let candidate = cell.trimmingWhitespaces()
            if number(in: candidate) == page { return candidate }
        }
        return nil
    }

    /// Whether a scalar of `text` is a decimal digit, read on the UTF-8: ASCII digits are their
    /// bytes, and no decimal digit comes before U+0660, beyond the two-byte scalars that lead
    /// bytes below 0xD8 start.
    static func hasDecimalDigit(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if lead >= 0x30 && lead <= 0x39 { return true }
                    index += 1
                } else if lead < 0xD8 {
                    index += 2
                } else {
                    let (scalar, length) = decodeScalar(bytes, at: index)
                    if scalar.isDecimalDigit { return true }
                    index += length
                }
            }
            return false
        }
    }

    /// Replaces page labels and dates with placeholders so running headers compare equal
    /// across pages ("Sida 2 av 9" and "Sida 3 av 9" are the same furniture). Other numbers
    /// stay, so "§ 16/24" and "§ 17/24" remain different.
    static func fold(_ text: String) -> String {
        fold(lowercasedText: text.quickLowercased())
    }

    /// `fold` of the text whose lowercase is `lower`, for a caller that has lowercased it.
    static func fold(lowercased lower: SearchableText) -> String {
        if lower.scalarsAreCharacters, let words = wordsWithoutDigits(lower.text) { return words }
        return fold(lowercasedText: lower.text)
    }

    /// The words of a text without digits, each scalar a character of its own: the text cut at
    /// whitespace scalars and joined with single spaces, or `nil` for other text.
    ///
    /// That is what `fold` makes of such a text, without cells, patterns and word arrays: no
    /// label or folding matches without a decimal digit, and what trimming a cell takes off
    /// (tabs and spaces, `isSpaceOrTab`) is whitespace that cutting at whitespace takes off
    /// too, except the zero width space, so a text with one goes the long way.
    static func wordsWithoutDigits(_ text: String) -> String? {
        guard !hasDecimalDigit(text), !text.containsBytes("\u{200B}") else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            // Words joined with one space each: never longer than the text.
            String(unsafeUninitializedCapacity: bytes.count) { output in
                var count = 0
                var pendingSpace = false
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    // ASCII is whitespace from the tab to the carriage return, and the space.
                    let (isWhitespace, length) =
                        lead < 0x80
                        ? (lead == 0x20 || (lead >= 0x09 && lead <= 0x0D), 1)
                        : { ($0.scalar.isWhitespace, $0.length) }(decodeScalar(bytes, at: index))
                    if isWhitespace {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace {
                            output[count] = UInt8(ascii: " ")
                            count += 1
                            pendingSpace = false
                        }
                        for offset in 0..<length { output[count + offset] = bytes[index + offset] }
                        count += length
                    }
                    index += length
                }
                return count
            }
        }
    }

    /// `fold` of a text already lowercased, the long way.
    private static func fold(lowercasedText lower: String) -> String {
        var cells: [String] = []
        for cell in lower.split(ascii: "\t") {
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
