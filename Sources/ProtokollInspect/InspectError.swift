public import Foundation

/// Why a report or an index could not be made.
public enum InspectError: Error, Sendable, Equatable {
    /// A PDF extracted but poppler and cairo could not draw it.
    case cannotRender(path: String, reason: String)
    /// A run output directory without any `<file>.ndjson` of public records.
    case noRunOutput(directory: String)
    /// A report or index file could not be written.
    case cannotWrite(path: String, reason: String)
}

extension InspectError: LocalizedError, CustomStringConvertible {
    public var errorDescription: String? { description }

    public var description: String {
        switch self {
        case .cannotRender(let path, let reason): "cannot render the pages of '\(path)': \(reason)"
        case .noRunOutput(let directory):
            "'\(directory)' has no run output: no <file>.ndjson that starts with a source_document"
        case .cannotWrite(let path, let reason): "cannot write '\(path)': \(reason)"
        }
    }
}
