import Foundation
import Glibc

/// Expands configured inputs into the list of documents to process.
///
/// A file is taken as given, whatever its name (the extract stage checks its content); a
/// directory is searched recursively for `.pdf` and `.docx` files, hidden entries skipped; a
/// pattern with `*`, `?` or `[` is expanded by `glob(3)`; a manifest lists paths one per line.
/// The result is sorted and free of duplicates, so runs are reproducible. Symbolic links to
/// directories are not followed, so a link loop cannot trap the walk.
enum InputDiscovery {
    static let extensions: Set<String> = ["pdf", "docx"]

    /// - Returns: Paths of documents, and the inputs that matched nothing.
    static func documents(in inputs: [String], manifest: String? = nil) throws -> (
        documents: [String], missing: [String]
    ) {
        var paths = inputs
        if let manifest {
            let text = try String(contentsOfFile: manifest, encoding: .utf8)
            paths += text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        var documents: Set<String> = []
        var missing: [String] = []
        for input in paths {
            let expanded = input.contains(where: { "*?[".contains($0) }) ? glob(input) : [input]
            if expanded.isEmpty { missing.append(input) }
            for path in expanded {
                if !add(path, to: &documents) { missing.append(path) }
            }
        }
        return (documents.sorted(), missing)
    }

    /// Adds a file, or a directory's documents; `false` when the path does not exist.
    private static func add(_ input: String, to documents: inout Set<String>) -> Bool {
        var isDirectory: ObjCBool = false
        let manager = FileManager.default
        guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
            // A dangling or looping symbolic link still names an input: the worker reports it.
            if (try? manager.destinationOfSymbolicLink(atPath: input)) != nil {
                documents.insert(input)
                return true
            }
            return false
        }
        guard isDirectory.boolValue else {
            documents.insert(input)
            return true
        }
        let root = URL(fileURLWithPath: input)
        guard
            let walker = manager.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return true }
        for case let url as URL in walker where extensions.contains(url.pathExtension.lowercased()) {
            let relative = url.path.dropFirst(root.path.count).drop { $0 == "/" }
            documents.insert((input as NSString).appendingPathComponent(String(relative)))
        }
        return true
    }

    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { index in
            result.gl_pathv[index].map { String(cString: $0) }
        }
    }
}
