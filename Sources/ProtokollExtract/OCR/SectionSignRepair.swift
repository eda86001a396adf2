/// Puts back the section sign Tesseract misreads in item numbers, and the spacing after it.
///
/// Swedish protocols number their items "§ 115"; Tesseract's Swedish model reads the sign as
/// "$" ("$109 LSVO:s möten") or, alone on a bold heading line, as "8" or "&" ("8115",
/// "& 113", "8 12/24"). Without the sign an item heading is not an item. "$" before a digit
/// at the start of a line is never meant in a protocol, so it is always repaired; "8" and "&"
/// only on a bold line holding nothing but such a number (a heading line), because "8" is
/// also a digit and "&" a word ("Hälso- & sjukvård").
///
/// On such a heading line Tesseract also guesses the space after the sign ("§115" for
/// "§ 115"), and a protocol prints all its headings one way, so segmentation keeps only the
/// headings printed like most of them. The space is therefore read from the image instead:
/// ``respaced(_:gapAfterSign:)`` takes the blank columns between the sign and the digits.
enum SectionSignRepair {
    static func repair(_ lines: [OCRLineBuilder.Line]) -> [OCRLineBuilder.Line] {
        var lines = lines.map { line -> OCRLineBuilder.Line in
            var line = line
            let scalars = Array(line.text.unicodeScalars)
            if scalars.count > 1, scalars[0] == "$",
                scalars[1].properties.numericType != nil
                    || (scalars[1] == " " && scalars.count > 2 && scalars[2].properties.numericType != nil)
            {
                line.text = "§" + String(line.text.unicodeScalars.dropFirst())
            }
            return line
        }
        for index in lines.indices where lines[index].bold && isMisreadNumber(lines[index].text) {
            lines[index].text = "§" + String(lines[index].text.unicodeScalars.dropFirst())
        }
        return lines
    }

    /// The glyphs a section sign is read as on a heading line.
    static let misreadSigns: Set<Character> = ["8", "&"]

    /// "8115", "8 115", "& 113", "8 12/24": a misread sign then an item number of one to three
    /// digits, with an optional "/yy" year, and nothing else.
    static func isMisreadNumber(_ text: String) -> Bool {
        guard let sign = text.first, misreadSigns.contains(sign) else { return false }
        return isItemNumber(text.dropFirst())
    }

    /// Whether `text` is a heading line's number alone: "§ 115", "§115", "§ 12/24".
    static func isHeadingNumber(_ text: String) -> Bool {
        text.first == "§" && isItemNumber(text.dropFirst())
    }

    /// An item number of one to three digits, after at most one space, with an optional
    /// "/yy" year.
    private static func isItemNumber(_ text: Substring) -> Bool {
        var rest = text
        if rest.hasPrefix(" ") { rest = rest.dropFirst() }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let number = parts.first, (1...3).contains(number.count),
            number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber)
        else { return false }
        if parts.count == 2 {
            return parts[1].count == 2 && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
        }
        return true
    }

    /// How wide, against the line's height, the blank between the sign and the number must be
    /// to be a space. Measured on the samples: a printed space leaves 0.39–0.48 of the line
    /// height at 200 and 300 dpi, the gap between two digits 0.03–0.17.
    static let spaceGap = 0.25

    /// A heading-number line ("§115", "§ 115") with the space after the sign as printed.
    /// - Parameters:
    ///   - line: A line, changed only when ``isHeadingNumber(_:)``.
    ///   - gapAfterSign: The blank columns after the line's first glyph, over the line's
    ///     height; `nil` when the image does not say (the line is left as read).
    static func respaced(_ line: OCRLineBuilder.Line, gapAfterSign: Double?) -> OCRLineBuilder.Line {
        guard isHeadingNumber(line.text), let gapAfterSign else { return line }
        var line = line
        let number = line.text.dropFirst().drop { $0 == " " }
        line.text = (gapAfterSign >= spaceGap ? "§ " : "§") + number
        return line
    }
}
