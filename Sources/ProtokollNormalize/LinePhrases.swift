import ProtokollModel

/// Which of the furniture phrases one line holds, asked once per line.
///
/// Every line is asked for signing-page markers, signature boxes, e-signing notes and
/// validation links, and almost none holds any. When the line's bytes decide
/// (`SearchableText.scalarsAreCharacters`), one search for all those phrases together rules them all
/// out at once, and a title is compared as bytes, without trimming the line into a new string;
/// every other line is asked each question as `FurnitureVocabulary` asks it.
struct LinePhrases: Equatable {
    var signingPageMarker: Bool
    var signatureBox: Bool
    var esignNote: Bool

    /// Every phrase that `FurnitureVocabulary` looks for in a line, in any of its lists.
    private static let anyPhrase = PhraseList(
        FurnitureVocabulary.signingPageMarkers.phrases + FurnitureVocabulary.signatureBox.phrases
            + FurnitureVocabulary.esignNotes.phrases + FurnitureVocabulary.linkStarts.phrases)

    private static let titles = FurnitureVocabulary.signingPageTitles.map { Array($0.utf8) }

    /// - Parameter lower: The line, lowercased.
    init(lowercased lower: SearchableText) {
        // No phrase of any list is in the line, so none of the lists finds one. A phrase in
        // the trimmed line is in the line too: no phrase starts or ends with a space.
        if lower.scalarsAreCharacters, !Self.anyPhrase.isFound(in: lower) {
            var text = lower.text
            self.init(signingPageMarker: text.withUTF8(Self.isTitle), signatureBox: false, esignNote: false)
        } else {
            self.init(askingEachList: lower)
        }
    }

    /// `init(lowercased:)` of the line's lowercase (`quickLowercased()`), made in a buffer on
    /// the stack rather than as a new string.
    ///
    /// Every line of a document is asked, and making each one's lowercase string cost more
    /// than the search. Where `lowercaseLatin` lowercases the line, the buffer holds the
    /// lowercase string's bytes, so the answers read from them are that string's; a line
    /// that holds any phrase, or whose bytes do not decide, is asked with the string.
    init(line text: String) {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { buffer -> LinePhrases? in
                let lower = UnsafeMutableBufferPointer(rebasing: buffer[..<bytes.count])
                guard lowercaseLatin(bytes, into: lower) else { return nil }
                let lowered = UnsafeBufferPointer(lower)
                guard scalarsStandAlone(lowered), !Self.anyPhrase.isFound(inBytes: lowered) else { return nil }
                return LinePhrases(signingPageMarker: Self.isTitle(lowered), signatureBox: false, esignNote: false)
            }
        }
        if let answer, let answer {
            self = answer
        } else {
            self.init(lowercased: SearchableText(text.quickLowercased()))
        }
    }

    /// The answers as `FurnitureVocabulary` gives them, list by list: the reference.
    init(askingEachList lower: SearchableText) {
        self.init(
            signingPageMarker: FurnitureVocabulary.isSigningPageMarker(lowercased: lower.text),
            signatureBox: FurnitureVocabulary.signatureBox.isFound(in: lower),
            esignNote: FurnitureVocabulary.esignNotes.isFound(in: lower)
                || FurnitureVocabulary.isValidationLink(lowercased: lower))
    }

    private init(signingPageMarker: Bool, signatureBox: Bool, esignNote: Bool) {
        self.signingPageMarker = signingPageMarker
        self.signatureBox = signatureBox
        self.esignNote = esignNote
    }

    /// Whether the UTF-8 `bytes`, whose scalars are characters, are a signing-page title once
    /// trimmed of what `trimmingWhitespaces()` trims: among scalars that are characters, the
    /// tab, the space and the no-break space (C2 A0).
    private static func isTitle(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        var end = bytes.count
        while true {
            if start < end && (bytes[start] == 0x09 || bytes[start] == 0x20) {
                start += 1
            } else if end - start >= 2 && bytes[start] == 0xC2 && bytes[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while true {
            if start < end && (bytes[end - 1] == 0x09 || bytes[end - 1] == 0x20) {
                end -= 1
            } else if end - start >= 2 && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xA0 {
                end -= 2
            } else {
                break
            }
        }
        let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
        return titles.contains { $0.count == trimmed.count && $0.elementsEqual(trimmed) }
    }
}
