import ArgumentParser
import CProcessControl
import Foundation
import ProtokollExtract
import ProtokollModel
import ProtokollRunner

/// `protokoll worker`: what `protokoll run` starts in its worker processes. Not for direct use.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Serve documents for `protokoll run` over stdin and stdout.",
        shouldDisplay: false
    )

    @Option(help: "Where the output files go.")
    var output: String

    @Option(help: "Extraction limits as JSON (ExtractionLimits), as the runner encodes them from pipeline.yml.")
    var limits: String?

    @Option(help: "Address space of this process, in MiB (0: no limit).")
    var maxMemoryMb = 0

    @Option(help: "OCR settings as JSON (OCRSettings), as the runner encodes them from pipeline.yml.")
    var ocrSettings: String?

    @Option(help: "Least seconds between two progress replies within a document (0: after every page).")
    var progressSeconds = 0.0

    func run() throws {
        // The worker publishes into the runner's output directory: it must not outlive the runner.
        protokoll_die_with_parent()
        if getppid() == 1 { throw ExitCode(ExitStatus.cannotWrite.rawValue) }
        AddressSpaceLimit.apply(megabytes: maxMemoryMb)
        let extraction =
            try limits.map { try JSONDecoder().decode(ExtractionLimits.self, from: Data($0.utf8)) }
            ?? ExtractionLimits()
        let settings =
            try ocrSettings.map { try JSONDecoder().decode(OCRSettings.self, from: Data($0.utf8)) } ?? OCRSettings()
        let worker = DocumentWorker(
            limits: extraction, ocr: settings, outputDirectory: URL(fileURLWithPath: output),
            progressInterval: .seconds(max(0, progressSeconds)))
        do {
            try worker.serve(beforeEach: FaultInjection.apply(to:))
        } catch {
            throw ExitCode(ExitStatus.cannotWrite.rawValue)
        }
    }
}
