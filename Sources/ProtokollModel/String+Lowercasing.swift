extension StringProtocol {
    /// The same string as `lowercased()`, made quickly when the text is Latin.
    ///
    /// The standard library looks every non-ASCII scalar up in its case tables, which made
    /// lowercasing a Swedish line cost as much as parsing it. Lowercasing ASCII and Latin-1
    /// (U+0000–U+00FF) is arithmetic: "A"–"Z" and "À"–"Þ" except "×" move up by 0x20, and
    /// everything else stays. Other scalars are copied when lowercasing leaves them alone
    /// ("•", "–", "§"); the first one it would change hands the whole string to `lowercased()`.
    @inlinable public func quickLowercased() -> String {
        latinLowercased() ?? lowercased()
    }

    /// `quickLowercased()` when it is made by arithmetic (`lowercaseLatin`), `nil` when it is
    /// left to `lowercased()`. Such a form differs from the text only in letters below U+0100.
    @inlinable public func latinLowercased() -> String? {
        let quick = utf8.withContiguousStorageIfAvailable { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { output in
                lowercaseLatin(bytes, into: output) ? bytes.count : 0
            }
        }
        guard let quick, quick.utf8.count == utf8.count else { return nil }
        return quick
    }
}

/// Copies `bytes` (valid UTF-8) lowercased into `output`, which is as long and apart from
/// them; `false` at the first scalar beyond Latin-1 that lowercasing changes.
///
/// Where it answers `true`, `output` holds the UTF-8 of `quickLowercased()`, and differs from
/// `bytes` only in scalars below U+0100 that are letters on both sides.
public func lowercaseLatin(
    _ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>
)
    -> Bool
{
    guard let source = UnsafeRawPointer(bytes.baseAddress), let target = UnsafeMutableRawPointer(output.baseAddress)
    else { return true }
    var index = 0
    while index < bytes.count {
        // Eight bytes at a time, up to the first beyond ASCII: each byte from "A" (0x41) to "Z"
        // (0x5A) gains 0x20. Bytes below 0x80 plus 0x3F or 0x25 stay below 0x100, so no sum
        // carries into the next; a byte from 0x80 may carry into the bytes after it, which are
        // written again as the bytes from it are lowercased. In Swedish text a letter beyond
        // ASCII comes every few words, and the ASCII before it is most of the text.
        if bytes.count - index >= 8 {
            let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Little-endian: the first byte is the lowest.
            let ascii = (word & 0x8080_8080_8080_8080).trailingZeroBitCount / 8
            if ascii > 0 {
                let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F
                let beyondZ = word &+ 0x2525_2525_2525_2525
                let upper = atLeastA & ~beyondZ & 0x8080_8080_8080_8080
                target.storeBytes(of: word | upper >> 2, toByteOffset: index, as: UInt64.self)
                index += ascii
                continue
            }
        }
        let lead = bytes[index]
        if lead < 0x80 {
            output[index] = lead >= 0x41 && lead <= 0x5A ? lead | 0x20 : lead
            index += 1
            continue
        }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return false }
        if lead == 0xC3 {
            // U+00C0–U+00FF: "À"–"Þ" (0x80–0x9E after the lead byte) lowercase, "×" (0x97) does not.
            let next = bytes[index + 1]
            output[index] = lead
            output[index + 1] = next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next
        } else {
            // U+0080–U+00BF (lead 0xC2) have no lowercase forms, nor has U+2000–U+20FF (lead 0xE2,
            // then 0x80–0x83): punctuation such as "–", "”" and "•", and currency signs. They are
            // most of the other scalars in Swedish text, and the case tables cost hundreds of
            // instructions a scalar.
            let isCaseless = lead == 0xC2 || (lead == 0xE2 && bytes[index + 1] < 0x84)
            guard isCaseless || !decodeScalar(bytes, at: index).scalar.properties.changesWhenLowercased else {
                return false
            }
            for offset in 0..<length { output[index + offset] = bytes[index + offset] }
        }
        index += length
    }
    return true
}
