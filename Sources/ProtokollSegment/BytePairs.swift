import ProtokollModel

/// The pairs of adjacent bytes a text holds, each hashed to one of 64 bits.
///
/// A text holds a phrase's bytes only where it holds every pair of them, so a text whose mask
/// lacks one of the phrase's bits cannot hold the phrase. Each line's mask is made once, from
/// its lowercase form, and the parsers test it before they search the line: most lines hold
/// none of the phrases they look for, and searching a line for a phrase costs hundreds of
/// instructions where the test costs a few.
struct BytePairs {
    let mask: UInt64

    init(_ text: String) {
        var text = text
        mask = text.withUTF8(Self.mask)
    }

    /// No pairs: rules nothing out.
    static let none = BytePairs(mask: 0)

    private init(mask: UInt64) {
        self.mask = mask
    }

    static func mask(of bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard var previous = bytes.first else { return 0 }
        var mask: UInt64 = 0
        for byte in bytes.dropFirst() {
            // The pair's 16 bits times a large odd number: its top six bits mix both bytes.
            mask |= 1 << (((UInt32(previous) << 8 | UInt32(byte)) &* 0x9E37_79B1) >> 26)
            previous = byte
        }
        return mask
    }

    /// Whether the text may hold the bytes of the text `phrase` was made from: `false` means it
    /// does not.
    func mayHold(_ phrase: BytePairs) -> Bool {
        mask & phrase.mask == phrase.mask
    }
}

/// A phrase looked for in many lines, with its byte pairs.
///
/// The pairs are kept only for a phrase whose scalars are characters and lowercase their own:
/// such a phrase is found in a line's text only where its bytes are, and those bytes are then
/// in the line's lowercase form too, as lowercasing maps scalar by scalar. For any other
/// phrase the pairs rule nothing out.
struct LinePhrase {
    let text: String
    let pairs: BytePairs

    init(_ text: String) {
        self.text = text
        let keepsPairs = text.scalarsAreCharacters && text.unicodeScalars.allSatisfy { "\($0)".lowercased() == "\($0)" }
        pairs = keepsPairs ? BytePairs(text) : .none
    }
}

extension TextLine {
    /// `lowerSearch.contains(phrase.text)`, ruled out by the byte pairs first where the
    /// lowercase form's scalars are characters: its search then compares bytes.
    func lowerContains(_ phrase: LinePhrase) -> Bool {
        if lowerSearch.scalarsAreCharacters, !lowerPairs.mayHold(phrase.pairs) { return false }
        return lowerSearch.contains(phrase.text)
    }

    /// `lower.containsBytes(phrase.text)`, ruled out by the byte pairs first.
    func lowerContainsBytes(_ phrase: LinePhrase) -> Bool {
        lowerPairs.mayHold(phrase.pairs) && lower.containsBytes(phrase.text)
    }

    /// `text.containsBytes(phrase.text)`, ruled out by the byte pairs first: the text holds
    /// the phrase's bytes only where its lowercase form does.
    func textContainsBytes(_ phrase: LinePhrase) -> Bool {
        lowerPairs.mayHold(phrase.pairs) && text.containsBytes(phrase.text)
    }

    /// `textSearch.range(of: phrase.text)`, ruled out by the byte pairs first where the text's
    /// scalars are characters: its search then finds the phrase's bytes.
    func textRange(of phrase: LinePhrase) -> Range<String.Index>? {
        if textSearch.scalarsAreCharacters, !lowerPairs.mayHold(phrase.pairs) { return nil }
        return textSearch.range(of: phrase.text)
    }
}
