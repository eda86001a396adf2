import Foundation

/// Reads a zip's central directory (zip64 included) with every offset bounds-checked.
///
/// protokoll reads DOCX zips itself rather than through ZIPFoundation's `Archive`: that type
/// traps on some damaged directories (a range with lower bound above upper bound in its
/// in-memory file) and keeps inflating past an entry whose deflate stream never ends. Here a
/// damaged directory is an error value, never a crash.
struct ZipDirectory {
    struct Entry: Equatable {
        var name: String
        /// 0 stored, 8 deflated.
        var method: Int
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        /// Where the entry's data starts in the file.
        var dataOffset: Int
    }

    enum Problem: Error, Equatable {
        case noDirectory
        case tooManyEntries(Int)
    }

    let entries: [String: Entry]
    /// Names the directory lists whose local header is not where it points: damaged.
    let damaged: Set<String>
    let count: Int

    /// - Throws: `Problem.noDirectory` when no end-of-directory record is found,
    ///   `Problem.tooManyEntries` when the directory declares more than `maxEntries`.
    init(_ data: Data, maxEntries: Int) throws(Problem) {
        let result = data.withUnsafeBytes { bytes in Self.parse(bytes, maxEntries: maxEntries) }
        switch result {
        case .success(let (entries, damaged, count)):
            self.entries = entries
            self.damaged = damaged
            self.count = count
        case .failure(let problem):
            throw problem
        }
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, maxEntries: Int) -> Result<
        ([String: Entry], Set<String>, Int), Problem
    > {
        func number(_ offset: Int, _ width: Int) -> Int? {
            guard offset >= 0, offset + width <= bytes.count else { return nil }
            return (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        guard bytes.count >= 22,
            let eocd = stride(from: bytes.count - 22, through: lowest, by: -1).first(where: {
                number($0, 4) == 0x0605_4B50
            }),
            var count = number(eocd + 10, 2), var directory = number(eocd + 16, 4)
        else { return .failure(.noDirectory) }
        if count == 0xFFFF || directory == 0xFFFF_FFFF {
            guard number(eocd - 20, 4) == 0x0706_4B50, let zip64 = number(eocd - 12, 8),
                number(zip64, 4) == 0x0606_4B50, let zip64Count = number(zip64 + 32, 8),
                let zip64Directory = number(zip64 + 48, 8)
            else { return .failure(.noDirectory) }
            (count, directory) = (zip64Count, zip64Directory)
        }
        if count > maxEntries { return .failure(.tooManyEntries(count)) }
        var entries: [String: Entry] = [:]
        var damaged: Set<String> = []
        var header = directory
        for _ in 0..<count {
            guard number(header, 4) == 0x0201_4B50, let method = number(header + 10, 2),
                let crc = number(header + 16, 4),
                var compressed = number(header + 20, 4), var uncompressed = number(header + 24, 4),
                let nameLength = number(header + 28, 2), let extraLength = number(header + 30, 2),
                let commentLength = number(header + 32, 2), var local = number(header + 42, 4),
                header + 46 + nameLength <= bytes.count
            else { break }
            // The zip64 extra field lists the saturated values only, in this order.
            if uncompressed == 0xFFFF_FFFF || compressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                var extra = header + 46 + nameLength
                let extraEnd = extra + extraLength
                while let id = number(extra, 2), let size = number(extra + 2, 2), extra + 4 + size <= extraEnd {
                    if id == 1 {
                        var field = extra + 4
                        if uncompressed == 0xFFFF_FFFF, let wide = number(field, 8) {
                            uncompressed = wide
                            field += 8
                        }
                        if compressed == 0xFFFF_FFFF, let wide = number(field, 8) {
                            compressed = wide
                            field += 8
                        }
                        if local == 0xFFFF_FFFF, let wide = number(field, 8) { local = wide }
                    }
                    extra += 4 + size
                }
            }
            let name = String(decoding: bytes[(header + 46)..<(header + 46 + nameLength)], as: UTF8.self)
            if entries[name] == nil, number(local, 4) == 0x0403_4B50, let localName = number(local + 26, 2),
                let localExtra = number(local + 28, 2)
            {
                entries[name] = Entry(
                    name: name, method: method, crc32: UInt32(crc), compressedSize: compressed,
                    uncompressedSize: uncompressed, dataOffset: local + 30 + localName + localExtra)
            } else if entries[name] == nil {
                damaged.insert(name)
            }
            header += 46 + nameLength + extraLength + commentLength
        }
        return .success((entries, damaged, count))
    }
}
