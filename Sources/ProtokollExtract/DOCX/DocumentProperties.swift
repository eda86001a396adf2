import Foundation
import ProtokollModel

/// Metadata from `docProps/core.xml` and `docProps/app.xml`: title, author, the application
/// that saved the file, and the page count Word last laid out.
struct DocumentProperties {
    var title: String?
    var author: String?
    var application: String?
    var pages: Int?

    init(package: DOCXPackage) throws(ExtractionError) {
        if let core = try package.xml("docProps/core.xml") {
            title = Self.text(core, "title")
            author = Self.text(core, "creator")
        }
        if let app = try package.xml("docProps/app.xml") {
            let version = Self.text(app, "AppVersion")
            application = Self.text(app, "Application").map { name in version.map { "\(name) \($0)" } ?? name }
            pages = Self.text(app, "Pages").flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
        }
    }

    private static func text(_ root: XMLElement, _ name: String) -> String? {
        let value = root.descendants(named: name).first?.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
        return value?.isEmpty == false ? value : nil
    }
}
