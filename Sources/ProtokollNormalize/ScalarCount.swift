/// The number of scalars in valid UTF-8, `unicodeScalars.count` of its string, counted on the
/// bytes: every scalar has one byte that is not a continuation byte (10xxxxxx). Walking the
/// scalar view decodes each scalar, and the canonical text's offsets count the scalars of
/// every line.
func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
    var count = 0
    var index = 0
    // Eight bytes at a time: a continuation byte has its top bit set and the next one clear,
    // so shifting the word left by one lines each byte's second bit up under its first,
    // within the byte.
    while bytes.count - index >= 8 {
        let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
        count += 8 - continuations.nonzeroBitCount
        index += 8
    }
    while index < bytes.count {
        if bytes[index] & 0xC0 != 0x80 { count += 1 }
        index += 1
    }
    return count
}
