public import Foundation
public import ProtokollModel

/// Turns one input file into its extract-stage records, PDF or DOCX alike.
///
/// Every file ends as records: content closed by `document_end`, or an `error` record with a
/// stable code closed by `document_end`. Problems with the document never throw; only a
/// failing `emit` (a closed pipe, a full disk) does.
public struct DocumentExtractor: Sendable {
    public var limits: ExtractionLimits
    /// OCR for PDF pages without a usable text layer; off unless asked for, because it is the
    /// slow path and needs Tesseract's language data.
    public var ocr: OCRSettings

    public init(limits: ExtractionLimits = ExtractionLimits(), ocr: OCRSettings = OCRSettings()) {
        self.limits = limits
        self.ocr = ocr
    }

    /// Extracts `path`, handing each record to `emit` as soon as it is ready.
    /// - Returns: The failure, or `nil` when the document was extracted.
    /// - Throws: Whatever `emit` throws.
    @discardableResult
    public func extract(path: String, emit: (ExtractRecord) throws -> Void) throws -> ExtractFailure? {
        try extract(path: path, emit: emit) { () throws(ExtractionError) in
            try InputFile.read(path: path, maxBytes: limits.maxFileBytes)
        }
    }

    /// Extracts bytes already in memory, named `path` in the records.
    @discardableResult
    public func extract(bytes: Data, path: String, emit: (ExtractRecord) throws -> Void) throws -> ExtractFailure? {
        try extract(path: path, emit: emit) { () throws(ExtractionError) in
            try InputFile.make(path: path, bytes: bytes, maxBytes: limits.maxFileBytes)
        }
    }

    private func extract(
        path: String, emit: (ExtractRecord) throws -> Void, load: () throws(ExtractionError) -> InputFile
    ) throws -> ExtractFailure? {
        let file: InputFile
        do {
            file = try load()
        } catch {
            let failure = ExtractFailure(docID: nil, path: path, code: error.code, message: error.message)
            try emit(.error(failure))
            try emit(.documentEnd(DocumentEnd(docID: nil, path: path, status: failure.code.rawValue, records: 0)))
            return failure
        }

        var documentWritten = false
        let format = file.sniffedFormat
        var failure: ExtractFailure?
        var records = 0
        do {
            let forward: (ExtractRecord) throws -> Void = { record in
                if case .document = record { documentWritten = true }
                try emit(record)
            }
            switch format {
            case .pdf:
                records = try PDFExtractor(limits: limits, ocr: ocr).extract(file, emit: forward)
            case .docx:
                records = try DOCXExtractor(limits: limits).extract(file, emit: forward)
            case nil:
                throw ExtractionError(
                    .unsupportedFormat, "'\(path)' is neither PDF nor DOCX (checked by content, not by name)")
            }
        } catch let error as ExtractionError {
            failure = ExtractFailure(docID: file.docID, path: path, code: error.code, message: error.message)
        }
        if let failure {
            if !documentWritten {
                try emit(.document(file.documentInfo(format: format)))
            }
            try emit(.error(failure))
        }
        try emit(
            .documentEnd(
                DocumentEnd(
                    docID: file.docID, path: path, status: failure?.code.rawValue ?? "ok", records: records)))
        return failure
    }
}
