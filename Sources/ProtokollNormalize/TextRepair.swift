import Foundation

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
    let vocabulary: Set<String>

    /// Words after which a line-end hyphen is a suspended compound, never a split word.
    static let suspendedCompoundFollowers: Set<String> = ["och", "eller", "samt", "respektive", "resp", "till", "som"]

    private static let ligatures: [Character: String] = [
        "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi", "\u{FB04}": "ffl",
        "\u{FB05}": "st", "\u{FB06}": "st",
    ]
    private static let bullets: Set<Character> = ["\u{F0B7}", "\u{F0A7}", "▪", "◦", "●", "■", "·", "∙", "○", "➢", "►"]

    init(documentText: [String]) {
        var words: Set<String> = []
        for text in documentText {
            for token in text.split(whereSeparator: { $0.isWhitespace }) {
                let word = token.trimmingCharacters(in: .punctuationCharacters.subtracting(["-"]))
                    .trimmingCharacters(in: ["-"])
                if word.count > 1 { words.insert(word.lowercased()) }
            }
        }
        vocabulary = words
    }

    /// Cleans one line.
    static func clean(_ line: String) -> String {
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
        result = cells.joined(separator: "\t").trimmingCharacters(in: .whitespaces)
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
            let bareNext = nextWord.trimmingCharacters(in: .punctuationCharacters)
            if Self.suspendedCompoundFollowers.contains(bareNext.lowercased()) { continue }
            let stem = beforeHyphen.split(separator: " ").last.map(String.init) ?? String(beforeHyphen)
            let joined: String
            if vocabulary.contains((stem + bareNext).lowercased()) {
                joined = String(beforeHyphen) + nextWord
            } else if vocabulary.contains((stem + "-" + bareNext).lowercased()) {
                joined = line + nextWord
            } else {
                continue
            }
            lines[index] = joined
            lines[index + 1] = String(next.dropFirst(nextWord.count)).trimmingCharacters(in: .whitespaces)
        }
        return lines
    }
}
