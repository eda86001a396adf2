import ProtokollModel

extension String {
    /// The first piece that `split(whereSeparator:)` would cut at these separators (ASCII
    /// characters), found without cutting the rest of what may be a long paragraph.
    func firstPiece(separatedBy separators: [Unicode.Scalar]) -> Substring? {
        guard scalarsAreCharacters else {
            return split(whereSeparator: { character in separators.contains { Character($0) == character } }).first
        }
        // Each scalar is a character, and an ASCII one a byte of its own.
        let separatorBytes = separators.map { UInt8($0.value) }
        var copy = self
        let piece: Range<Int>? = copy.withUTF8 { bytes in
            guard let start = bytes.firstIndex(where: { !separatorBytes.contains($0) }) else { return nil }
            return start..<(bytes[start...].firstIndex(where: separatorBytes.contains) ?? bytes.count)
        }
        return piece.map(slice(utf8:))
    }

    /// The index of the first character `character` (ASCII).
    func firstIndex(ofASCII character: Unicode.Scalar) -> Index? {
        guard scalarsAreCharacters else { return firstIndex(of: Character(character)) }
        // Each scalar is a character, and an ASCII one a byte of its own.
        return utf8.firstIndex(of: UInt8(character.value))
    }

    /// The index at the UTF-8 offset that `index` has in `lowercased`, this string's lowercase
    /// form, moved back to the start of a scalar.
    ///
    /// A phrase found in the lowercase form cuts the original at the same offset, which is
    /// right wherever lowercasing keeps the length, as it does for Swedish text. Where it does
    /// not ("İ" lowercases to two scalars), the offset can fall inside a scalar; cutting there
    /// would make a broken string, so the cut moves to the scalar's start.
    func index(matching index: Index, in lowercased: String) -> Index {
        let bytes = Array(utf8)
        var offset = min(lowercased.utf8.distance(from: lowercased.startIndex, to: index), bytes.count)
        while offset > 0, offset < bytes.count, UTF8.isContinuation(bytes[offset]) { offset -= 1 }
        return utf8.index(startIndex, offsetBy: offset)
    }
}
