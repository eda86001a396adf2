public import Foundation

/// Compares output with a reviewed golden file line by line; `RECORD_SNAPSHOTS=1` rewrites the
/// golden instead, to be reviewed as a diff before committing.
public enum GoldenFile {
    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// - Returns: The first differing line as `(line number, expected, actual)`, or `nil` when
    ///   the output matches (or was just recorded).
    public static func compare(_ actual: Data, with golden: URL) throws -> (
        line: Int, expected: String, actual: String
    )? {
        if recording {
            try FileManager.default.createDirectory(
                at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: golden)
            return nil
        }
        let expected = String(decoding: try Data(contentsOf: golden), as: UTF8.self).components(separatedBy: "\n")
        let lines = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        for index in 0..<max(expected.count, lines.count) {
            let want = index < expected.count ? expected[index] : "<end of file>"
            let got = index < lines.count ? lines[index] : "<end of file>"
            if want != got { return (index + 1, want, got) }
        }
        return nil
    }
}
