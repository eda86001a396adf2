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
        self.init(text, scalarsAreCharacters: text.scalarsAreCharacters)
    }

    /// `scalarsAreCharacters` is `text.scalarsAreCharacters`, known already (for the lines of
    /// a text whose scalars are characters, say).
    public init(_ text: String, scalarsAreCharacters: Bool) {
        self.text = text
        self.scalarsAreCharacters = scalarsAreCharacters
    }

    /// The first occurrence of `needle`; see `String.textRange(of:)`.
    ///
    /// Where the needle's bytes are found, they are the text's there, so its scalars stand
    /// alone as the text's do: only a needle not found needs looking at on its own.
    public func range(of needle: String) -> Range<String.Index>? {
        guard scalarsAreCharacters else { return text.range(of: needle) }
        if let found = text.firstByteRange(of: needle) { return found }
        return needle.scalarsAreCharacters ? nil : text.range(of: needle)
    }

    /// Whether the text holds `needle`; see `String.textRange(of:)` and `range(of:)`.
    public func contains(_ needle: String) -> Bool {
        guard scalarsAreCharacters else { return text.range(of: needle) != nil }
        if text.containsBytes(needle) { return true }
        return needle.scalarsAreCharacters ? false : text.range(of: needle) != nil
    }
}
