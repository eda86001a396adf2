internal import CPoppler
import Foundation
import ProtokollModel

/// Reads a PDF through poppler-glib: per page, lines in reading order with boxes and fonts.
///
/// poppler's reading order is the one `pdftotext` prints, so multi-column pages come out
/// column by column. The document handle lives only inside `extract`; nothing from poppler
/// escapes as a C type. Pages without a usable text layer go to OCR when `ocr` asks for it
/// (`PDFExtractor+OCR.swift`).
struct PDFExtractor {
    let limits: ExtractionLimits
    var ocr = OCRSettings()

    /// poppler's version, for the `extractor` field of document records.
    static var popplerVersion: String { String(cString: poppler_get_version()) }

    func extract(_ file: InputFile, emit: (ExtractRecord) throws -> Void) throws -> Int {
        // poppler rebuilds a truncated file's cross-reference table and reads what is left
        // without saying so; a missing end marker is the one sign that pages may be lost.
        if !file.bytes.suffix(1024).containsBytes("%%EOF") {
            throw ExtractionError(.corrupt, "PDF '\(file.path)' is truncated: no %%EOF marker at its end")
        }
        return try PopplerDocument.with(file.bytes, path: file.path) { document in
            try extract(document: document, file: file, emit: emit)
        }
    }

    private func extract(
        document: OpaquePointer, file: InputFile, emit: (ExtractRecord) throws -> Void
    ) throws -> Int {
        let pageCount = Int(poppler_document_get_n_pages(document))
        if pageCount > limits.maxPages {
            throw ExtractionError(
                .tooLarge, "'\(file.path)' has \(pageCount) pages, more than the limit of \(limits.maxPages)")
        }
        var info = file.documentInfo(format: .pdf)
        info.pageCount = pageCount
        info.producer = Self.takeString(poppler_document_get_producer(document))
        info.creator = Self.takeString(poppler_document_get_creator(document))
        info.author = Self.takeString(poppler_document_get_author(document))
        info.title = Self.takeString(poppler_document_get_title(document))
        info.encrypted = file.bytes.containsBytes("/Encrypt")
        info.extractor = ["poppler": Self.popplerVersion]
        try emit(.document(info))

        var records = 0
        var pagesWithText = 0
        let session = OCRSession(settings: ocr)
        var styles = PDFLineBuilder.FontStyles()
        for pageIndex in 0..<pageCount {
            guard let page = poppler_document_get_page(document, Int32(pageIndex)) else {
                try emit(
                    .issue(
                        ExtractIssue(
                            docID: file.docID, code: "page_unreadable", page: pageIndex + 1,
                            message: "poppler could not load page \(pageIndex + 1) of '\(file.path)'")))
                continue
            }
            defer { protokoll_object_unref(UnsafeMutableRawPointer(page)) }
            var (pageInfo, lines) = read(page: page, number: pageIndex + 1, docID: file.docID, styles: &styles)
            var ocrIssues: [ExtractIssue] = []
            if let result = readByOCR(page: page, textLayer: pageInfo, lines: lines, path: file.path, session: session)
            {
                (pageInfo, lines, ocrIssues) = (result.info, result.lines, result.issues)
            }
            try emit(.page(pageInfo))
            records += 1
            for line in lines {
                try emit(.line(line))
            }
            records += lines.count
            for issue in ocrIssues {
                try emit(.issue(issue))
            }
            if pageInfo.hasText {
                pagesWithText += 1
            } else {
                try emit(
                    .issue(
                        ExtractIssue(
                            docID: file.docID, code: FailureCode.noText.rawValue, page: pageIndex + 1,
                            message: "page \(pageIndex + 1) of '\(file.path)' has no text layer")))
            }
        }
        if pagesWithText == 0 {
            throw ExtractionError(.noText, "'\(file.path)' has no text layer on any of its \(pageCount) pages")
        }
        return records
    }

    private func read(
        page: OpaquePointer, number: Int, docID: String, styles: inout PDFLineBuilder.FontStyles
    ) -> (PageInfo, [TextLine]) {
        var width = 0.0
        var height = 0.0
        poppler_page_get_size(page, &width, &height)
        var crop = PopplerRectangle()
        poppler_page_get_crop_box(page, &crop)
        let cropWidth = abs(crop.x2 - crop.x1)
        let quarterTurned = abs(width - cropWidth) > 0.5 && abs(height - cropWidth) < 0.5

        let text = Self.takeString(poppler_page_get_text(page)) ?? ""
        let drafts = PDFLineBuilder.lines(
            text: text, rects: Self.layout(page), fonts: Self.fontRuns(page), styles: &styles)
        let lines = drafts.enumerated().map { index, draft in
            TextLine(
                docID: docID, page: number, index: index, text: draft.text, bbox: draft.bbox,
                font: draft.font, fontSize: draft.fontSize, bold: draft.bold, italic: draft.italic)
        }
        let info = PageInfo(
            docID: docID, page: number, width: (width * 100).rounded() / 100,
            height: (height * 100).rounded() / 100, quarterTurned: quarterTurned,
            label: Self.takeString(poppler_page_get_label(page)), hasText: !lines.isEmpty,
            lineCount: lines.count)
        return (info, lines)
    }

    /// One rectangle per character of the page's text, copied out of poppler's array.
    ///
    /// The copy runs once per character of every page, so it writes straight into the new
    /// array's storage instead of appending element by element.
    private static func layout(_ page: OpaquePointer) -> [BoundingBox] {
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else {
            return []
        }
        defer { g_free(rectangles) }
        return [BoundingBox](unsafeUninitializedCapacity: Int(count)) { boxes, initialized in
            for index in 0..<Int(count) {
                let rect = rectangles[index]
                boxes.initializeElement(at: index, to: BoundingBox(x0: rect.x1, y0: rect.y1, x1: rect.x2, y1: rect.y2))
            }
            initialized = Int(count)
        }
    }

    private static func fontRuns(_ page: OpaquePointer) -> [FontRun] {
        guard let list = poppler_page_get_text_attributes(page) else { return [] }
        defer { protokoll_free_text_attributes(list) }
        var runs: [FontRun] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let attributes = protokoll_text_attributes(current) {
                let name = attributes.pointee.font_name.map { String(cString: $0) } ?? ""
                runs.append(
                    FontRun(
                        start: Int(attributes.pointee.start_index), end: Int(attributes.pointee.end_index),
                        fontName: name, fontSize: attributes.pointee.font_size))
            }
            node = current.pointee.next
        }
        return runs.sorted { $0.start < $1.start }
    }

    /// Copies a string poppler allocated and frees it; empty strings become `nil`.
    private static func takeString(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        let value = String(cString: pointer)
        return value.isEmpty ? nil : value
    }
}
