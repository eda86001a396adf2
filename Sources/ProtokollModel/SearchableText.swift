import Foundation

/// A text searched for many phrases, as Foundation's `range(of:)` searches: whether comparing
/// bytes gives Foundation's answers (see `String.textRange(of:)`) is worked out once for the
/// text rather than for every phrase.
public struct SearchableText: Sendable {
    /// The text searched.
    public let text: String
    /// Whether the text's scalars are its characters, so that its bytes decide what it holds:
    /// a phrase is in it exactly when the phrase's bytes are.
    public let scalarsAreCharacters: Bool

    public init(_ text: String) {
        self.text = text
        scalarsAreCharacters = text.scalarsAreCharacters
    }

    /// The first occurrence of `needle`; see `String.textRange(of:)`.
    public func range(of needle: String) -> Range<String.Index>? {
        guard scalarsAreCharacters, needle.scalarsAreCharacters else { return text.range(of: needle) }
        return text.firstByteRange(of: needle)
    }

    /// Whether the text holds `needle`; see `String.textRange(of:)`.
    public func contains(_ needle: String) -> Bool {
        guard scalarsAreCharacters, needle.scalarsAreCharacters else { return text.range(of: needle) != nil }
        return text.containsBytes(needle)
    }
}
