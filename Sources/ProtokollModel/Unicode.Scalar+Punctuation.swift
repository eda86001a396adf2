extension Unicode.Scalar {
    /// Whether the scalar is general punctuation from U+2010 to U+2027 or from U+2030 to
    /// U+205E: the dashes, quotes and bullets ("–", "”", "•") protocols are full of.
    ///
    /// Such a scalar is neither whitespace nor a digit, and has no case and no canonical
    /// decomposition: a text that starts with it still does once trimmed of whitespace,
    /// lowercased, or in any canonically equivalent form. So a parser can rule out, by its first
    /// scalar alone, a line that would have to start with a word or a number; and the
    /// whitespace and digit tests answer it without the property tables.
    public var isPlainPunctuation: Bool {
        (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
    }
}
