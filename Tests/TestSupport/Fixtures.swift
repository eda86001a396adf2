public import Foundation

/// Paths to the repository's sample and fixture files, found from this source file's location
/// so tests run from any working directory.
public enum Fixtures {
    /// The repository root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// A file in `samples/`.
    public static func sample(_ name: String) -> URL {
        root.appendingPathComponent("samples").appendingPathComponent(name)
    }

    /// A file in `Tests/Fixtures/`.
    public static func fixture(_ path: String) -> URL {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(path)
    }

    /// `../shared/corpus/real/` beside the repository, or `nil` when it is absent (tests that
    /// need it skip).
    public static var realCorpus: URL? {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/real")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// A fresh temporary directory for one test.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("protokoll-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
