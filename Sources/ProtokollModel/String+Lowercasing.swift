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

/// Copies `bytes` (valid UTF-8) lowercased into `output`, which is as long; `false` at the
/// first scalar beyond Latin-1 that lowercasing changes.
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
        // Eight ASCII bytes at a time: each byte from "A" (0x41) to "Z" (0x5A) gains 0x20.
        // Bytes below 0x80 plus 0x3F or 0x25 stay below 0x100, so no sum carries into the next.
        if bytes.count - index >= 8 {
            let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if word & 0x8080_8080_8080_8080 == 0 {
                let atLeastA = word &+ 0x3F3F_3F3F_3F3F_3F3F
                let beyondZ = word &+ 0x2525_2525_2525_2525
                let upper = atLeastA & ~beyondZ & 0x8080_8080_8080_8080
                target.storeBytes(of: word | upper >> 2, toByteOffset: index, as: UInt64.self)
                index += 8
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
            // U+0080–U+00BF (lead 0xC2) have no lowercase forms, nor have U+2000–U+20FF (lead
            // 0xE2, then 0x80–0x83): dashes, quotes, bullets and "€", which Swedish text is
            // full of and the case tables were asked about one by one.
            let punctuation = lead == 0xE2 && bytes[index + 1] < 0x84
            guard
                lead == 0xC2 || punctuation
                    || !decodeScalar(bytes, at: index).scalar.properties.changesWhenLowercased
            else {
                return false
            }
            for offset in 0..<length { output[index + offset] = bytes[index + offset] }
        }
        index += length
    }
    return true
}
