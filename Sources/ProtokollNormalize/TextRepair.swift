import Foundation
import ProtokollModel

/// Repairs extracted text the way a careful reader would, without inventing words.
///
/// Per line: soft hyphens removed, ligatures (U+FB00–FB06) expanded, NFC, odd spaces made
/// plain and runs collapsed, bullets made "•". Across line ends inside a block, a hard hyphen
/// is joined only with evidence from the same document:
///
///     "sjuk-" + "vården"   → "sjukvården"   when "sjukvården" occurs elsewhere
///     "FoU-" + "avtal"     → "FoU-avtal"    when "FoU-avtal" occurs elsewhere
///     "hälso-" + "och …"   → kept: a Swedish suspended compound ("hälso- och sjukvård")
///     otherwise            → kept as printed
struct TextRepair {
    /// Lowercased words of the whole document, hyphenated compounds included.
    var vocabulary: Set<String> { words.set }

    /// Asked at each line-end hyphen that may join two words: most documents have none, and
    /// collecting every word of a document costs more than the rest of the repair.
    private let words: DocumentVocabulary

    /// Words after which a line-end hyphen is a suspended compound, never a split word.
    static let suspendedCompoundFollowers: Set<String> = ["och", "eller", "samt", "respektive", "resp", "till", "som"]

    private static let ligatures: [Character: String] = [
        "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi", "\u{FB04}": "ffl",
        "\u{FB05}": "st", "\u{FB06}": "st",
    ]
    private static let bullets: Set<Character> = ["\u{F0B7}", "\u{F0A7}", "▪", "◦", "●", "■", "·", "∙", "○", "➢", "►"]

    init(documentText: [String]) {
        words = DocumentVocabulary(documentText: documentText)
    }

    /// Cleans one line.
    static func clean(_ line: String) -> String {
        line.scalarsAreCharacters ? cleanScalars(line) : cleanCharacters(line)
    }

    /// `clean` for a line whose scalars are its characters (see `scalarsAreCharacters`), in one
    /// pass over its UTF-8: such a line holds no ligature and is NFC already. Only scalars
    /// beyond ASCII are decoded, to ask whether they are whitespace.
    static func cleanScalars(_ line: String) -> String {
        var line = line
        // A zero width space is kept by the pass but trimmed at the ends (it counts as a space
        // to Foundation, not as whitespace); a line with one is trimmed the long way.
        var hasZeroWidthSpace = false
        let cleaned = line.withUTF8 { utf8 in
            // Runs of whitespace shrink to at most one space, so the line never grows.
            String(unsafeUninitializedCapacity: utf8.count) { output in
                var count = 0
                var cellHasText = false
                var pendingSpace = false
                var index = 0
                while index < utf8.count {
                    let lead = utf8[index]
                    // Printable ASCII, most of every line, is copied as it is.
                    if lead > 0x20 && lead < 0x80 {
                        if pendingSpace {
                            output[count] = UInt8(ascii: " ")
                            count += 1
                            pendingSpace = false
                        }
                        output[count] = lead
                        count += 1
                        cellHasText = true
                        index += 1
                        continue
                    }
                    let length: Int
                    let isWhitespace: Bool
                    if lead < 0x80 {
                        length = 1
                        isWhitespace = lead == 0x20 || (0x09...0x0D).contains(lead)
                    } else {
                        let decoded = decodeScalar(utf8, at: index)
                        length = decoded.length
                        guard decoded.scalar != "\u{00AD}" else {
                            index += length
                            continue
                        }
                        if decoded.scalar == "\u{200B}" { hasZeroWidthSpace = true }
                        isWhitespace = decoded.scalar.isWhitespace
                    }
                    if lead == UInt8(ascii: "\t") {
                        output[count] = lead
                        count += 1
                        cellHasText = false
                        pendingSpace = false
                    } else if isWhitespace {
                        // Runs of spaces become one, and none opens or closes a cell.
                        pendingSpace = cellHasText
                    } else {
                        if pendingSpace {
                            output[count] = UInt8(ascii: " ")
                            count += 1
                        }
                        for offset in 0..<length { output[count + offset] = utf8[index + offset] }
                        count += length
                        cellHasText = true
                        pendingSpace = false
                    }
                    index += length
                }
                // A space stands only between two scalars that are not whitespace, so of what
                // `trimmingWhitespaces()` trims only tabs can be at either end: they go here,
                // without a second string.
                var end = count
                while end > 0 && output[end - 1] == UInt8(ascii: "\t") { end -= 1 }
                var start = 0
                while start < end && output[start] == UInt8(ascii: "\t") { start += 1 }
                if start > 0 {
                    for offset in 0..<(end - start) { output[offset] = output[start + offset] }
                }
                return end - start
            }
        }
        let trimmed = hasZeroWidthSpace ? cleaned.trimmingWhitespaces() : cleaned
        guard let first = trimmed.unicodeScalars.first, isBullet(first) else { return trimmed }
        return "•" + String(trimmed.unicodeScalars.dropFirst())
    }

