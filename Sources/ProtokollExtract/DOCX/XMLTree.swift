internal import CLibXML2
import Foundation
import ProtokollModel

/// An XML element copied out of libxml2 into Swift values.
///
/// Word parts are small enough to hold as a tree, and copying at the boundary means no libxml2
/// pointer outlives `XMLTree.parse`.
final class XMLElement {
    /// Local name without prefix: `p`, `r`, `t`.
    let name: String
    /// Whether the element is in WordprocessingML's namespace (transitional or strict); other
    /// vocabularies reuse local names such as `p` and `t` (DrawingML's `a:p`).
    let isWord: Bool
    /// Attributes by local name (`w:val` → `val`, `r:id` → `id`).
    let attributes: [String: String]
    private(set) var children: [XMLNode] = []

    init(name: String, isWord: Bool, attributes: [String: String]) {
        self.name = name
        self.isWord = isWord
        self.attributes = attributes
    }

    fileprivate func append(_ node: XMLNode) {
        children.append(node)
    }

    var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child WordprocessingML element with this local name.
    func word(_ name: String) -> XMLElement? {
        elements.first { $0.isWord && $0.name == name }
    }

    /// All child WordprocessingML elements with this local name.
    func words(_ name: String) -> [XMLElement] {
        elements.filter { $0.isWord && $0.name == name }
    }

    /// The `w:val` attribute of the child `name`, e.g. `pStyle` → the style id.
    func value(of name: String) -> String? {
        word(name)?.attributes["val"]
    }

    /// The concatenated text of all descendant text nodes.
    var textContent: String {
        children.map { node in
            switch node {
            case .text(let text): text
            case .element(let element): element.textContent
            }
        }.joined()
    }

    /// Depth-first search for descendants with a local name, in any namespace.
    func descendants(named name: String) -> [XMLElement] {
        elements.flatMap { child in
            (child.name == name ? [child] : []) + child.descendants(named: name)
        }
    }
}

enum XMLNode {
    case element(XMLElement)
    case text(String)
}

/// Parses XML from a DOCX package with libxml2, safely.
///
/// Word never writes a DTD, so any `<!DOCTYPE` is refused before libxml2 sees the bytes; the
/// parser itself also runs with no network, no DTD loading and no entity substitution, and
/// libxml2's default depth and size limits (no `XML_PARSE_HUGE`), as a second wall against
/// external entities and entity-expansion bombs.
enum XMLTree {
    static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    /// libxml2's version for the `extractor` field, e.g. "20914".
    static var libxml2Version: String { String(cString: protokoll_xml_version()) }

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// - Throws: `ExtractionError.corrupt` for a DTD or XML that libxml2 rejects.
    static func parse(_ data: Data, part: String) throws(ExtractionError) -> XMLElement {
        precondition(initialized)
        protokoll_xml_silence()
        if data.containsBytes("<!DOCTYPE") {
            throw ExtractionError(.corrupt, "DOCX part '\(part)' declares a DTD, which Word never writes; refused")
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document: xmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count <= Int(Int32.max) else { return nil }
            return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), part, nil, options)
        }
        guard let document else {
            throw ExtractionError(.corrupt, "DOCX part '\(part)' is not well-formed XML")
        }
        defer { xmlFreeDoc(document) }
        // The byte check above misses a DTD in UTF-16; the parsed document still records it.
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            throw ExtractionError(.corrupt, "DOCX part '\(part)' declares a DTD, which Word never writes; refused")
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw ExtractionError(.corrupt, "DOCX part '\(part)' has no root element")
        }
        return copy(root)
    }

    private static func copy(_ node: xmlNodePtr) -> XMLElement {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = string(current.pointee.name)
            var value = ""
            var child = current.pointee.children
            while let text = child {
                if let content = text.pointee.content { value += String(cString: content) }
                child = text.pointee.next
            }
            attributes[name] = value
            attribute = current.pointee.next
        }
        let namespace = node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
        let element = XMLElement(
            name: string(node.pointee.name), isWord: namespace.map(wordNamespaces.contains) ?? false,
            attributes: attributes)
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.append(.element(copy(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    element.append(.text(String(cString: content)))
                }
            default:
                break  // Entity references stay unexpanded; comments and PIs carry no text.
            }
            child = current.pointee.next
        }
        return element
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
