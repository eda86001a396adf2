public import Foundation
public import ProtokollExtract
import ProtokollModel

/// Writes inspection reports: one document's, or a whole run's with its index page.
public struct Inspector: Sendable {
    /// Draws the page images; its `dpi` also scales the boxes.
    public var renderer: PageRenderer

    /// - Parameter dpi: Resolution of the page images; 100 keeps an 80-page report near
    ///   10 MB while text stays legible.
    public init(dpi: Double = 100) {
        renderer = PageRenderer(dpi: dpi)
    }

    /// Reads `input` through the pipeline and writes its report as `<name>.html` into
    /// `directory` (created when missing).
    /// - Parameter name: The report's base name; the input's file name by default.
    /// - Returns: The report's location and the document's status (`ok` or the failure code;
    ///   a failed document still gets a report showing why).
    /// - Throws: ``InspectError``.
    public func writeReport(input: String, to directory: URL, name: String? = nil) throws -> (
        url: URL, status: String
    ) {
        let document = try InspectedDocument.read(path: input, renderer: renderer)
        let html = ReportBuilder(dpi: renderer.dpi).html(for: document)
        let url = directory.appendingPathComponent((name ?? (input as NSString).lastPathComponent) + ".html")
        try Self.write(html, to: url)
        return (url, document.status)
    }

    /// Writes a report for every document of the run in `runOutput` whose input is found
    /// among `inputs`, then `index.html` listing all documents worst first.
    ///
    /// Inputs are matched by content (`source_document.sha256`), so they may have moved or
    /// been renamed since the run. Failed documents get no report, because re-reading a file
    /// that crashed or hung a worker would risk this process: the index shows their error.
    /// - Parameters:
    ///   - inputs: Files or directories to look for the run's inputs in.
    ///   - progress: Called after each document with its finished entry.
    /// - Returns: The index's location and the entries in the order shown.
    /// - Throws: ``InspectError/noRunOutput(directory:)``, ``InspectError/cannotWrite(path:reason:)``.
    public func writeIndex(
        runOutput: URL, inputs: [String], to directory: URL, progress: (RunIndex.Entry) -> Void = { _ in }
    ) throws -> (url: URL, entries: [RunIndex.Entry]) {
        var entries = try RunIndex.read(directory: runOutput)
        let matcher = InputMatcher(candidates: inputs, sizes: Set(entries.compactMap(\.byteSize)))
        for index in entries.indices {
            let entry = entries[index]
            if entry.failed {
                entries[index].note = "failed: no report"
            } else if let path = entry.sha256.flatMap({ matcher.paths[$0] }) {
                do {
                    let written = try writeReport(input: path, to: directory, name: entry.outputName)
                    entries[index].report = written.url.lastPathComponent
                } catch let error as InspectError {
                    if case .cannotWrite = error { throw error }
                    entries[index].note = "no report: \(error)"
                }
            } else {
                entries[index].note = "input not found (give it with --input)"
            }
            progress(entries[index])
        }
        let ordered = RunIndex.worstFirst(entries)
        let url = directory.appendingPathComponent("index.html")
        try Self.write(IndexPageBuilder().html(entries: ordered, runDirectory: runOutput.path), to: url)
        return (url, ordered)
    }

    private static func write(_ html: String, to url: URL) throws {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(Data(html.utf8), to: url)
        } catch {
            throw InspectError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }
}
