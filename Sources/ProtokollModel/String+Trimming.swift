public import Foundation

extension String {
    /// The string without the scalars of `set` at either end, as `trimmingCharacters(in:)`
    /// returns it, without its round trip through `NSString`; see `Substring.trimming(_:)`.
    public func trimming(_ set: CharacterSet) -> String {
        // Most strings have nothing to trim: return them rather than a copy.
        if let first = unicodeScalars.first, let last = unicodeScalars.last,
            Substring.isKept(first, by: set), Substring.isKept(last, by: set)
        {
            return self
        }
        return self[...].trimming(set)
    }
}

extension Substring {
    /// The text without the scalars of `set` at either end, as `trimmingCharacters(in:)`
    /// returns it, without its round trip through `NSString`.
    ///
    /// Foundation trims UTF-16 units, so a scalar outside the Basic Multilingual Plane is never
    /// trimmed there, even when `set` holds it; it is not trimmed here either.
    public func trimming(_ set: CharacterSet) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { Self.isKept($0, by: set) }),
            let last = scalars.lastIndex(where: { Self.isKept($0, by: set) })
        else {
            return ""
        }
        return String(scalars[first...last])
    }

    fileprivate static func isKept(_ scalar: Unicode.Scalar, by set: CharacterSet) -> Bool {
        scalar.value > 0xFFFF || !set.contains(scalar)
    }
}

extension Substring {
    /// The text without `CharacterSet.whitespaces` (`Unicode.Scalar.isSpaceOrTab`) at either
    /// end: what `trimming(.whitespaces)` returns, without asking a `CharacterSet` about every
    /// scalar. Most lines are trimmed this way.
    public func trimmingWhitespaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrTab }),
            let last = scalars.lastIndex(where: { !$0.isSpaceOrTab })
        else { return "" }
        return String(scalars[first...last])
    }
}

extension String {
    /// The string without `CharacterSet.whitespaces` at either end; see
    /// `Substring.trimmingWhitespaces()`.
    public func trimmingWhitespaces() -> String {
        // Most strings have nothing to trim: return them rather than a copy. An ASCII byte at
        // either end is the scalar there, and the only ASCII whitespace is the space and the
        // tab: most lines are told from those two bytes, without decoding a scalar.
        if let first = utf8.first, let last = utf8.last, Self.isKeptASCII(first), Self.isKeptASCII(last) {
            return self
        }
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !first.isSpaceOrTab, !last.isSpaceOrTab {
            return self
        }
        return self[...].trimmingWhitespaces()
    }

    private static func isKeptASCII(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t")
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is in `CharacterSet.whitespaces`: a space separator (Zs), the tab,
    /// or the zero width space, which Foundation counts too.
    public var isSpaceOrTab: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x200B: true
        // Latin-1, and the dashes, quotes and bullets of general punctuation ("–", "”", "•"),
        // which start many lines, without the property tables.
        case 0..<0x100: false
        default: !isPlainPunctuation && properties.generalCategory == .spaceSeparator
        }
    }
}
