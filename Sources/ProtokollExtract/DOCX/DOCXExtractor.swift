import Foundation
import ProtokollModel

/// Reads a DOCX package: body paragraphs and tables in order, then each section's header and
/// footer parts, then footnotes and endnotes, all as `paragraph` records tagged with their part
/// so normalisation can drop page furniture without losing it.
struct DOCXExtractor {
    let limits: ExtractionLimits

    func extract(_ file: InputFile, emit: (ExtractRecord) throws -> Void) throws -> Int {
        let package = try DOCXPackage(data: file.bytes, path: file.path, limits: limits)
        let mainPart = try Self.officeDocumentPath(package)
        guard let documentData = try package.read(mainPart) else {
            throw ExtractionError(
                .unsupportedFormat, "'\(file.path)' is a zip file but holds no Word document; not a DOCX")
        }
        let document = try XMLTree.parse(documentData, part: mainPart)
        guard let body = document.word("body") else {
            throw ExtractionError(.corrupt, "DOCX '\(file.path)': '\(mainPart)' has no w:body")
        }
        let relationships = try Relationships(package: package, part: mainPart)
        let styles = WordStyles(try relationships.xml(type: "styles", in: package))
        let numbering = WordNumbering(try relationships.xml(type: "numbering", in: package), styles: styles)

        var info = file.documentInfo(format: .docx)
        info.extractor = ["libxml2": XMLTree.libxml2Version]
        let properties = try DocumentProperties(package: package)
        info.title = properties.title
        info.author = properties.author
        info.producer = properties.application

        let sections = Self.sectionProperties(body)
        var walker = WordBodyWalker(
            docID: file.docID, styles: styles, numbering: numbering,
            usesRenderedBreaks: documentData.containsBytes("lastRenderedPageBreak"),
            sectionStartsNewPage: sections.map { ($0.value(of: "type") ?? "nextPage") != "continuous" })
        try walker.walk(body.elements, context: .init(part: .body, partName: mainPart, section: 0))
        let bodyParagraphs = walker.paragraphCount
        let bodyPages = walker.page
        let sectionStartPages = walker.sectionStartPages
        let footnoteReferences = walker.footnoteReferences
        let endnoteReferences = walker.endnoteReferences

        for (index, section) in sections.enumerated() {
            for reference in section.elements where reference.isWord {
                let part: DocumentPart
                switch reference.name {
                case "headerReference": part = .header
                case "footerReference": part = .footer
                default: continue
                }
                guard let id = reference.attributes["id"], let target = relationships.target(id),
                    let root = try package.xml(target)
                else { continue }
                walker.page = index < sectionStartPages.count ? sectionStartPages[index] : 1
                try walker.walk(
                    root.elements,
                    context: .init(
                        part: part, partName: target, section: index, variant: reference.attributes["type"] ?? "default"
                    ))
            }
        }
        for (kind, part, references) in [
            ("footnotes", DocumentPart.footnote, footnoteReferences),
            ("endnotes", DocumentPart.endnote, endnoteReferences),
        ] {
            guard let target = relationships.target(type: kind), let root = try package.xml(target) else { continue }
            for note in root.elements where note.isWord {
                guard let id = note.attributes["id"].flatMap(Int.init), let reference = references[id] else { continue }
                walker.page = reference.page
                try walker.walk(
                    note.elements, context: .init(part: part, partName: target, section: reference.section, noteID: id))
            }
        }
        // The document record goes first, but Word's page count is known only after the walk,
        // so records wait in memory; the zip limits bound their size.
        info.pageCount = walker.usesRenderedBreaks ? (properties.pages ?? bodyPages) : bodyPages
        try emit(.document(info))
        for record in walker.records {
            try emit(record)
        }
        if bodyParagraphs == 0 {
            throw ExtractionError(.noText, "DOCX '\(file.path)' has no text in its body")
        }
        return walker.records.count
    }

    /// The main part named by the package relationships (`_rels/.rels`), as Word finds it;
    /// `word/document.xml` when the package has no relationships part.
    private static func officeDocumentPath(_ package: DOCXPackage) throws(ExtractionError) -> String {
        guard let root = try package.xml("_rels/.rels") else { return "word/document.xml" }
        let target = root.elements.first { $0.attributes["Type"]?.hasSuffix("/officeDocument") == true }?
            .attributes["Target"]
        return target.map { Relationships.resolve($0, relativeTo: "") } ?? "word/document.xml"
    }

    /// Every `w:sectPr` in body order: one inside the last paragraph of each section, and the
    /// body's own for the last section.
    private static func sectionProperties(_ body: XMLElement) -> [XMLElement] {
        var sections: [XMLElement] = []
        func scan(_ elements: [XMLElement]) {
            for element in elements where element.isWord {
                switch element.name {
                case "p":
                    if let section = element.word("pPr")?.word("sectPr") { sections.append(section) }
                case "sdt":
                    scan(element.word("sdtContent")?.elements ?? [])
                case "customXml", "ins":
                    scan(element.elements)
                case "sectPr":
                    sections.append(element)
                default:
                    break
                }
            }
        }
        scan(body.elements)
        return sections
    }
}
