import ProtokollModel

extension String {
    /// `quickLowercased()`, or the string itself when lowercasing would give its bytes back.
    ///
    /// The furniture detector lowercases every line of a document, and many lines, inside a
    /// paragraph, have no capital: making each of them a new string cost an allocation and a
    /// check of its UTF-8 for nothing. The string is kept when its bytes are ASCII but "A"–"Z",
    /// U+0080–U+00BF (lead byte 0xC2), or U+00C0–U+00FF but "À"–"Þ" other than "×": the
    /// scalars that `quickLowercased()` copies as they are without asking the case tables.
    func lowercasedUnlessLowercase() -> String {
        let isLowercase = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
            var index = 0
            while index < bytes.count {
                if bytes.count - index >= 8 {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    // ASCII: a byte from "A" (0x41) to "Z" (0x5A) reaches 0x80 plus 0x3F, and
                    // only beyond "Z" does it reach 0x80 plus 0x25; no sum carries over.
                    if word & 0x8080_8080_8080_8080 == 0 {
                        let upper = (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525)
                        guard upper & 0x8080_8080_8080_8080 == 0 else { return false }
                        index += 8
                        continue
                    }
                }
                let lead = bytes[index]
                if lead < 0x80 {
                    guard lead < 0x41 || lead > 0x5A else { return false }
                    index += 1
                } else if lead == 0xC2 {
                    index += 2
                } else if lead == 0xC3, index + 1 < bytes.count {
                    let next = bytes[index + 1]
                    guard next < 0x80 || next > 0x9E || next == 0x97 else { return false }
                    index += 2
                } else {
                    return false
                }
            }
            return true
        }
        return isLowercase == true ? self : quickLowercased()
    }
}
