import Foundation

/// Reads a zip's central directory just far enough to find where each entry's data starts.
///
/// `DOCXPackage` inflates deflated entries itself from exactly their own bytes, because
/// ZIPFoundation 0.9.20 keeps inflating past an entry whose deflate stream never ends (and, at
/// the end of the file, loops forever); for that it needs each entry's data offset, which
/// ZIPFoundation does not expose.
enum ZipDirectory {
    /// The offset of each entry's data, by path, from the central directory (zip64 included)
    /// and each entry's local header. Entries it cannot place are left out.
    static func dataOffsets(_ data: Data) -> [String: Int] {
        data.withUnsafeBytes { dataOffsets($0) }
    }

    private static func dataOffsets(_ bytes: UnsafeRawBufferPointer) -> [String: Int] {
        func number(_ offset: Int, _ width: Int) -> Int? {
            guard offset >= 0, offset + width <= bytes.count else { return nil }
            return (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        let candidates = stride(from: bytes.count - 22, through: lowest, by: -1)
        guard let eocd = candidates.first(where: { number($0, 4) == 0x0605_4B50 }),
            var count = number(eocd + 10, 2), var directory = number(eocd + 16, 4)
        else { return [:] }
        if count == 0xFFFF || directory == 0xFFFF_FFFF {
            guard number(eocd - 20, 4) == 0x0706_4B50, let zip64 = number(eocd - 12, 8),
                number(zip64, 4) == 0x0606_4B50, let zip64Count = number(zip64 + 32, 8),
                let zip64Directory = number(zip64 + 48, 8)
            else { return [:] }
            (count, directory) = (zip64Count, zip64Directory)
        }
        var offsets: [String: Int] = [:]
        var header = directory
        for _ in 0..<min(count, bytes.count / 46) {
            guard number(header, 4) == 0x0201_4B50, let nameLength = number(header + 28, 2),
                let extraLength = number(header + 30, 2), let commentLength = number(header + 32, 2),
                var local = number(header + 42, 4), header + 46 + nameLength <= bytes.count
            else { break }
            if local == 0xFFFF_FFFF {
                // The zip64 extra field lists only the saturated values, in this order.
                let skipped = [24, 20].filter { number(header + $0, 4) == 0xFFFF_FFFF }.count * 8
                var extra = header + 46 + nameLength
                let extraEnd = extra + extraLength
                while let id = number(extra, 2), let size = number(extra + 2, 2), extra + 4 + size <= extraEnd {
                    if id == 1 { local = number(extra + 4 + skipped, 8) ?? local }
                    extra += 4 + size
                }
            }
            let name = String(decoding: bytes[(header + 46)..<(header + 46 + nameLength)], as: UTF8.self)
            if offsets[name] == nil, number(local, 4) == 0x0403_4B50, let localName = number(local + 26, 2),
                let localExtra = number(local + 28, 2)
            {
                offsets[name] = local + 30 + localName + localExtra
            }
            header += 46 + nameLength + extraLength + commentLength
        }
        return offsets
    }
}
