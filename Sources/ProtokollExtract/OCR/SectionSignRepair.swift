/// Puts back the section sign Tesseract misreads in item numbers.
///
/// Swedish protocols number their items "§ 115"; Tesseract's Swedish model reads the sign as
/// "$" ("$109 LSVO:s möten") or, alone on a bold heading line, as "8" ("8115", "8 12/24").
/// Without the sign an item heading is not an item. "$" before a digit at the start of a
/// line is never meant in a protocol, so it is always repaired; the "8" only on a bold line
/// holding nothing but such a number (a heading line), because "8" is also a digit.
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

    /// "8115", "8 115", "8 12/24": an "8" then an item number of one to three digits, with an
    /// optional "/yy" year, and nothing else.
    static func isMisreadNumber(_ text: String) -> Bool {
        guard text.hasPrefix("8") else { return false }
        var rest = text.dropFirst()
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
}
