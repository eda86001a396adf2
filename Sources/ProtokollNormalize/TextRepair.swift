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
        // A clean line of scalars that stand alone needs no second pass to show that its
        // scalars are characters; one that will change needs only that pass to choose the way.
        let plain = cleanness(line, ofScalarsStandingAlone: true)
        if plain == true { return line }
        guard line.scalarsAreCharacters else { return cleanCharacters(line) }
        if plain == false { return cleanScalars(line) }
        return isClean(line) ? line : cleanScalars(line)
    }

    /// Whether `cleanScalars` gives a line whose scalars are its characters back byte for
    /// byte, so that it need not be copied.
    ///
    /// Most lines from the extractor are clean already: no whitespace but the tab and single
    /// spaces between scalars that are neither, no tab at either end, no soft hyphen or zero
    /// width space, and no bullet first. `cleanScalars` copies each scalar of such a line as it
    /// is, and trims nothing; `false` says only that the line may change.
    static func isClean(_ line: String) -> Bool {
        cleanness(line, ofScalarsStandingAlone: false) ?? false
    }

    /// `isClean`, for any line. With `ofScalarsStandingAlone`, `nil` at the first scalar that may
    /// join a neighbour (from U+0300 on, but the punctuation, signs and shapes that
    /// `scalarsStandAlone` lets through, such as "–" and "”"), unless the bytes before it show
    /// a change: `true` then says too that each scalar is a character (ASCII but the carriage
    /// return, which `false` covers, and two-byte scalars below U+0300 stand alone).
    static func cleanness(_ line: String, ofScalarsStandingAlone: Bool) -> Bool? {
        guard
            let answer = line.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
                var previousIsText = false
                var pendingSpace = false
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    if lead > 0x20 && lead < 0x80 {
                        // Eight bytes at a time while they are printable ASCII and single spaces.
                        if bytes.count - index >= 8, let last = asciiTextRun(bytes, at: index) {
                            previousIsText = last != 0x20
                            pendingSpace = last == 0x20
                            index += 8
                        } else {
                            previousIsText = true
                            pendingSpace = false
                            index += 1
                        }
                        continue
                    }
                    if lead == 0xC3 {
                        // U+00C0–U+00FF, the Swedish letters among them: text, and no bullet.
                        previousIsText = true
                        pendingSpace = false
                        index += 2
                        continue
                    }
                    if lead == 0x20 {
                        // One space, after text; whether text follows is asked there or at the end.
                        guard previousIsText, !pendingSpace else { return false }
                        pendingSpace = true
                        previousIsText = false
                        index += 1
                        continue
                    }
                    if lead == 0x09 {
                        // Not first, last, or next to a space.
                        guard index > 0, index + 1 < bytes.count, !pendingSpace else { return false }
                        previousIsText = false
                        index += 1
                        continue
                    }
                    let scalar: Unicode.Scalar
                    let length: Int
                    if lead < 0x80 {
                        // The other ASCII whitespace (line feed to carriage return) is replaced.
                        guard lead < 0x0A || lead > 0x0D else { return false }
                        (scalar, length) = (Unicode.Scalar(lead), 1)
                    } else {
                        (scalar, length) = decodeScalar(bytes, at: index)
                        if ofScalarsStandingAlone && lead >= 0xCC
                            && !scalarsStandAlone(UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                        {
                            return nil
                        }
                        guard !scalar.isWhitespace, scalar != "\u{00AD}", scalar != "\u{200B}" else { return false }
                        if index == 0 && isBullet(scalar) { return false }
                    }
                    previousIsText = true
                    pendingSpace = false
                    index += length
                }
                return !pendingSpace
            })
        else { return false }
        return answer
    }

    /// The last of the eight bytes from `index` when they are printable ASCII or spaces, the
    /// first not a space and no two spaces in a row; `nil` for other bytes.
    ///
    /// A space byte is found exactly by making it zero (XOR 0x20) and asking which bytes are
    /// zero without a borrow from one byte into the next; a byte below 0x20 is one whose bits
    /// 0x60 are both clear, asked the same way.
    private static func asciiTextRun(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt8? {
        let word = UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        guard word & high == 0 else { return nil }
        func zeroBytes(_ value: UInt64) -> UInt64 { ~(((value & low) &+ low) | value) & high }
        let spaces = zeroBytes(word ^ 0x2020_2020_2020_2020)
        let controls = zeroBytes(word & 0x6060_6060_6060_6060) & ~spaces
        // Little-endian: the first byte is the lowest, and `<< 8` moves a byte onto the next.
        guard controls == 0, spaces & 0x80 == 0, spaces & (spaces << 8) == 0 else { return nil }
        return UInt8(truncatingIfNeeded: word >> 56)
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
