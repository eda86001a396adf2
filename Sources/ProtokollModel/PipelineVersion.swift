/// The version of the pipeline as a whole. It goes into every `source_document` and into the
/// batch ledger's keys: a new version reprocesses everything, because its records may differ.
public enum PipelineVersion {
    public static let current = "0.1.0"
}
