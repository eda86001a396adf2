import ProtokollModel

/// A part's relationships (`word/_rels/document.xml.rels`): id → target part path.
struct Relationships {
    private var targets: [String: String] = [:]
    private var typed: [(type: String, target: String)] = []

    init(package: DOCXPackage, part: String) throws(ExtractionError) {
        let directory = part.split(separator: "/").dropLast().joined(separator: "/")
        let fileName = part.split(separator: "/").last.map(String.init) ?? part
        let relsPath = (directory.isEmpty ? "" : directory + "/") + "_rels/" + fileName + ".rels"
        guard let root = try package.xml(relsPath) else { return }
        for relationship in root.elements {
            guard let id = relationship.attributes["Id"], let target = relationship.attributes["Target"],
                relationship.attributes["TargetMode"] != "External"
            else { continue }
            let resolved = Self.resolve(target, relativeTo: directory)
            targets[id] = resolved
            typed.append((relationship.attributes["Type"] ?? "", resolved))
        }
    }

    func target(_ id: String) -> String? {
        targets[id]
    }

    /// The first target whose relationship type ends in `/type` (e.g. `styles`, `numbering`).
    func target(type: String) -> String? {
        typed.first { $0.type.hasSuffix("/" + type) }?.target
    }

    func xml(type: String, in package: DOCXPackage) throws(ExtractionError) -> XMLElement? {
        guard let target = target(type: type) else { return nil }
        return try package.xml(target)
    }

    /// Resolves a relationship target against the source part's folder; a leading `/` means
    /// the package root, and `..` steps up.
    static func resolve(_ target: String, relativeTo directory: String) -> String {
        var components = target.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }
}
