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

    /// Runs `body` with a fresh, empty directory, then removes the directory and all it holds.
    ///
    /// The only way tests get scratch space: the removal runs however `body` ends (returned,
    /// threw, or failed an expectation), so a test suite run nightly leaves nothing behind in
    /// `$TMPDIR`.
    ///
    /// When `#expect(try …)` would be the only `try` in `body`, bind the value first: the
    /// compiler decides whether a closure throws before it expands macros, and reports "errors
    /// thrown from here are not handled" (swiftlang/swift-testing#611).
    /// - Parameter body: The test code; the directory exists only while it runs.
    /// - Returns: What `body` returns.
    /// - Throws: When the directory cannot be created, or what `body` throws.
    @discardableResult
    public static func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("protokoll-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }
}
