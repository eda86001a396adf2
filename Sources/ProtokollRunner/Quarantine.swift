import Foundation
import ProtokollModel

/// Failed inputs, kept where an archivist looks for them: `<output>/quarantine.txt` lists each
/// as "status<TAB>path<TAB>reason" (tabs and line breaks inside escaped); with `quarantine.copy`, the files themselves are copied into
/// `<output>/quarantine/` so they survive a cleanup of the source.
struct Quarantine {
    let directory: URL
    let copy: Bool

    func record(_ failures: [BatchRunner.Summary.Failure]) throws {
        let list = failures.map { "\($0.status)\t\(Self.escape($0.path))\t\(Self.escape($0.reason ?? ""))" }
            .joined(separator: "\n")
        try AtomicFile.write(
            Data((list.isEmpty ? "" : list + "\n").utf8), to: directory.appendingPathComponent("quarantine.txt"))
        guard copy else { return }
        try copyFiles(failures)
    }

    /// Tabs, line breaks and backslashes in file names written as `\t`, `\n`, `\\`, so
    /// every failure stays one line of three tab-separated fields.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    private func copyFiles(_ failures: [BatchRunner.Summary.Failure]) throws {
        let folder = directory.appendingPathComponent("quarantine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for failure in failures {
            let source = URL(fileURLWithPath: failure.path)
            let target = folder.appendingPathComponent(source.lastPathComponent)
            guard !FileManager.default.fileExists(atPath: target.path) else { continue }
            try? FileManager.default.copyItem(at: source, to: target)
        }
    }
}
