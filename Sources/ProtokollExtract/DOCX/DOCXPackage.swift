import Foundation
import ProtokollModel
internal import ZIPFoundation

/// A DOCX zip opened with bounds: entry count, per-entry and total decompressed bytes, and the
/// decompression ratio, all checked while inflating so a zip bomb is stopped, not survived.
final class DOCXPackage {
    private let archive: Archive
    private let limits: ExtractionLimits
    private let path: String
    private var bytesRead = 0
    private let bytes: Data
    /// Where each entry's data starts, by path, read from the central directory.
    private let dataOffsets: [String: Int]

    init(data: Data, path: String, limits: ExtractionLimits) throws(ExtractionError) {
        self.path = path
        self.limits = limits
        bytes = data
        dataOffsets = ZipDirectory.dataOffsets(data)
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ExtractionError(.corrupt, "cannot open DOCX '\(path)': the zip directory is unreadable")
        }
        var count = 0
        for _ in archive {
            count += 1
            if count > limits.maxZipEntries {
                throw ExtractionError(
                    .tooLarge, "DOCX '\(path)' has more than \(limits.maxZipEntries) zip entries")
            }
        }
    }

    /// Whether the zip holds this entry.
    func contains(_ entryPath: String) -> Bool {
        archive[entryPath] != nil
    }

    /// The decompressed bytes of one entry, or `nil` when it is absent.
    func read(_ entryPath: String) throws(ExtractionError) -> Data? {
        guard let entry = archive[entryPath] else { return nil }
        if entry.uncompressedSize > UInt64(limits.maxZipEntryBytes) {
            throw tooLarge(entryPath, "declares \(entry.uncompressedSize) bytes")
        }
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        var data = Data()
        do {
            let consume: Consumer = { [self] chunk in
                data.append(chunk)
                if data.count > limits.maxZipEntryBytes {
                    throw tooLarge(entryPath, "inflates past \(limits.maxZipEntryBytes) bytes")
                }
                if data.count > 1 << 20 && data.count / compressed > limits.maxZipRatio {
                    throw tooLarge(entryPath, "inflates more than \(limits.maxZipRatio):1")
                }
                if bytesRead + data.count > limits.maxZipTotalBytes {
                    throw tooLarge(entryPath, "takes the package past \(limits.maxZipTotalBytes) bytes")
                }
            }
            // ZIPFoundation inflates from the archive until the deflate stream ends, past the
            // entry and, at the end of the file, forever; so deflated entries are inflated here
            // from their own bytes. Neither path compares the CRC, so that is done here too.
            let checksum =
                entry.isCompressed
                ? try inflate(entry, entryPath, consumer: consume)
                : try archive.extract(entry, skipCRC32: false, consumer: consume)
            if checksum != entry.checksum {
                throw ExtractionError(.corrupt, "'\(entryPath)' in DOCX '\(path)' fails its CRC check")
            }
        } catch let error as ExtractionError {
            throw error
        } catch {
            throw ExtractionError(.corrupt, "cannot read '\(entryPath)' in DOCX '\(path)': \(error)")
        }
        bytesRead += data.count
        return data
    }

    /// Reads and parses an XML entry; `nil` when it is absent.
    func xml(_ entryPath: String) throws(ExtractionError) -> XMLElement? {
        guard let data = try read(entryPath) else { return nil }
        return try XMLTree.parse(data, part: entryPath)
    }

    /// Inflates a deflated entry from exactly its compressed bytes; a stream that has not
    /// ended by then is corrupt.
    private func inflate(_ entry: Entry, _ entryPath: String, consumer: Consumer) throws -> CRC32 {
        let corrupt = { [path] (reason: String) in
            ExtractionError(.corrupt, "cannot read '\(entryPath)' in DOCX '\(path)': \(reason)")
        }
        guard let start = dataOffsets[entryPath] else { throw corrupt("its local header is missing") }
        let end = start + Int(clamping: entry.compressedSize)
        guard end <= bytes.count else { throw corrupt("its data runs past the end of the file") }
        var position = start
        return try Data.decompress(
            size: Int64(entry.compressedSize), bufferSize: defaultReadChunkSize, skipCRC32: false,
            provider: { [bytes] _, size in
                guard position < end else { throw corrupt("the deflate stream does not end within the entry") }
                // Always exactly `size` bytes, zero-padded: ZIPFoundation's Linux inflater
                // tells zlib a whole buffer is available, whatever the chunk holds.
                var chunk = bytes[(bytes.startIndex + position)..<(bytes.startIndex + min(position + size, end))]
                position += chunk.count
                if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                return Data(chunk)
            }, consumer: consumer)
    }

    private func tooLarge(_ entryPath: String, _ reason: String) -> ExtractionError {
        ExtractionError(.tooLarge, "'\(entryPath)' in DOCX '\(path)' \(reason); refused as a possible zip bomb")
    }
}
