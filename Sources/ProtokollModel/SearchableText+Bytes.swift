extension SearchableText {
    /// Whether the text's scalars are its characters, so that its bytes decide what it holds:
    /// a phrase is in it exactly when the phrase's bytes are, and it equals a string of such
    /// scalars exactly when their bytes are equal (both are in NFC, scalar for scalar).
    public var comparesBytes: Bool { scalarsAreCharacters }
}
