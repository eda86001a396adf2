import Foundation

/// Expands configured inputs into the list of documents to process.
///
/// A file is taken as given, whatever its name (the extract stage checks its content); a
/// directory is searched recursively for `.pdf` and `.docx` files, hidden entries skipped.
/// The result is sorted and free of duplicates, so runs are reproducible.
enum InputDiscovery {
    static let extensions: Set<String> = ["pdf", "docx"]

    /// - Returns: Paths of documents, and the inputs that do not exist.
    static func documents(in inputs: [String]) -> (documents: [String], missing: [String]) {
        var documents: Set<String> = []
        var missing: [String] = []
        let manager = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                missing.append(input)
                continue
            }
            guard isDirectory.boolValue else {
                documents.insert(input)
                continue
            }
            let root = URL(fileURLWithPath: input)
            guard
                let walker = manager.enumerator(
                    at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            else { continue }
            for case let url as URL in walker where extensions.contains(url.pathExtension.lowercased()) {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                let relative = url.path.dropFirst(root.path.count).drop { $0 == "/" }
                documents.insert((input as NSString).appendingPathComponent(String(relative)))
            }
        }
        return (documents.sorted(), missing)
    }
}
