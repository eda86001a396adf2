extension String {
    /// Whether every scalar of the string is a `Character` of its own, so that work on
    /// scalars, or on the bytes of ASCII, gives the same answers as work on `Character`s at a
    /// fraction of the cost of finding grapheme boundaries.
    ///
    /// True when the string holds only scalars that never join a neighbour; see
    /// `standsAlone(_:)`.
    public var scalarsAreCharacters: Bool {
        // Native strings lend their bytes without a copy; this runs for every line searched.
        if let answer = utf8.withContiguousStorageIfAvailable(scalarsStandAlone) { return answer }
        var copy = self
        return copy.withUTF8(scalarsStandAlone)
    }

    /// Whether the string has at most `limit` characters, counting no further than it must.
    public func hasAtMostCharacters(_ limit: Int) -> Bool {
        guard limit >= 0 else { return false }
        // A character takes at least one byte.
        if utf8.count <= limit { return true }
        // Scalars that stand alone, counted on the bytes as far as they go: ASCII but the
        // carriage return, and the two-byte scalars below U+0300 (lead bytes up to 0xCB).
        let counted = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var count = 0
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 && lead != 0x0D {
                    index += 1
                } else if lead >= 0x80 && lead < 0xCC {
                    index += 2
                } else {
                    return nil
                }
                count += 1
                if count > limit { return false }
            }
            return true
        }
        if let counted, let answer = counted { return answer }
        var count = 0
        for scalar in unicodeScalars {
            // Past a scalar that may join others, only counting characters tells.
            guard standsAlone(scalar) else { return dropFirst(limit).isEmpty }
            count += 1
            if count > limit { return false }
        }
        return true
    }
}

extension String {
    /// `split(separator:maxSplits:)`, empty pieces left out, for an ASCII separator: the
    /// bytes are cut when each scalar is a character.
    ///
    /// The pieces are cut in one loop over the bytes: the generic `split` on the UTF-8 view
    /// calls its separator test for every byte, and entries and names are split several times
    /// each. The pieces are those of `utf8.split(separator:maxSplits:)`.
    public func split(ascii separator: Unicode.Scalar, maxSplits: Int = .max) -> [Substring] {
        guard scalarsAreCharacters else { return split(separator: Character(separator), maxSplits: maxSplits) }
        var copy = self
        let pieces = copy.withUTF8 { byteRanges(of: $0, cutAt: UInt8(separator.value), maxSplits: maxSplits) }
        return pieces.map(slice(utf8:))
    }

    /// `unicodeScalars.split(whereSeparator: \.isWhitespace)` as substrings, found on the
    /// UTF-8 bytes rather than by walking the scalar view: the words of a line.
    public func splitAtWhitespaceScalars() -> [Substring] {
        var copy = self
        let ranges: [Range<Int>] = copy.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var start: Int?
            var index = 0
            while index < bytes.count {
                let (scalar, length) = decodeScalar(bytes, at: index)
                if scalar.isWhitespace {
                    if let wordStart = start { ranges.append(wordStart..<index) }
                    start = nil
                } else if start == nil {
                    start = index
                }
                index += length
            }
            if let wordStart = start { ranges.append(wordStart..<bytes.count) }
            return ranges
        }
        return ranges.map(slice(utf8:))
    }

    /// The substring at a range of UTF-8 offsets, found on the bytes (`withUTF8`) and cut at
    /// scalar boundaries.
    public func slice(utf8 range: Range<Int>) -> Substring {
        let lower = utf8.index(startIndex, offsetBy: range.lowerBound)
        return self[lower..<utf8.index(lower, offsetBy: range.count)]
    }
}

