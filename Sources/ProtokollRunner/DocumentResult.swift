/// How one document ended in a run.
public struct DocumentResult: Sendable, Equatable {
    public var input: String
    /// The output files' base name in the output directory (`<name>.ndjson`, `<name>.txt`).
    public var outputName: String
    /// `ok`, an extract failure code (`encrypted`, `corrupt`, …) or a worker outcome:
    /// `timeout` (killed at the wall-time limit), `crashed` (the worker died on a signal or
    /// left an incomplete stream).
    public var status: String
    public var message: String?
}
