import Foundation
import ProtokollModel

/// The lowercased words of a whole document, hyphenated compounds included, asked one word
/// at a time by the line-end hyphen repair.
///
/// Collecting every word of a document into a set cost more than the rest of normalization
/// together, for the handful of words a document's hyphens ask about. So a word is first
/// looked for as bytes in the document's text, lowercased once, and only the lines that hold
/// those bytes are cut into words. The set is still built, as before, for a document where
/// comparing bytes could miss a word (see `LowercasedText`), for a word whose scalars are not
/// its characters, and once a document has asked more than `searchLimit` words.
final class DocumentVocabulary {
    /// The lines the words come from.
    let documentText: [String]

    /// Every word of the document, as `words(of:)` collects them.
    var set: Set<String> {
        if let builtSet { return builtSet }
        let words = Self.words(of: documentText)
        builtSet = words
        return words
    }

    private var builtSet: Set<String>?
    private var lowercasedText: LowercasedText??
    private var searches = 0
    private let searchLimit: Int

    /// Searches that scan the whole text; past them the set answers. Both grow with the
    /// document, the set a few hundred times faster: in a 269-page document, 32 searches
    /// took 19 M instructions and collecting the set 187 M. A long protocol asks a hundred
    /// words or more, one per line-end hyphen between two words.
    static let searchLimit = 256

    /// - Parameter searchLimit: Searches before the set is built (tests ask for few).
    init(documentText: [String], searchLimit: Int = DocumentVocabulary.searchLimit) {
        self.documentText = documentText
        self.searchLimit = searchLimit
    }

    /// Whether the document has `word`: `set.contains(word)`.
    func contains(_ word: String) -> Bool {
        if let builtSet { return builtSet.contains(word) }
        searches += 1
        guard searches <= searchLimit, word.scalarsAreCharacters, let text = lowercased() else {
            return set.contains(word)
        }
        return text.hasLine(holding: word) { line in
            Self.tokens(documentText[line]).contains { Self.word(of: $0) == word }
        }
    }

    /// The lowercased text, made at the first search; `nil` where bytes do not decide.
    private func lowercased() -> LowercasedText? {
        if let lowercasedText { return lowercasedText }
        let text = LowercasedText(documentText)
        lowercasedText = .some(text)
        return text
    }

    /// Every word of `documentText`: each whitespace-separated token without punctuation at
    /// either end (hyphens inside kept), lowercased, if more than one character is left.
    static func words(of documentText: [String]) -> Set<String> {
        var words: Set<String> = []
        // Most tokens recur ("och", "att", names): each distinct one is trimmed and lowercased
        // once. Tokens equal as strings give words equal as strings, so none is lost.
        var seen: Set<Substring> = []
        for text in documentText {
            for token in Self.tokens(text) where seen.insert(token).inserted {
                if let word = word(of: token) { words.insert(word) }
            }
        }
        return words
    }

    private static let punctuationExceptHyphen = CharacterSet.punctuationCharacters.subtracting(["-"])
    private static let hyphen: CharacterSet = ["-"]

    /// The word a token gives, or `nil` when one character or none is left of it.
    private static func word(of token: Substring) -> String? {
        // Most words start and end with a letter or digit, which no trimming removes.
        let word =
            isASCIIAlphanumeric(token.unicodeScalars.first) && isASCIIAlphanumeric(token.unicodeScalars.last)
            ? String(token) : token.trimming(punctuationExceptHyphen).trimming(hyphen)
        return word.dropFirst().isEmpty ? nil : word.quickLowercased()
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
}

/// A document's lines lowercased end to end, where finding a word's bytes is a necessary
/// condition for the word being one of the document's words.
///
/// When every scalar of the text, and of its lowercase, is a character of its own
/// (`scalarsAreCharacters`), strings are equal exactly when their bytes are, and tokens equal
/// as strings are equal as bytes. Lowercasing maps scalar by scalar (`lowercased()` appends
/// each scalar's lowercase mapping), so a word cut from a line, lowercased, is a run of bytes
/// of the line lowercased. Anything else, or a line holding a line feed (which would shift the
/// lines), makes `init` fail, and the caller builds the whole set instead.
struct LowercasedText {
    /// The lowercased lines, joined by line feeds.
    private let bytes: [UInt8]
    /// Where each line starts in `bytes`.
    private let starts: [Int]

