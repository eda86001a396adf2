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

    init(data: Data, path: String, limits: ExtractionLimits) throws(ExtractionError) {
        self.path = path
        self.limits = limits
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
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
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

    private func tooLarge(_ entryPath: String, _ reason: String) -> ExtractionError {
        ExtractionError(.tooLarge, "'\(entryPath)' in DOCX '\(path)' \(reason); refused as a possible zip bomb")
    }
}
