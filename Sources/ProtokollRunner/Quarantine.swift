public import Foundation
import ProtokollModel

/// Failed inputs, kept where an archivist looks for them: `<output>/quarantine.txt` lists each
/// with its status and reason; with `quarantine.copy`, the files themselves are copied into
/// `<output>/quarantine/` so they survive a cleanup of the source.
struct Quarantine {
    let directory: URL
    let copy: Bool

    func record(_ failures: [BatchRunner.Summary.Failure]) throws {
        let list = failures.map { "\($0.status)\t\($0.path)\t\($0.reason ?? "")" }.joined(separator: "\n")
        try AtomicFile.write(
            Data((list.isEmpty ? "" : list + "\n").utf8), to: directory.appendingPathComponent("quarantine.txt"))
        guard copy else { return }
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
