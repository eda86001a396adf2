import ArgumentParser

/// `protokoll`: the batch runner for cron jobs and backlogs.
@main
struct ProtokollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protokoll",
        abstract: "Turn Swedish meeting protocols (PDF, DOCX) into NDJSON, in batches.",
        subcommands: [
            RunCommand.self, StatusCommand.self, ExportCommand.self, InspectCommand.self, WorkerCommand.self,
            ScanCopyCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}