/// The byte ranges of the pieces `Collection.split(separator:maxSplits:)` cuts `bytes` into,
/// empty pieces left out: at most `maxSplits` cuts, each after a piece kept, the rest one piece.
func byteRanges(of bytes: UnsafeBufferPointer<UInt8>, cutAt separator: UInt8, maxSplits: Int) -> [Range<Int>] {
    var pieces: [Range<Int>] = []
    var start = 0
    var index = 0
    if maxSplits > 0 {
        while index < bytes.count {
            guard bytes[index] == separator else {
                index += 1
                continue
            }
            if index > start {
                pieces.append(start..<index)
                if pieces.count == maxSplits {
                    start = index + 1
                    break
                }
            }
            index += 1
            start = index
        }
    }
    if start < bytes.count { pieces.append(start..<bytes.count) }
    return pieces
}

/// Whether every scalar in valid UTF-8 stands alone (`standsAlone(_:)`), eight bytes at a
/// time where it can: most text and every search phrase is ASCII with Latin letters between.
///
/// Only a byte from 0xCC up leads a scalar that may not stand alone (U+0300 and beyond); the
/// other bytes are ASCII, continuation bytes, or lead a two-byte scalar below U+0300. So a
/// byte below 0xCC is passed over on its own, the carriage return apart, wherever it falls in
/// its scalar, and only the scalars the high lead bytes start are decoded.
public func scalarsStandAlone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
    var index = 0
    while index < bytes.count {
        if bytes.count - index >= 8 {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if !hasByteFromCC(word) && !hasZeroByte(word ^ 0x0D0D_0D0D_0D0D_0D0D) {
                index += 8
                continue
            }
        }
        let byte = bytes[index]
        if byte < 0xCC {
            guard byte != 0x0D else { return false }
            index += 1
        } else {
            let (scalar, length) = decodeScalar(bytes, at: index)
            guard standsAlone(scalar) else { return false }
            index += length
        }
    }
    return true
}

/// Whether any of the eight bytes of `word` is 0xCC or more: its top bit is set and its low
/// seven bits plus 0x34 reach 0x80. The sums stay below 0x100, so none carries into the next
/// byte.
func hasByteFromCC(_ word: UInt64) -> Bool {
    ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & word & 0x8080_8080_8080_8080 != 0
}

/// Whether the scalars of valid UTF-8 that overlap `bytes[from...through]` stand alone;
/// `through` may be `bytes.count`, the end.
func scalarsStandAlone(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, through: Int) -> Bool {
    var start = from
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    var end = min(through + 1, bytes.count)
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    return start >= end || scalarsStandAlone(UnsafeBufferPointer(rebasing: bytes[start..<end]))
}

/// Whether any of the eight bytes of `word` is zero, without looking at them one by one; XOR
/// a byte value into every byte first to ask whether any equals it.
public func hasZeroByte(_ word: UInt64) -> Bool {
    (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
}

/// Whether a scalar is a `Character` of its own wherever it stands among scalars that are
/// too: it neither joins the scalar before it nor lets the one after join it.
///
/// Those are the scalars below U+0300, where the combining marks begin, except the carriage
/// return (a line feed after it joins it); general punctuation ("–", "”", "•", "…");
/// currency signs; arrows; geometric shapes; and private use, where PDF fonts put bullets.
func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0D: false
    case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2190...0x21FF, 0x25A0...0x25FF,
        0xE000...0xF8FF:
        true
    default: false
    }
}

/// The scalar that starts at `index` in valid UTF-8, and its length in bytes.
public func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    var value = UInt32(lead) & (0xFF >> (length + 1))
    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    // Valid UTF-8 decodes to a valid scalar; the replacement character stands in otherwise.
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
}

extension Unicode.Scalar {
    /// Whether the scalar is a decimal digit of any script, what a pattern's `\d` matches;
    /// Latin-1 and the dashes, quotes and bullets of general punctuation are answered without
    /// the property tables.
    public var isDecimalDigit: Bool {
        switch value {
        case 0x30...0x39: true
        case 0..<0x100: false
        default: !isPlainPunctuation && properties.generalCategory == .decimalNumber
        }
    }

    /// Whether the scalar is whitespace (`Character.isWhitespace` of a one-scalar character);
    /// Latin-1 is answered without the property tables.
    public var isWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: true
        case 0..<0x100: false
        default: properties.isWhitespace
        }
    }
}
