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

    /// Built at the first line-end hyphen that may join two words: most documents have none,
    /// and collecting every word of a document costs more than the rest of the repair.
    private let words: Vocabulary

    private final class Vocabulary {
        let documentText: [String]
        lazy var set: Set<String> = TextRepair.words(of: documentText)

        init(documentText: [String]) {
            self.documentText = documentText
        }
    }

    /// Words after which a line-end hyphen is a suspended compound, never a split word.
    static let suspendedCompoundFollowers: Set<String> = ["och", "eller", "samt", "respektive", "resp", "till", "som"]

    private static let ligatures: [Character: String] = [
        "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi", "\u{FB04}": "ffl",
        "\u{FB05}": "st", "\u{FB06}": "st",
    ]
    private static let bullets: Set<Character> = ["\u{F0B7}", "\u{F0A7}", "▪", "◦", "●", "■", "·", "∙", "○", "➢", "►"]

    private static let punctuationExceptHyphen = CharacterSet.punctuationCharacters.subtracting(["-"])
    private static let hyphen: CharacterSet = ["-"]

    init(documentText: [String]) {
        words = Vocabulary(documentText: documentText)
    }

    private static func words(of documentText: [String]) -> Set<String> {
        var words: Set<String> = []
        // Most tokens recur ("och", "att", names): each distinct one is trimmed and lowercased
        // once. Tokens equal as strings give words equal as strings, so none is lost.
        var seen: Set<Substring> = []
        for text in documentText {
            for token in Self.tokens(text) where seen.insert(token).inserted {
                // Most words start and end with a letter or digit, which no trimming removes.
                let word =
                    Self.isASCIIAlphanumeric(token.unicodeScalars.first)
                        && Self.isASCIIAlphanumeric(token.unicodeScalars.last)
                    ? String(token) : token.trimming(Self.punctuationExceptHyphen).trimming(Self.hyphen)
                // More than one character.
                if !word.dropFirst().isEmpty { words.insert(word.quickLowercased()) }
            }
        }
        return words
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, scalar.isASCII else { return false }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// The text cut at whitespace characters.
    private static func tokens(_ text: String) -> [Substring] {
        guard text.scalarsAreCharacters else { return text.split(whereSeparator: { $0.isWhitespace }) }
        return text.splitAtWhitespaceScalars()
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
        let cleaned = line.withUTF8 { utf8 in
            // Runs of whitespace shrink to at most one space, so the line never grows.
            String(unsafeUninitializedCapacity: utf8.count) { output in
                var count = 0
                var cellHasText = false
                var pendingSpace = false
                var index = 0
                while index < utf8.count {
                    let lead = utf8[index]
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
                return count
            }
        }
        let trimmed = cleaned.trimmingWhitespaces()
        // Every bullet lies beyond ASCII.
        guard let first = trimmed.unicodeScalars.first, !first.isASCII, bullets.contains(Character(first)) else {
            return trimmed
        }
        return "•" + String(trimmed.unicodeScalars.dropFirst())
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

    /// Joins a block's cleaned lines, repairing line-end hyphens. Returns as many lines as it
    /// was given, so callers can map lines back to pages; a line whose only word moved up to
    /// the previous line comes back empty.
    func repair(_ lines: [String]) -> [String] {
        var lines = lines
        for index in lines.indices.dropLast() {
            let line = lines[index]
            guard line.hasSuffix("-") || line.hasSuffix("\u{2010}"), line.count > 1 else { continue }
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
            if vocabulary.contains((stem + bareNext).quickLowercased()) {
                joined = String(beforeHyphen) + nextWord
            } else if vocabulary.contains((stem + "-" + bareNext).quickLowercased()) {
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
