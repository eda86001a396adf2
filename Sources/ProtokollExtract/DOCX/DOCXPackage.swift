import Foundation
import ProtokollModel
internal import ZIPFoundation

/// A DOCX zip opened with bounds: entry count, per-entry and total decompressed bytes, and the
/// decompression ratio, all checked while inflating so a zip bomb is stopped, not survived.
/// Every entry's CRC is checked, so damaged text is refused rather than read.
final class DOCXPackage {
    private let directory: ZipDirectory
    private let limits: ExtractionLimits
    private let path: String
    private let bytes: Data
    private var bytesRead = 0

    init(data: Data, path: String, limits: ExtractionLimits) throws(ExtractionError) {
        self.path = path
        self.limits = limits
        bytes = data
        do {
            directory = try ZipDirectory(data, maxEntries: limits.maxZipEntries)
        } catch .tooManyEntries(let count) {
            throw ExtractionError(
                .tooLarge, "DOCX '\(path)' has \(count) zip entries, more than the limit of \(limits.maxZipEntries)")
        } catch {
            throw ExtractionError(.corrupt, "cannot open DOCX '\(path)': the zip directory is unreadable")
        }
    }

    /// Whether the zip holds this entry.
    func contains(_ entryPath: String) -> Bool {
        directory.entries[entryPath] != nil
    }

    /// The decompressed bytes of one entry, or `nil` when it is absent.
    func read(_ entryPath: String) throws(ExtractionError) -> Data? {
        if directory.damaged.contains(entryPath) {
            throw corrupt(entryPath, "its local header is not where the zip directory says")
        }
        guard let entry = directory.entries[entryPath] else { return nil }
        if entry.uncompressedSize > limits.maxZipEntryBytes {
            throw tooLarge(entryPath, "declares \(entry.uncompressedSize) bytes")
        }
        let start = bytes.startIndex + entry.dataOffset
        guard entry.compressedSize >= 0, entry.dataOffset + entry.compressedSize <= bytes.count else {
            throw corrupt(entryPath, "its data runs past the end of the file")
        }
        let stored = bytes[start..<(start + entry.compressedSize)]
        var data = Data()
        switch entry.method {
        case 0:
            try check(stored.count, entryPath, compressed: entry.compressedSize)
            data = Data(stored)
        case 8:
            data = try inflate(stored, entryPath)
        default:
            throw corrupt(entryPath, "it uses compression method \(entry.method), which Word does not write")
        }
        if data.crc32(checksum: 0) != entry.crc32 {
            throw corrupt(entryPath, "it fails its CRC check")
        }
        bytesRead += data.count
        return data
    }

    /// Reads and parses an XML entry; `nil` when it is absent.
    func xml(_ entryPath: String) throws(ExtractionError) -> XMLElement? {
        guard let data = try read(entryPath) else { return nil }
        return try XMLTree.parse(data, part: entryPath)
    }

    /// Inflates exactly the entry's compressed bytes; a stream that has not ended by then is
    /// corrupt. The limits are checked on every chunk, so a bomb stops early.
    private func inflate(_ compressed: Data.SubSequence, _ entryPath: String) throws(ExtractionError) -> Data {
        var data = Data()
        var position = compressed.startIndex
        let end = compressed.endIndex
        do {
            _ = try Data.decompress(
                size: Int64(compressed.count), bufferSize: defaultReadChunkSize, skipCRC32: true,
                provider: { _, size in
                    guard position < end else {
                        throw corrupt(entryPath, "the deflate stream does not end within the entry")
                    }
                    // Always exactly `size` bytes, zero-padded: ZIPFoundation's Linux inflater
                    // tells zlib a whole buffer is available, whatever the chunk holds.
                    var chunk = Data(compressed[position..<min(position + size, end)])
                    position += chunk.count
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                },
                consumer: { [self] chunk in
                    data.append(chunk)
                    try check(data.count, entryPath, compressed: compressed.count)
                })
        } catch let error as ExtractionError {
            throw error
        } catch {
            throw corrupt(entryPath, "\(error)")
        }
        return data
    }

    /// The bounds on inflated bytes, checked as they grow.
    private func check(_ inflated: Int, _ entryPath: String, compressed: Int) throws(ExtractionError) {
        if inflated > limits.maxZipEntryBytes {
            throw tooLarge(entryPath, "inflates past \(limits.maxZipEntryBytes) bytes")
        }
        if inflated > 1 << 20 && inflated / max(compressed, 1) > limits.maxZipRatio {
            throw tooLarge(entryPath, "inflates more than \(limits.maxZipRatio):1")
        }
        if bytesRead + inflated > limits.maxZipTotalBytes {
            throw tooLarge(entryPath, "takes the package past \(limits.maxZipTotalBytes) bytes")
        }
    }

    private func corrupt(_ entryPath: String, _ reason: String) -> ExtractionError {
        ExtractionError(.corrupt, "cannot read '\(entryPath)' in DOCX '\(path)': \(reason)")
    }

    private func tooLarge(_ entryPath: String, _ reason: String) -> ExtractionError {
        ExtractionError(.tooLarge, "'\(entryPath)' in DOCX '\(path)' \(reason); refused as a possible zip bomb")
    }
}
