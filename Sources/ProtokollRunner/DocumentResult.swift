/// How one document ended in a run.
public struct DocumentResult: Sendable, Equatable {
    public var input: String
    /// The output files' base name in the output directory (`<name>.ndjson`, `<name>.txt`).
    public var outputName: String
    /// `ok`, an extract failure code (`encrypted`, `corrupt`, …) or a worker outcome:
    /// `timeout` (killed at the wall-time or stall limit), `oom` (ran out of its memory
    /// limit), `crashed` (died on a signal or left an incomplete stream), `output_failed`.
    public var status: String
    public var message: String?
    public var pages: Int?
    /// Pages read by OCR; they take seconds each where a text page takes milliseconds.
    public var ocrPages: Int?
}
