/// What the runner and a `protokoll worker` process say to each other, one JSON line at a time:
/// requests on the worker's stdin, replies on its stdout.
struct WorkerRequest: Codable, Sendable {
    var path: String
    var outputName: String

    enum CodingKeys: String, CodingKey {
        case path
        case outputName = "output_name"
    }
}

struct WorkerReply: Codable, Sendable, Equatable {
    /// `progress` while the document is being worked on (restarts the runner's stall clock);
    /// `done` once its output files are published.
    var event: String
    /// With `done`: `ok`, an extract failure code, or `output_failed`.
    var status: String?
    var message: String?
    var pages: Int?
    /// With `done`: how many of the pages were read by OCR (the slow path, counted apart).
    var ocrPages: Int?

    enum CodingKeys: String, CodingKey {
        case event, status, message, pages
        case ocrPages = "ocr_pages"
    }

    static let progress = WorkerReply(event: "progress")

    static func done(status: String, message: String? = nil, pages: Int? = nil, ocrPages: Int? = nil) -> WorkerReply {
        WorkerReply(event: "done", status: status, message: message, pages: pages, ocrPages: ocrPages)
    }
}
