import Foundation

/// Literal search without Foundation's round trip through `NSString`.
///
/// On Linux, Foundation's `range(of:)`, `contains(_:)` and `replacingOccurrences(of:with:)`
/// copy the string into an `NSString` on every call; in the parsers' loops over every line
/// that copying cost more than the parsing itself.
extension Substring {
    /// The range of the first occurrence of `needle`'s UTF-8 bytes.
    ///
    /// Bytes match code points, as a regular expression's literal does: use this to test for
    /// a pattern's literal part before running the pattern. For text search as Foundation
    /// does it, see `String.textRange(of:)`. An empty needle is never found.
    public func firstByteRange(of needle: String) -> Range<Index>? {
        var haystack = self
        var needle = needle
        // `withUTF8` hands over the bytes of native strings as they are.
        guard let found = haystack.withUTF8({ bytes in needle.withUTF8 { firstOffset(of: $0, in: bytes) } }) else {
            return nil
        }
        let start = utf8.index(startIndex, offsetBy: found)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }
}

extension String {
    /// The range of the first occurrence of `needle`'s UTF-8 bytes; see
    /// `Substring.firstByteRange(of:)`.
    public func firstByteRange(of needle: String) -> Range<Index>? {
        self[...].firstByteRange(of: needle)
    }

    /// Whether the string holds `needle`'s UTF-8 bytes; see `Substring.firstByteRange(of:)`.
    public func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            if let found = utf8.withContiguousStorageIfAvailable({ firstOffset(of: pattern, in: $0) }) {
                return found != nil
            }
            var copy = self
            return copy.withUTF8 { firstOffset(of: pattern, in: $0) } != nil
        }
    }

    /// The first occurrence of `needle` as Foundation's `range(of:)` finds it.
    ///
    /// Foundation compares canonically equivalent text and never matches part of a composed
    /// character sequence ("\t" is not found in a tab followed by a combining accent). When
    /// each scalar of both strings is a character of its own (`scalarsAreCharacters`), there
    /// is neither to consider, and comparing bytes finds the same occurrence; other text goes
    /// to Foundation.
    public func textRange(of needle: String) -> Range<Index>? {
        SearchableText(self).range(of: needle)
    }

    /// Whether the string holds `needle`, as Foundation's `contains(_:)` finds it; see
    /// `textRange(of:)`.
    public func containsText(_ needle: String) -> Bool {
        textRange(of: needle) != nil
    }

    /// `hasPrefix(_:)`, answered from the bytes when the scalars that decide it are each a
    /// character of its own (`standsAlone`): then scalar boundaries are character boundaries
    /// and no two different scalars are equivalent. The parsers test every line for dozens of
    /// prefixes, and `hasPrefix` compares characters.
    ///
    /// The scalars that decide are the text's up to the first byte that differs (or the whole
    /// prefix, when none does), the differing scalar of each string, and the scalar after it;
    /// the rest of the prefix is never looked at, so a prefix is not scanned in full for every
    /// line it is tried on.
    public func hasTextPrefix(_ prefix: String) -> Bool {
        let answer = utf8.withContiguousStorageIfAvailable { text in
            prefix.utf8.withContiguousStorageIfAvailable { prefix in prefixAnswer(text, prefix) } ?? nil
        }
        guard let answer, let answer else { return hasPrefix(prefix) }
        return answer
    }

    /// `hasSuffix(_:)`, answered from the bytes as `hasTextPrefix(_:)` is, from the end: the
    /// scalars compared, the differing ones and the scalar before them must stand alone.
    public func hasTextSuffix(_ suffix: String) -> Bool {
        let answer = utf8.withContiguousStorageIfAvailable { text in
            suffix.utf8.withContiguousStorageIfAvailable { suffix in suffixAnswer(text, suffix) } ?? nil
        }
        guard let answer, let answer else { return hasSuffix(suffix) }
        return answer
    }

    /// The string with every occurrence of `target` replaced, as Foundation's
    /// `replacingOccurrences(of:with:)` replaces it; occurrences are found as in
    /// `textRange(of:)`.
    public func replacingText(_ target: String, with replacement: String) -> String {
        guard scalarsAreCharacters, target.scalarsAreCharacters else {
            return replacingOccurrences(of: target, with: replacement)
        }
        guard var found = firstByteRange(of: target) else { return self }
        var result = ""
        var rest = self[...]
        while true {
            result.append(contentsOf: rest[..<found.lowerBound])
            result.append(contentsOf: replacement)
            rest = rest[found.upperBound...]
            guard let next = rest.firstByteRange(of: target) else { break }
            found = next
        }
        result.append(contentsOf: rest)
        return result
    }
}

/// The offset of the first occurrence of `pattern` in `bytes`; an empty pattern is never found.
///
/// `memchr` skips to each candidate's byte at `anchor` many bytes at a time, the last byte
/// rules out most candidates, and `memcmp` checks the rest: the parsers search every line for
/// dozens of phrases, most of them absent, and their first letters are common ones.
///
/// - Parameter anchor: The offset in `pattern` of the byte `memchr` looks for: the first, or
///   for a search of a long text, a rare one, so that fewer candidates stop it.
public func firstOffset(
    of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, anchor: Int = 0
) -> Int? {
    guard let patternStart = pattern.baseAddress, let start = bytes.baseAddress, !pattern.isEmpty,
        pattern.count <= bytes.count
    else { return nil }
    precondition(pattern.indices.contains(anchor), "the anchor is a byte of the pattern")
    let anchorByte = Int32(pattern[anchor])
    let lastOffset = pattern.count - 1
    let last = pattern[lastOffset]
    let lastStart = start + (bytes.count - pattern.count)
    var cursor = start
    while cursor <= lastStart {
        guard let hit = memchr(cursor + anchor, anchorByte, lastStart - cursor + 1) else { return nil }
        let candidate = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - anchor
        if candidate[lastOffset] == last, memcmp(candidate, patternStart, pattern.count) == 0 {
            return candidate - start
        }
        cursor = candidate + 1
    }
    return nil
}
