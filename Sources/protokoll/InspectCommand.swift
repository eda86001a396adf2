import ArgumentParser
import Foundation
import ProtokollInspect
import ProtokollModel
import ProtokollRunner

/// `protokoll inspect`: a visual audit. One document's pages with what the pipeline removed
/// and what it read drawn on them, as a self-contained HTML file; or, with `--index`, a
/// report for every document of a run and an index page, worst first.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Write an HTML report of what the pipeline read from a document, drawn on its pages.",
        discussion: """
            protokoll inspect FILE writes <output>/<file name>.html (default output: inspect). \
            protokoll inspect --index RUN_OUTPUT_DIR writes a report for each document of that \
            run and <output>/index.html (default output: RUN_OUTPUT_DIR/inspect). Inputs are \
            found by content hash among the paths in the run's ledger and any --input files or \
            directories. Reports open from disk and need no network. See docs/inspect.md.

            Exit codes: 0 reports written; 64 usage error; 65 a report could not be made for \
            some document; 66 no input or no run output; 73 output could not be written.
            """
    )

    @Argument(help: "The PDF or DOCX to inspect.")
    var file: String?

    @Option(
        help: ArgumentHelp(
            "A run's output directory: write a report per document and index.html.", valueName: "run-output-dir"))
    var index: String?

    @Option(
        name: .customLong("input"),
        help: ArgumentHelp("With --index: a file or directory holding the run's inputs; repeatable.", valueName: "path")
    )
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Where to write the HTML.", valueName: "dir"))
    var output: String?

    @Option(help: "Resolution of the page images, 36 to 300.")
    var dpi: Double = 100

    func validate() throws {
        guard (file == nil) != (index == nil) else {
            throw ValidationError("give either FILE or --index RUN_OUTPUT_DIR")
        }
        guard (36...300).contains(dpi) else { throw ValidationError("--dpi must be between 36 and 300") }
        if file != nil && !inputs.isEmpty { throw ValidationError("--input goes with --index") }
    }

    func run() throws {
        let inspector = Inspector(dpi: dpi)
        do {
            if let file {
                guard FileManager.default.fileExists(atPath: file) else {
                    throw fail("no such file: \(file)", .noInput)
                }
                let written = try inspector.writeReport(
                    input: file, to: URL(fileURLWithPath: output ?? "inspect"))
                print(written.url.path)
                if written.status != "ok" { note("\(file): \(written.status); the report shows why") }
            } else if let index {
                let run = URL(fileURLWithPath: index)
                let written = try inspector.writeIndex(
                    runOutput: run, inputs: ledgerPaths(run) + inputs,
                    to: URL(fileURLWithPath: output ?? run.appendingPathComponent("inspect").path)
                ) { entry in
                    note("\(entry.outputName): \(entry.report ?? entry.note ?? "")")
                }
                print(written.url.path)
                if written.entries.contains(where: { $0.note?.hasPrefix("no report") == true }) {
                    throw ExitCode(ExitStatus.someDocumentsFailed.rawValue)
                }
            }
        } catch let error as InspectError {
            switch error {
            case .noRunOutput: throw fail("\(error)", .noInput)
            case .cannotRender: throw fail("\(error)", .someDocumentsFailed)
            case .cannotWrite: throw fail("\(error)", .cannotWrite)
            }
        }
    }

    /// The input paths the run's ledger remembers, so `--index` usually needs no `--input`.
    /// Read here line by line rather than through `Ledger`, which may repair (truncate) the
    /// file: an audit must not write into a run, perhaps one still going.
    private func ledgerPaths(_ run: URL) -> [String] {
        let url = run.appendingPathComponent(".protokoll/ledger.ndjson")
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        return Set(lines.compactMap { try? NDJSON.decode(Ledger.Entry.self, from: $0).path }).sorted()
    }

    private func note(_ message: String) {
        FileHandle.standardError.write(Data("protokoll inspect: \(message)\n".utf8))
    }

    /// Says why on stderr and gives the exit code to throw.
    private func fail(_ message: String, _ status: ExitStatus) -> ExitCode {
        note(message)
        return ExitCode(status.rawValue)
    }
}
