public import Foundation
public import ProtokollModel
public import ProtokollSegment

/// Everything a report shows about one document: its pages as images with their size, the
/// geometry the normalize stage kept (blocks, furniture, the extracted lines), and the public
/// records with the canonical text their offsets point into.
///
/// The public records alone are not enough: they carry character offsets, not boxes. The
/// normalize records are what connect an offset to a place on a page.
public struct InspectedDocument: Sendable {
    /// One page: its size in points and, for a PDF that rendered, the PNG to show.
    public struct Page: Sendable, Equatable {
        /// 1-based physical page.
        public var number: Int
        /// Width and height in points, as displayed; overlays are placed in this space.
        public var width: Double
        public var height: Double
        /// The rendered page; `nil` draws a blank page with the boxes still on it.
        public var png: Data?

        public init(number: Int, width: Double, height: Double, png: Data? = nil) {
            self.number = number
            self.width = width
            self.height = height
            self.png = png
        }
    }

    /// The input's file name, the report's title.
    public var fileName: String
    /// `pdf`, `docx`, or `nil` when the bytes were neither.
    public var format: DocumentFormat?
    /// `ok` or the failure code, as in `source_document.status`.
    public var status: String
    /// PDF pages; empty for DOCX and for documents that failed.
    public var pages: [Page]
    /// The extracted PDF lines, used to narrow a block's box to the lines a record covers.
    public var lines: [TextLine]
    /// The normalize stage's body blocks: their `parts[].bbox` place the records.
    public var blocks: [TextBlock]
    /// The normalize stage's furniture, with the boxes the public `furniture` records lack.
    public var furniture: [Furniture]
    /// The public records in file order, without the internal `canonical_text` line.
    public var records: [PublicRecord]
    /// The text every `prov.char_start`/`char_end` points into.
    public var canonicalText: String

    public init(
        fileName: String, format: DocumentFormat?, status: String, pages: [Page], lines: [TextLine],
        blocks: [TextBlock], furniture: [Furniture], records: [PublicRecord], canonicalText: String
    ) {
        self.fileName = fileName
        self.format = format
        self.status = status
        self.pages = pages
        self.lines = lines
        self.blocks = blocks
        self.furniture = furniture
        self.records = records
        self.canonicalText = canonicalText
    }
}
