extension String {
    /// `unicodeScalars.count`, counted on the UTF-8 bytes: every scalar has one byte that is
    /// not a continuation byte (10xxxxxx). Walking the scalar view decodes each scalar, and the
    /// canonical text's offsets count the scalars of every line.
    var scalarCount: Int {
        var copy = self
        return copy.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }
}
