public import Foundation

/// Why a sample could not be prepared for a benchmark.
public enum SampleError: Error, Sendable, Equatable, LocalizedError {
    /// The file is missing or unreadable (a checkout without `samples/`, a wrong `PROTOKOLL_SAMPLES`).
    case unreadable(path: String, reason: String)
    /// The file was read but the extract stage reported a failure for it.
    case notExtracted(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read sample '\(path)': \(reason) (set PROTOKOLL_SAMPLES to the samples folder)"
        case .notExtracted(let path, let reason):
            "sample '\(path)' did not extract: \(reason)"
        }
    }
}
