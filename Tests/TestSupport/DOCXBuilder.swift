public import Foundation
import ZIPFoundation

/// Writes a minimal but valid Word package, so each DOCX test can show its XML inline next to
/// the records it expects.
///
/// Only the body is required; every other part is written when set, with its relationship and
/// content type. Part contents are the XML *inside* the part's root element, which the builder
/// writes with the usual namespace declarations:
///
/// ```swift
/// let url = try DOCXBuilder(body: "<w:p><w:r><w:t>Hej</w:t></w:r></w:p>").write(in: folder)
/// ```
public struct DOCXBuilder {
    /// WordprocessingML namespace flavours: Word writes transitional; ISO strict is rare.
    public enum Flavour: Sendable {
        case transitional
        case strict

        var word: String {
            switch self {
            case .transitional: "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            case .strict: "http://purl.oclc.org/ooxml/wordprocessingml/main"
            }
        }

        var relationships: String {
            switch self {
            case .transitional: "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
            case .strict: "http://purl.oclc.org/ooxml/officeDocument/relationships"
            }
        }
    }

    /// A header or footer part: the relationship id the body's `w:sectPr` names, the part's
    /// path in the package (`word/header1.xml`) and its block content.
    public struct Part: Sendable {
        public var id: String
        public var name: String
        public var content: String

        public init(id: String, name: String, content: String) {
            self.id = id
            self.name = name
            self.content = content
        }
    }

    /// The block content of `w:body`.
    public var body: String
    public var flavour: Flavour = .transitional
    /// Content of `w:styles` in `word/styles.xml`.
    public var styles: String?
    /// Content of `w:numbering` in `word/numbering.xml`.
    public var numbering: String?
    public var headers: [Part] = []
    public var footers: [Part] = []
    /// Content of `w:footnotes` in `word/footnotes.xml`.
    public var footnotes: String?
    /// Content of `cp:coreProperties` (`dc:` and `cp:` prefixes declared).
    public var coreProperties: String?
    /// Content of `Properties` in `docProps/app.xml` (default namespace declared).
    public var appProperties: String?
    /// Raw bytes written as `word/document.xml` instead of the wrapped `body`.
    public var documentXML: Data?
    /// Set to `false` for a package without `word/document.xml`.
    public var includesDocument = true
    /// Further entries, written as given after the Word parts.
    public var extraEntries: [(path: String, data: Data)] = []
    /// Deflate entries (as Word does); `false` stores them.
    public var compressed = true

    public init(body: String, flavour: Flavour = .transitional) {
        self.body = body
        self.flavour = flavour
    }

    /// `word/document.xml` as written: `documentXML`, or `body` wrapped in `w:document`.
    public var documentData: Data {
        documentXML ?? Data(wrap("w:document", "<w:body>\(body)</w:body>").utf8)
    }

    /// Writes the package as `name` in `directory`, typically one from
    /// `Fixtures.withTemporaryDirectory`.
    /// - Returns: The file's URL.
    public func write(in directory: URL, name: String = "test.docx") throws -> URL {
        let url = directory.appendingPathComponent(name)
        try packageData().write(to: url)
        return url
    }

