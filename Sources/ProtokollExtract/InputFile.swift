import Foundation
import ProtokollModel

/// An input file's bytes with the facts every record needs: hash, size, sniffed format.
struct InputFile {
    let path: String
    let bytes: Data
    let sha256: String

    var docID: String { DocumentInfo.docID(forSHA256: sha256) }
    var fileName: String { (path as NSString).lastPathComponent }

    /// Reads the whole file, refusing anything but a regular file (a directory named x.pdf, a
    /// FIFO that would block for ever, a device, a dangling or looping symbolic link), and
    /// files over the limit.
    static func read(path: String, maxBytes: Int) throws(ExtractionError) -> InputFile {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let reason =
                errno == ELOOP
                ? "a loop of symbolic links"
                : path.contains("\u{FFFD}")
                    ? "its name is not valid UTF-8, so it cannot be opened by that name"
                    : String(cString: strerror(errno))
            throw ExtractionError(.unreadable, "cannot read '\(path)': \(reason)")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ExtractionError(.unreadable, "cannot read '\(path)': it is a directory")
        default: throw ExtractionError(.unreadable, "cannot read '\(path)': not a regular file")
        }
        if Int(status.st_size) > maxBytes {
            throw ExtractionError(.tooLarge, "'\(path)' is larger than the limit of \(maxBytes) bytes")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ExtractionError(.unreadable, "cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { try? handle.close() }
        let bytes: Data
        do {
            bytes = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw ExtractionError(.unreadable, "cannot read '\(path)': \(error.localizedDescription)")
        }
        return try make(path: path, bytes: bytes, maxBytes: maxBytes)
    }

    /// Wraps bytes already in memory (fuzzing, tests, callers that hold the file).
    static func make(path: String, bytes: Data, maxBytes: Int) throws(ExtractionError) -> InputFile {
        if bytes.isEmpty {
            throw ExtractionError(.unsupportedFormat, "'\(path)' is empty (0 bytes)")
        }
        if bytes.count > maxBytes {
            throw ExtractionError(.tooLarge, "'\(path)' is larger than the limit of \(maxBytes) bytes")
        }
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(buffer: $0) }
        return InputFile(path: path, bytes: bytes, sha256: hasher.finalizeHex())
    }

    /// The format by magic bytes, never by extension: `%PDF-` within the first KiB (the PDF
    /// specification tolerates leading junk), or a zip that holds `word/document.xml`.
    var sniffedFormat: DocumentFormat? {
        let head = bytes.prefix(1024)
        if head.containsBytes("%PDF-") {
            return .pdf
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return .docx
        }
        return nil
    }

    /// The document record as far as the bytes alone tell.
    func documentInfo(format: DocumentFormat?) -> DocumentInfo {
        DocumentInfo(
            docID: docID, path: path, fileName: fileName, sha256: sha256,
            byteSize: bytes.count, format: format
        )
    }
}
