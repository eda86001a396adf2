import ArgumentParser
import Foundation
import ProtokollModel
import ProtokollRunner

/// `protokoll export --by-type`: one NDJSON file per record type across all documents.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one NDJSON per record type (meetings, participants, agenda_items, …) across all documents.")

    @Option(name: .customLong("config"), help: "The pipeline configuration file.")
    var config = "pipeline.yml"

    @Flag(help: "Split by record type (the only export there is today).")
    var byType = false

    @Option(name: .customLong("from"), help: "The run's output directory (default: the configured output).")
    var from: String?

    @Option(help: "Where to write the files (default: <run output>/export).")
    var output: String?

    func run() throws {
        guard byType else {
            throw ValidationError("say --by-type: it is the export this version writes")
        }
        let settings = try ConfigOptions.parse(["--config", config]).load()
        let source = URL(fileURLWithPath: from ?? settings.output)
        let target = URL(fileURLWithPath: output ?? source.appendingPathComponent("export").path)
        do {
            let counts = try Exporter.exportByType(from: source, to: target)
            for (file, count) in counts.sorted(by: { $0.key < $1.key }) {
                print("\(file)\t\(count)")
            }
        } catch {
            FileHandle.standardError.write(
                Data("protokoll: cannot export from \(source.path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(ExitStatus.cannotWrite.rawValue)
        }
    }
}