    /// The package's bytes.
    public func packageData() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in entries() {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: compressed ? .deflate : .none
            ) { position, size in
                data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    private func entries() -> [(String, Data)] {
        var entries: [(String, Data)] = []
        var relationships: [(id: String, type: String, target: String)] = []
        var overrides: [(part: String, type: String)] = []
        func add(_ path: String, _ xml: String) {
            entries.append((path, Data(xml.utf8)))
        }
        let mainType = "application/vnd.openxmlformats-officedocument.wordprocessingml"

        if let styles {
            add("word/styles.xml", wrap("w:styles", styles))
            relationships.append(("rIdStyles", "styles", "styles.xml"))
            overrides.append(("/word/styles.xml", "\(mainType).styles+xml"))
        }
        if let numbering {
            add("word/numbering.xml", wrap("w:numbering", numbering))
            relationships.append(("rIdNumbering", "numbering", "numbering.xml"))
            overrides.append(("/word/numbering.xml", "\(mainType).numbering+xml"))
        }
        for (parts, kind, root) in [(headers, "header", "w:hdr"), (footers, "footer", "w:ftr")] {
            for part in parts {
                add(part.name, wrap(root, part.content))
                relationships.append((part.id, kind, Self.target(part.name)))
                overrides.append(("/" + part.name, "\(mainType).\(kind)+xml"))
            }
        }
        if let footnotes {
            add("word/footnotes.xml", wrap("w:footnotes", footnotes))
            relationships.append(("rIdFootnotes", "footnotes", "footnotes.xml"))
            overrides.append(("/word/footnotes.xml", "\(mainType).footnotes+xml"))
        }
        var packageRelationships = [("rIdDocument", "officeDocument", "word/document.xml")]
        if let coreProperties {
            add(
                "docProps/core.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <cp:coreProperties \
                xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                xmlns:dc="http://purl.org/dc/elements/1.1/" \
                xmlns:dcterms="http://purl.org/dc/terms/">\(coreProperties)</cp:coreProperties>
                """)
            packageRelationships.append(
                (
                    "rIdCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                    "docProps/core.xml"
                ))
            overrides.append(("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"))
        }
        if let appProperties {
            add(
                "docProps/app.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
                \(appProperties)</Properties>
                """)
            packageRelationships.append(("rIdApp", "extended-properties", "docProps/app.xml"))
            overrides.append(
                (
                    "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"
                ))
        }
        if includesDocument {
            entries.insert(("word/document.xml", documentData), at: 0)
            overrides.insert(("/word/document.xml", "\(mainType).document.main+xml"), at: 0)
            if !relationships.isEmpty {
                add("word/_rels/document.xml.rels", relationshipsXML(relationships))
            }
        }
        entries.insert(("_rels/.rels", Data(relationshipsXML(packageRelationships).utf8)), at: 0)
        entries.insert(("[Content_Types].xml", Data(contentTypesXML(overrides).utf8)), at: 0)
        return entries + extraEntries.map { ($0.path, $0.data) }
    }

    /// A part's root element with the namespaces Word declares.
    private func wrap(_ root: String, _ content: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <\(root) xmlns:w="\(flavour.word)" xmlns:r="\(flavour.relationships)" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:v="urn:schemas-microsoft-com:vml">\(content)</\(root)>
        """
    }

    private func relationshipsXML(_ relationships: [(id: String, type: String, target: String)]) -> String {
        let lines = relationships.map { relationship in
            let type =
                relationship.type.contains(":") ? relationship.type : "\(flavour.relationships)/\(relationship.type)"
            return #"<Relationship Id="\#(relationship.id)" Type="\#(type)" Target="\#(relationship.target)"/>"#
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(lines.joined())</Relationships>
            """
    }

    private func contentTypesXML(_ overrides: [(part: String, type: String)]) -> String {
        let lines = overrides.map { #"<Override PartName="\#($0.part)" ContentType="\#($0.type)"/>"# }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            \(lines.joined())</Types>
            """
    }

    /// A relationship target relative to `word/`, where the main part lives.
    private static func target(_ partName: String) -> String {
        partName.hasPrefix("word/") ? String(partName.dropFirst("word/".count)) : "/" + partName
    }
}

extension DOCXBuilder {
    /// Rewrites fields of one entry's local and central zip headers, to build packages whose
    /// headers lie: a deflate method over bytes that were stored, or a small declared size.
    /// - Parameters:
    ///   - entry: The entry's path, e.g. `word/document.xml`.
    ///   - package: The zip's bytes, changed in place.
    ///   - compressionMethod: 0 stored, 8 deflate.
    ///   - uncompressedSize: The size the headers declare.
    /// - Returns: How many headers were changed (2 for a normal zip).
    @discardableResult
    public static func patchHeaders(
        of entry: String, in package: inout Data, compressionMethod: UInt16? = nil, uncompressedSize: UInt32? = nil
    ) -> Int {
        let name = Array(entry.utf8)
        var bytes = [UInt8](package)
        var patched = 0
        func read16(_ offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
        func write(_ value: UInt32, at offset: Int, width: Int) {
            for index in 0..<width { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
        }
        // (signature, method offset, uncompressed size offset, name length offset, name offset)
        let layouts: [([UInt8], Int, Int, Int, Int)] = [
            ([0x50, 0x4B, 0x03, 0x04], 8, 22, 26, 30),
            ([0x50, 0x4B, 0x01, 0x02], 10, 24, 28, 46),
        ]
        var offset = 0
        while offset + 46 <= bytes.count {
            for (signature, method, size, nameLength, nameStart) in layouts
            where Array(bytes[offset..<offset + 4]) == signature {
                let length = read16(offset + nameLength)
                guard offset + nameStart + length <= bytes.count,
                    Array(bytes[(offset + nameStart)..<(offset + nameStart + length)]) == name
                else { continue }
                if let compressionMethod { write(UInt32(compressionMethod), at: offset + method, width: 2) }
                if let uncompressedSize { write(uncompressedSize, at: offset + size, width: 4) }
                patched += 1
            }
            offset += 1
        }
        package = Data(bytes)
        return patched
    }
}
