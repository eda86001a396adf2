/// Prefix and suffix tests on UTF-8 bytes, for `String.hasTextPrefix(_:)` and
/// `String.hasTextSuffix(_:)`.
///
/// Among scalars that each stand alone (`standsAlone`), every scalar is a character and equal
/// characters have equal bytes. So where the bytes agree over the whole affix, the answer is
/// yes if the text's scalars there, and the one just beyond, stand alone. Where they differ,
/// the answer is no if the scalars up to the difference, the two differing scalars (one in
/// each string, ending at the same distance from the difference) and their neighbours stand
/// alone: the characters before agree one for one, and then two different single-scalar
/// characters meet. Otherwise the bytes cannot tell, and the answer is `nil`.

/// `hasPrefix` from the bytes of valid UTF-8 `text` and `prefix`, or `nil` when the bytes
/// cannot tell.
func prefixAnswer(_ text: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool? {
    let common = min(text.count, prefix.count)
    var index = 0
    while index < common && text[index] == prefix[index] { index += 1 }
    if index == prefix.count {
        return scalarsStandAlone(text, from: 0, through: index) ? true : nil
    }
    // The text's scalars through the one after the differing scalar (all of them when the
    // text ends first), the prefix's differing scalar and the one after it.
    guard scalarsStandAlone(text, from: 0, through: scalarEnd(text, containing: index)),
        scalarsStandAlone(prefix, from: index, through: scalarEnd(prefix, containing: index))
    else { return nil }
    return false
}

/// `hasSuffix` from the bytes of valid UTF-8 `text` and `suffix`, or `nil` when the bytes
/// cannot tell.
func suffixAnswer(_ text: UnsafeBufferPointer<UInt8>, _ suffix: UnsafeBufferPointer<UInt8>) -> Bool? {
    let common = min(text.count, suffix.count)
    var matched = 0
    while matched < common && text[text.count - 1 - matched] == suffix[suffix.count - 1 - matched] {
        matched += 1
    }
    if matched == suffix.count {
        let start = text.count - matched
        return scalarsStandAlone(text, from: max(start - 1, 0), through: text.count) ? true : nil
    }
    // The text's scalars from the one before the differing scalar to the end (all of them when
    // the text ends first), the suffix's differing scalar and the one before it.
    let textStart = text.count - matched
    let suffixDiffers = suffix.count - 1 - matched
    guard
        scalarsStandAlone(
            text, from: max(scalarStart(text, containing: textStart - 1) - 1, 0), through: text.count),
        scalarsStandAlone(
            suffix, from: max(scalarStart(suffix, containing: suffixDiffers) - 1, 0), through: suffixDiffers)
    else { return nil }
    return false
}

/// The index of the first byte after the scalar that holds byte `index` of valid UTF-8, which
/// is where the next scalar starts, or the end; `index` may be the end itself.
func scalarEnd(_ bytes: UnsafeBufferPointer<UInt8>, containing index: Int) -> Int {
    guard index < bytes.count else { return bytes.count }
    var end = index + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    return end
}

/// The index where the scalar that holds byte `index` of valid UTF-8 starts; 0 for an index
/// before the start.
func scalarStart(_ bytes: UnsafeBufferPointer<UInt8>, containing index: Int) -> Int {
    guard index > 0 else { return 0 }
    var start = index
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return start
}
