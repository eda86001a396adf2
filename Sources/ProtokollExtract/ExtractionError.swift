public import ProtokollModel

/// Why a document could not be extracted: a stable code and a sentence for people.
public struct ExtractionError: Error, Sendable, Equatable {
    public var code: FailureCode
    public var message: String

    public init(_ code: FailureCode, _ message: String) {
        self.code = code
        self.message = message
    }
}