    init?(_ lines: [String]) {
        if let latin = Self.latinLowercase(lines) {
            guard latin.scalarsAreCharacters else { return nil }
            bytes = latin.bytes
        } else {
            guard let lowered = Self.lowercase(lines) else { return nil }
            bytes = lowered
        }
        var starts = [0]
        // `memchr` finds each line feed many bytes at a time.
        bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                starts.append(offset)
            }
        }
        // Lowercasing makes no line feed and removes none: one more means a line held one.
        guard starts.count == lines.count else { return nil }
        self.starts = starts
    }

    /// The UTF-8 of the lines joined by line feeds and lowercased, when the scalars of both
    /// are characters; the reference for `latinLowercase`.
    static func lowercase(_ lines: [String]) -> [UInt8]? {
        let joined = lines.joined(separator: "\n")
        let lowered = joined.quickLowercased()
        guard joined.scalarsAreCharacters, lowered.scalarsAreCharacters else { return nil }
        return Array(lowered.utf8)
    }

    /// `lowercase(_:)` for Latin text, each line lowercased straight into one buffer: joining
    /// a document's lines into a string, lowercasing it into another and copying its bytes
    /// out cost as much as the rest of the repair. `nil` when a line lowercases beyond
    /// Latin-1 (`lowercaseLatin`), for `lowercase(_:)` to answer.
    ///
    /// There lowercasing changes only letters below U+0100, which are characters of their
    /// own before and after, so the joined text's scalars are characters exactly when its
    /// lowercase's are: one check of the buffer answers for both.
    static func latinLowercase(_ lines: [String]) -> (bytes: [UInt8], scalarsAreCharacters: Bool)? {
        let total = lines.reduce(max(lines.count - 1, 0)) { $0 + $1.utf8.count }
        var isLatin = true
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            var offset = 0
            for (index, line) in lines.enumerated() {
                if index > 0 {
                    buffer[offset] = 0x0A
                    offset += 1
                }
                var line = line
                let target = UnsafeMutableBufferPointer(rebasing: buffer[offset..<offset + line.utf8.count])
                isLatin = line.withUTF8 { lowercaseLatin($0, into: target) }
                guard isLatin else { break }
                offset += target.count
            }
            count = isLatin ? total : 0
        }
        guard isLatin else { return nil }
        return (bytes, bytes.withUnsafeBufferPointer(scalarsStandAlone))
    }

    /// Whether a line whose lowercase holds `word`'s bytes passes `accept`; the lines are
    /// tried in order, and the search stops at the first that passes (a common word is on
    /// hundreds of lines).
    func hasLine(holding word: String, where accept: (Int) -> Bool) -> Bool {
        let needle = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { needle in
                let anchor = Self.rarestByte(of: needle)
                var from = 0
                while from < bytes.count,
                    let offset = firstOffset(
                        of: needle, in: UnsafeBufferPointer(rebasing: bytes[from...]), anchor: anchor)
                {
                    // The line that holds the match's first byte; the search goes on after it.
                    let line = line(at: from + offset)
                    if accept(line) { return true }
                    guard line + 1 < starts.count else { break }
                    from = starts[line + 1]
                }
                return false
            }
        }
    }

    /// The offset of the byte of `needle` that is least common in Swedish text, by a rough
    /// ranking of letters, for the search to look for: looking for the first byte of
    /// "sjukvården" stops the search of a whole document at every "s", and looking for the
    /// "j", at few places.
    static func rarestByte(of needle: UnsafeBufferPointer<UInt8>) -> Int {
        var rarest = 0
        for offset in needle.indices where commonness[Int(needle[offset])] < commonness[Int(needle[rarest])] {
            rarest = offset
        }
        return rarest
    }

    /// How common each byte is in lowercase Swedish text, from 0 for bytes not ranked up.
    private static let commonness: [UInt8] = {
        let order = Array(" eanrtsildomkgvhfupäbcåöjy".utf8)
        var table = [UInt8](repeating: 0, count: 256)
        for (rank, byte) in order.enumerated() where table[Int(byte)] == 0 {
            table[Int(byte)] = UInt8(order.count - rank)
        }
        return table
    }()

    /// The line that holds byte `offset`: the last whose start is not beyond it.
    private func line(at offset: Int) -> Int {
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle } else { high = middle }
        }
        return low
    }
}
