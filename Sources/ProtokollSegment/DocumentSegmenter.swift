public import ProtokollModel

/// Turns one normalized document into its public records.
///
/// The parts of a protocol are read in a fixed order: items first (they bound everything
/// else), then the meeting's front matter, attendance and signatures outside the items, and
/// decisions, votes and statements inside each item. IDs are paths derived from the content
/// (`{doc_id}/i/16-24/d/1`), so the same input always gives the same records.
public enum DocumentSegmenter {
    /// Settings that change output.
    public struct Options: Sendable, Equatable {
        /// The pipeline version written into `source_document`.
        public var pipelineVersion = PipelineVersion.current
        /// Hash of the configuration the run used, if any.
        public var configHash: String?

        public init() {}
    }

    /// - Parameter records: One document's normalize records, `document` to `document_end`.
    /// - Returns: Its public records in contract order, then its `canonical_text`.
    public static func segment(_ records: [NormalizeRecord], options: Options = Options()) -> [PublicRecord] {
        let input = SegmentInput(records: records)
        var builder = RecordBuilder(input: input, options: options)
        builder.build()
        return builder.output()
    }
}