    /// Whether a scalar, as a character, is one of `bullets`: each bullet is one scalar that no
    /// other scalar is canonically equivalent to, but for the Greek ano teleia (U+0387), which
    /// is the middle dot. Every bullet lies beyond ASCII.
    static func isBullet(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xF0B7, 0xF0A7, 0x25AA, 0x25E6, 0x25CF, 0x25A0, 0x00B7, 0x0387, 0x2219, 0x25CB, 0x27A2, 0x25BA: true
        default: false
        }
    }

    /// `isBullet` by looking the scalar up among `bullets`: the reference answer.
    static func isBulletAsCharacter(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && bullets.contains(Character(scalar))
    }

    /// `clean` for any line, character by character.
    static func cleanCharacters(_ line: String) -> String {
        var result = ""
        result.reserveCapacity(line.utf8.count)
        for character in line {
            if character == "\u{00AD}" { continue }
            if let expansion = ligatures[character] {
                result += expansion
            } else if character == "\t" {
                result.append("\t")
            } else if character.isWhitespace {
                result.append(" ")
            } else {
                result.append(character)
            }
        }
        result = result.precomposedStringWithCanonicalMapping
        // Collapse spaces, keep tabs as column separators without spaces around them.
        let cells = result.split(separator: "\t", omittingEmptySubsequences: false).map { cell in
            cell.split(separator: " ").joined(separator: " ")
        }
        result = cells.joined(separator: "\t").trimmingWhitespaces()
        if let first = result.first, bullets.contains(first) {
            result = "•" + result.dropFirst()
        }
        return result
    }

    /// Whether the line's last character is a hyphen, "-" or U+2010.
    ///
    /// A line whose last scalar is ASCII but "-" ends in neither: the last character ends in
    /// that scalar, and a hyphen's only scalar is the hyphen. Most lines end so, and are
    /// answered without comparing characters.
    static func endsInHyphen(_ line: String) -> Bool {
        if let last = line.utf8.last, last < 0x80, last != UInt8(ascii: "-") { return false }
        return line.hasSuffix("-") || line.hasSuffix("\u{2010}")
    }

    /// Joins a block's cleaned lines, repairing line-end hyphens. Returns as many lines as it
    /// was given, so callers can map lines back to pages; a line whose only word moved up to
    /// the previous line comes back empty.
    func repair(_ lines: [String]) -> [String] {
        var lines = lines
        for index in lines.indices.dropLast() {
            let line = lines[index]
            guard Self.endsInHyphen(line), line.count > 1 else { continue }
            let beforeHyphen = line.dropLast()
            guard let lastLetter = beforeHyphen.last, lastLetter.isLetter else { continue }
            let next = lines[index + 1]
            guard let nextWord = next.split(separator: " ", maxSplits: 1).first.map(String.init),
                let firstLetter = nextWord.first, firstLetter.isLetter, firstLetter.isLowercase
            else { continue }
            let bareNext = nextWord.trimming(.punctuationCharacters)
            if Self.suspendedCompoundFollowers.contains(bareNext.quickLowercased()) { continue }
            let stem = beforeHyphen.split(separator: " ").last.map(String.init) ?? String(beforeHyphen)
            let joined: String
            if words.contains((stem + bareNext).quickLowercased()) {
                joined = String(beforeHyphen) + nextWord
            } else if words.contains((stem + "-" + bareNext).quickLowercased()) {
                joined = line + nextWord
            } else {
                continue
            }
            lines[index] = joined
            lines[index + 1] = String(next.dropFirst(nextWord.count)).trimmingWhitespaces()
        }
        return lines
    }
}
