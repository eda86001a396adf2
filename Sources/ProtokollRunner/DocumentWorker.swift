public import Foundation
public import ProtokollExtract
import ProtokollModel
import ProtokollNormalize

/// The worker side of `protokoll run` (`protokoll worker`): reads one request per line on
/// stdin, runs the whole pipeline for that document in this process, publishes its output
/// files, and answers on stdout.
///
/// A worker lives for many documents, so the cost of starting a process and loading poppler
/// is paid once, not per file; the runner still kills and replaces it on any crash, hang or
/// memory blow-up, which then costs only the document in hand.
public struct DocumentWorker {
    public let extractor: DocumentExtractor
    public let outputDirectory: URL
    /// The least time between two `progress` replies during a document's pages.
    public let progressInterval: Duration

    /// - Parameters:
    ///   - ocr: OCR for pages without a usable text layer. Tesseract runs here, in the
    ///     worker, never in the runner: a crash or runaway page costs this process only.
    ///   - progressInterval: A page that ends sooner than this after the last reply is not
    ///     reported: a reply per page costs the runner a wake-up and both processes a switch of
    ///     the core, a percent or two of a run over born-digital pages, which take a few
    ///     milliseconds each. Zero reports every page.
    public init(
        limits: ExtractionLimits, ocr: OCRSettings = OCRSettings(), outputDirectory: URL,
        progressInterval: Duration = .zero
    ) {
        self.extractor = DocumentExtractor(limits: limits, ocr: ocr)
        self.outputDirectory = outputDirectory
        self.progressInterval = progressInterval
    }

    /// Serves requests until stdin closes.
    /// - Parameter beforeEach: Called with each input path before it is read (a test hook).
    /// - Throws: When stdout is gone: the runner has died, and so may this worker.
    public func serve(beforeEach: (String) -> Void = { _ in }) throws {
        let requests = DescriptorLineReader(descriptor: STDIN_FILENO)
        let replies = NDJSONWriter(descriptor: STDOUT_FILENO)
        let answer = { (reply: WorkerReply) throws in
            try replies.write(reply)
            try replies.flush()
        }
        while case .line(let line) = requests.next(timeout: nil) {
            guard let request = try? NDJSON.decode(WorkerRequest.self, from: line) else {
                try answer(.done(status: "crashed", message: "the worker got an unreadable request"))
                continue
            }
            beforeEach(request.path)
            try answer(process(request, progress: { try answer(.progress) }))
        }
    }

    private func process(_ request: WorkerRequest, progress: () throws -> Void) throws -> WorkerReply {
        var document = ExtractedInput()
        var ocrPages = 0
        // Progress after pages keeps the runner's stall clock from running out on a long
        // scanned document: an OCR page takes seconds, but never more than its own limit.
        let clock = ContinuousClock()
        var lastReply = clock.now
        let failure = try extractor.extract(path: request.path) { record in
            document.add(record)
            if case .page(let page) = record {
                if page.textLayer == "ocr" { ocrPages += 1 }
                let now = clock.now
                if now - lastReply >= progressInterval {
                    try progress()
                    lastReply = now
                }
            }
        }
        try progress()
        // The stream's one document record comes first, where there is one.
        let pages = document.document?.pageCount
        do {
            try DocumentPublisher.publish(document, as: request.outputName, to: outputDirectory)
        } catch {
            return .done(
                status: "output_failed",
                message: "cannot write the output of '\(request.path)': \(error.localizedDescription)", pages: pages,
                ocrPages: ocrPages)
        }
        return .done(
            status: failure?.code.rawValue ?? "ok", message: failure.map { "\($0.code.rawValue): \($0.message)" },
            pages: pages, ocrPages: ocrPages)
    }
}
